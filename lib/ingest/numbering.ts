import { CJK_NUMERAL_CHARS, FORMAL_NUMERAL_CHARS, parseChineseNumeral } from "./numerals";

/**
 * The numbering systems of Taiwanese government documents. They nest in a conventional order
 * (壹、 > 一、 > (一) > 1. > (1) > ⑴ > ①) but documents skip and reorder levels, so the tree
 * builder never assumes the order: it only needs to tell the systems apart.
 */
export type NumberSystem =
  | "formal" // 壹、
  | "cjk" // 一、
  | "paren-cjk" // (一) （一）
  | "arabic" // 1.  1、
  | "paren-arabic" // (1) （1）
  | "paren-glyph" // ⑴ (U+2474…)
  | "circled"; // ① (U+2460…)

export type NumberLabel = {
  system: NumberSystem;
  ordinal: number;
  /** Normalised printed form: "壹、", "十一、", "(十一)", "3.", "(2)", "⑴", "①". */
  label: string;
  /** The text after the label, trimmed. */
  rest: string;
};

const CJK = `[${CJK_NUMERAL_CHARS}]`;
const FORMAL = `[${FORMAL_NUMERAL_CHARS}]`;

// Each pattern is anchored at the start of an (already normalised) line. Spacing inside labels
// varies in PDFs ("( 一 )", "十、 農業"), so whitespace is tolerated everywhere.
const PATTERNS: ReadonlyArray<{ system: NumberSystem; re: RegExp }> = [
  { system: "formal", re: new RegExp(`^(${FORMAL}{1,4})\\s*、\\s*`, "u") },
  { system: "cjk", re: new RegExp(`^(${CJK}{1,4})\\s*、\\s*`, "u") },
  { system: "paren-cjk", re: new RegExp(`^[(（]\\s*(${CJK}{1,4})\\s*[)）]\\s*`, "u") },
  { system: "paren-arabic", re: /^[(（]\s*(\d{1,3})\s*[)）]\s*/u },
  // "1." but not "1.5" (a decimal) nor "106.7.1" (a date); "1、" is the same level.
  // "1.106 年…" is item 1 starting with a year, so digits after the dot are allowed before 年.
  { system: "arabic", re: /^(\d{1,3})\s*(?:[.．](?![\d.])|[.．](?=\d{2,3}\s*年)|、)\s*/u },
  { system: "paren-glyph", re: /^([\u2474-\u2487])\s*/u },
  { system: "circled", re: /^([\u2460-\u2473])\s*/u },
];

function ordinalOf(system: NumberSystem, raw: string): number | null {
  switch (system) {
    case "formal":
    case "cjk":
    case "paren-cjk":
      return parseChineseNumeral(raw);
    case "arabic":
    case "paren-arabic":
      return Number(raw);
    case "paren-glyph":
      return raw.codePointAt(0)! - 0x2474 + 1;
    case "circled":
      return raw.codePointAt(0)! - 0x2460 + 1;
  }
}

function printed(system: NumberSystem, raw: string): string {
  switch (system) {
    case "formal":
    case "cjk":
      return `${raw}、`;
    case "paren-cjk":
    case "paren-arabic":
      return `(${raw})`;
    case "arabic":
      return `${raw}.`;
    case "paren-glyph":
    case "circled":
      return raw;
  }
}

/**
 * The number label a line starts with, or null. Accepts both half- and full-width forms; the
 * label is returned in one normalised form so "（一）" and "(一)" compare equal.
 */
/** Characters a label can start with: anything else is not a label, without trying seven patterns. */
const LABEL_START = new RegExp(`^[${CJK_NUMERAL_CHARS}${FORMAL_NUMERAL_CHARS}(（\\d\\u2460-\\u2487]`, "u");

export function parseNumberLabel(line: string): NumberLabel | null {
  const text = line.trimStart();
  if (!LABEL_START.test(text)) return null;
  for (const { system, re } of PATTERNS) {
    const m = re.exec(text);
    if (!m || m[1] === undefined) continue;
    const ordinal = ordinalOf(system, m[1]);
    if (ordinal === null || ordinal <= 0) continue;
    const rest = text.slice(m[0].length).trim();
    // "一、二級" style enumerations inside a sentence are not headings: a label needs content
    // after it that does not itself continue the enumeration.
    if (system === "cjk" && /^[一二三四五六七八九十]、?[級類等]/u.test(rest)) continue;
    return { system, ordinal, label: printed(system, m[1]), rest };
  }
  return null;
}

/** Key segment for a label: the printed form without its trailing separator ("一、" → "一", "3." → "3"). */
export function labelKey(label: string): string {
  return label.replace(/[、.]$/u, "");
}
