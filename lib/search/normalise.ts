import { Converter } from "opencc-js/t2cn";

/**
 * The text side of search. Every piece of text, indexed or typed, goes through the same steps:
 *
 *   display  = NFKC, whitespace runs collapsed          (what results show: the city's own script)
 *   fold     = display, lower case, Traditional → Simplified, same length as display
 *   squeeze  = fold without the spaces PDFs leave beside CJK characters (民  政 → 民政)
 *
 * Segmentation and phrase matching work on the squeezed form; highlighting finds matches there and
 * maps them back to the display text through `squeezeWithMap`.
 */

type Convert = (text: string) => string;

let toSimplifiedConverter: Convert | null = null;

/** OpenCC's Taiwan-standard → Mainland-Simplified converter, made once per process. */
function simplified(text: string): string {
  toSimplifiedConverter ??= Converter({ from: "tw", to: "cn" });
  return toSimplifiedConverter(text);
}

/**
 * Applies `f` to the whole text (so OpenCC converts words in context: 計畫 → 计划), and falls back
 * to one code point at a time if that changed the length, keeping any code point whose mapping is
 * not one-for-one. The result always has the input's length, so positions carry over.
 */
function sameLength(text: string, f: Convert): string {
  const whole = f(text);
  if (whole.length === text.length) return whole;
  return Array.from(text, (ch) => {
    const mapped = f(ch);
    return mapped.length === ch.length ? mapped : ch;
  }).join("");
}

/** NFKC (seed 000 writes thousands of compatibility ideographs; full-width digits), one space per run. */
export function displayText(text: string): string {
  return text.normalize("NFKC").replace(/\s+/gu, " ").trim();
}

/** Lower case and Simplified, position for position with its (already NFKC) input. */
export function fold(display: string): string {
  return sameLength(
    sameLength(display, (s) => s.toLowerCase()),
    simplified,
  );
}

/** Han, kana, bopomofo, CJK punctuation and full-width forms: text written without spaces. */
const WIDE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Drops every whitespace run that touches a wide character and makes other runs one space; returns
 * the squeezed text and, for each of its code units, the index it came from in the input.
 */
export function squeezeWithMap(text: string): { text: string; map: number[] } {
  let out = "";
  const map: number[] = [];
  let i = 0;
  while (i < text.length) {
    if (!/\s/u.test(text[i] ?? "")) {
      out += text[i];
      map.push(i);
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && /\s/u.test(text[end] ?? "")) end++;
    const before = out.at(-1);
    const after = text[end];
    const keep = before !== undefined && after !== undefined && !WIDE.test(before) && !WIDE.test(after);
    if (keep) {
      out += " ";
      map.push(i);
    }
    i = end;
  }
  return { text: out, map };
}

/** The form segmentation and phrase matching see: folded and squeezed. */
export function searchForm(text: string): string {
  return squeezeWithMap(fold(displayText(text))).text;
}

/** `%`, `_` and `\` taken literally in a LIKE pattern with ESCAPE '\'. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/gu, (ch) => `\\${ch}`);
}
