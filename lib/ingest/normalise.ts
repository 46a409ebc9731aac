import { parseNumberLabel } from "./numbering";
import { GENRE_PROFILES } from "./profiles";

/**
 * Every document goes through here first. PDF extraction leaves compatibility ideographs,
 * mixed-width characters, lines broken at the printed width, running headers, page numbers,
 * photo captions and stray HTML; this turns the raw text into logical lines (sentences and
 * headings rejoined) that still know which original lines (1-based) they came from.
 */

export type LineKind = "text" | "bullet" | "table";

/** One original line after character clean-up, before joining. */
export type PhysicalLine = {
  line: number;
  text: string;
  kind: LineKind | "blank" | "dropped";
  dropReason: string | null;
  /** Started with an ideographic space or bullet glyph: a paragraph or heading start. */
  marker: boolean;
  /** Ended with whitespace: in text extracted from PDFs this marks a hard break, not a wrap. */
  trailingSpace: boolean;
  /** Held a form feed: a page starts on this line. */
  pageBreak?: boolean;
};

/** Where, in a logical line's text, each contributing original line starts. */
export type Segment = { at: number; line: number };

export type LogicalLine = {
  text: string;
  from: number;
  to: number;
  kind: LineKind;
  marker: boolean;
  segments: Segment[];
};

export type NormalisedText = {
  lines: LogicalLine[];
  physical: PhysicalLine[];
  originalLineCount: number;
  /** Original lines dropped as page furniture, with the reason. */
  dropped: Array<{ line: number; reason: string }>;
};

const CJK_CHAR = /[\u3400-\u9fff\uf900-\ufaff]/u;
const KEEP_GLYPHS = /([\u2460-\u2487])/u; // ①… and ⑴…: NFKC would flatten them into plain digits.

/** NFKC, except for numbering glyphs, and with CJK punctuation kept full-width next to CJK text. */
export function normaliseChars(input: string): string {
  let s = input
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/gu, "")
    .replace(/\ufe30|\ufe13/gu, "：")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/gu, "");
  // (\n survives: normaliseLines cleans a whole file at once, and no replacement crosses a line.)
  s = s
    .split(KEEP_GLYPHS)
    .map((part, i) => (i % 2 === 1 ? part : part.normalize("NFKC")))
    .join("");
  // NFKC turns ，；：！？ into ASCII; in Chinese text they should stay full-width.
  return s.replace(
    /(?<=[\u3400-\u9fff」』）)])[^\S\n]*([,;:!?])|([,;:!?])(?=[^\S\n]*[\u3400-\u9fff「『])/gu,
    (m, a?: string, b?: string) => {
      const p = a ?? b ?? m;
      return FULL_PUNCT[p] ?? p;
    },
  );
}

const FULL_PUNCT: Readonly<Record<string, string>> = {
  ",": "，",
  ";": "；",
  ":": "：",
  "!": "！",
  "?": "？",
};

const ENTITIES: Readonly<Record<string, string>> = {
  nbsp: " ",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
};

function stripHtml(s: string): string {
  if (!s.includes("<") && !s.includes("&")) return s;
  return s.replace(/<\/?[a-zA-Z][^<>]*>/gu, " ").replace(/&(#\d{1,6}|[a-z]{2,6});/gu, (m, name: string) => {
    if (name.startsWith("#")) {
      const cp = Number(name.slice(1));
      return cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : m;
    }
    return Object.hasOwn(ENTITIES, name) ? (ENTITIES[name] ?? m) : m;
  });
}

/** "民  政" → "民政", "許 立 明" → "許立明": PDFs space out short names; a run of single CJK characters is one word. */
export function collapseSpacedOut(s: string): string {
  if (!s.includes(" ") && !s.includes("\t")) return s;
  return s.replace(
    /(?<![\u3400-\u9fff])[\u3400-\u9fff](?:[ \t]+[\u3400-\u9fff](?![\u3400-\u9fff]))+/gu,
    (m) => m.replace(/[ \t]+/gu, ""),
  );
}

function cleanCell(s: string): string {
  return collapseSpacedOut(
    stripHtml(s)
      .replace(/[ \u3000]+/gu, " ")
      .trim(),
  );
}

/** Inline references to photos on another page: "（照片 2、3、4）". */
const PHOTO_REF = /[(（]\s*(?:照片|相片|圖)\s*\d+(?:\s*[、,，及和至-]\s*\d+)*\s*[)）]/gu;
const CAPTION = /^(?:照片|相片|圖片?)\s*\d+\s*[:：]/u;
const PLACEHOLDER = /^\[?(?:圖片|照片|相片|image|img|photo)\]?$/iu;
const PAGE_NUMBER = [
  /^[-–—]?\s*\d{1,5}\s*[-–—]?$/u,
  /^第\s*\d+\s*頁(?:\s*[,，/]?\s*共\s*\d+\s*頁)?$/u,
  /^\d{1,4}\s*\/\s*\d{1,4}$/u,
  /^[-–—]\s*[ivxlcIVXLC]{1,6}\s*[-–—]$/u,
  // Budget books: "02-004 - 7", "011 - 7", "02-004-1" (the agency's number, then the page).
  /^\d{2,3}(?:-\d{3})?\s*-\s*\d{1,4}$/u,
];
const RULE_LINE = /^[\s\-–—=_|+]*[-–—=_]{3,}[\s\-–—=_|+]*$/u;
const BULLET = /^[-–•●○◦▪■□◆◇▶►]\s+(?=\S)/u;
const MARKER = /^[ \t]*(?:\u3000|[●◆■▲◎★▪•◇□►▶✓※])/u;

function isPageNumber(t: string): boolean {
  return t.length <= 24 && PAGE_NUMBER.some((re) => re.test(t));
}

/** normaliseChars of every line, in one pass over the file (the same result, much faster). */
function normaliseLines(rawLines: readonly string[]): string[] {
  return normaliseChars(rawLines.join("\n")).split("\n");
}

/** Character-level clean-up of one original line; the caller decides what kind of line it is. */
function cleanPhysical(raw: string, line: number, chars: string): PhysicalLine {
  const p = cleanPhysicalLine(raw, line, chars);
  if (raw.includes("\f")) p.pageBreak = true;
  return p;
}

/**
 * A row of a table whose cells are separated by runs of spaces instead of tabs: two such gaps, or
 * one before an amount. Single spaces separate words, so they never split cells.
 */
function spacedRow(chars: string): boolean {
  const t = chars.trim();
  const gaps = t.match(/ {2,}/gu)?.length ?? 0;
  return gaps >= 2 || (gaps === 1 && /\S {2,}-?(?:\d{1,3}(?:,\d{3})+|\d+)$/u.test(t));
}

function cleanPhysicalLine(raw: string, line: number, normalised: string): PhysicalLine {
  const marker = MARKER.test(raw);
  const trailingSpace = /[ \t\u3000]$/u.test(raw) && raw.trim().length > 0;
  let chars = normalised;
  if (!chars.includes("\t") && spacedRow(chars)) chars = chars.trim().replace(/ {2,}/gu, "\t");
  if (chars.includes("\t")) {
    const cells = chars.split("\t").map(cleanCell);
    if (RULE_LINE.test(cells.join(" ")) || cells.every((c) => c === "" || RULE_LINE.test(c))) {
      return {
        line,
        text: "",
        kind: cells.some(Boolean) ? "dropped" : "blank",
        dropReason: "table rule",
        marker,
        trailingSpace,
      };
    }
    return { line, text: cells.join("\t"), kind: "table", dropReason: null, marker, trailingSpace };
  }
  let text = cleanCell(chars.replace(PHOTO_REF, ""));
  if (text === "") return { line, text, kind: "blank", dropReason: null, marker, trailingSpace };
  const bullet = isPageNumber(text) ? null : BULLET.exec(text);
  if (bullet) text = text.slice(bullet[0].length).trim();
  const kind: LineKind = bullet ? "bullet" : "text";
  return { line, text, kind, dropReason: null, marker: marker || Boolean(bullet), trailingSpace };
}

function drop(p: PhysicalLine, reason: string): void {
  p.kind = "dropped";
  p.dropReason = reason;
}

/** A line a running-header filter must never take: a unit line, a data row, a numbered item. */
function protectedLine(text: string): boolean {
  if (/單位[:：]/u.test(text)) return true;
  if ((text.match(/\d[\d,]*/gu) ?? []).length >= 2) return true;
  return parseNumberLabel(text) !== null;
}

/**
 * Running headers and footers: short lines repeated at page boundaries. A repeat only counts when it
 * sits next to a page boundary (a page number or a form feed within three lines), or, in a file
 * without any page marks, when it recurs at least three times; a phrase that happens to occur twice
 * in the body (a diagram label, say) is kept. Unit lines, data rows and numbered items are never
 * taken, and the first occurrence at the top of the file is kept when it is the title.
 */
function dropRunningHeaders(phys: PhysicalLine[]): void {
  const nonBlank = phys.filter((p) => p.kind !== "blank" || p.pageBreak);
  const nearBoundary = new Set<number>();
  let marks = 0;
  nonBlank.forEach((p, i) => {
    if (p.dropReason !== "page number" && !p.pageBreak) return;
    marks++;
    for (let d = -3; d <= 3; d++) {
      const q = nonBlank[i + d];
      if (q) nearBoundary.add(q.line);
    }
  });
  const top = new Set(
    phys
      .filter((p) => p.kind === "text")
      .slice(0, 8)
      .map((p) => p.line),
  );
  const groups = new Map<string, PhysicalLine[]>();
  for (const p of nonBlank) {
    if (p.kind !== "text") continue;
    const key = p.text.replace(/\s+/gu, "");
    if (key.length < 2 || key.length > 40 || /[。！？]$/u.test(key)) continue;
    const g = groups.get(key);
    if (g) g.push(p);
    else groups.set(key, [p]);
  }
  for (const [key, g] of groups) {
    if (g.length < 2 || protectedLine(g[0]!.text)) continue;
    const adjacent = g.some((p) => nearBoundary.has(p.line));
    const frequent = g.length >= 3 && key.length >= 6 && !key.includes("，") && (marks === 0 || adjacent);
    if (!adjacent && !frequent) continue;
    for (const p of g) {
      // The title on the first page, repeated as every page's header: keep the title.
      if (p === g[0] && top.has(p.line) && !nearBoundary.has(p.line)) continue;
      if (marks > 0 && !nearBoundary.has(p.line)) continue;
      drop(p, "running header");
    }
  }
}

/** Photo captions ("照片 3：…") and their wrapped second line. */
function dropCaptions(phys: PhysicalLine[], width: number): void {
  for (let i = 0; i < phys.length; i++) {
    const p = phys[i]!;
    if (p.kind === "text" && PLACEHOLDER.test(p.text)) drop(p, "photo placeholder");
    if (p.kind !== "text" || !CAPTION.test(p.text)) continue;
    drop(p, "photo caption");
    let last = p;
    for (let j = i + 1; j < phys.length; j++) {
      const q = phys[j]!;
      if (q.kind === "blank") continue;
      const wrapped = last.text.length >= width * 0.7 && !/[。！？]$/u.test(last.text);
      if (q.kind !== "text" || !wrapped || CAPTION.test(q.text) || parseNumberLabel(q.text) || q.marker)
        break;
      drop(q, "photo caption");
      last = q;
      if (q.text.length < width * 0.7) break;
    }
  }
}

/** The printed line width: most wrapped lines are about this long. */
function typicalWidth(phys: PhysicalLine[]): number {
  const lengths = phys
    .filter((p) => p.kind === "text" && p.text.length >= 8)
    .map((p) => p.text.length)
    .sort((a, b) => a - b);
  if (lengths.length === 0) return 30;
  return lengths[Math.floor(lengths.length * 0.8)] ?? 30;
}

const TERMINAL = /[。！？：!?:][」』)）"]*$/u;
/** A table-of-contents entry ends at its page number: "壹、前言 ........ 1", "前言 …… 第 3 頁". */
const CONTENTS_ENTRY = /(?:\.{3,}|…{2,}|‧{3,}|·{3,})\s*(?:第\s*)?\d{1,4}\s*頁?$/u;
/** A document's title (a genre's title wording on a short line without punctuation) stands alone. */
function isTitle(text: string): boolean {
  if (text.length > 60 || !/綱要|計畫|報告|預算|重點/u.test(text) || /[，。；：,;:]/u.test(text))
    return false;
  const t = text.replace(/\s+/gu, "");
  return GENRE_PROFILES.some((p) => p.title.test(t));
}

/** "目 次", "目錄": starts a table of contents, never continues the line before it. */
const CONTENTS_TITLE = /^(?:總\s*)?目\s*(?:次|錄)$/u;
const OPEN_END = /[，、；「『(（,;]$/u;

function unbalanced(s: string): boolean {
  if (!/[(（「『]/u.test(s)) return false;
  let depth = 0;
  for (const ch of s) {
    if (ch === "(" || ch === "（" || ch === "「" || ch === "『") depth++;
    else if ((ch === ")" || ch === "）" || ch === "」" || ch === "』") && depth > 0) depth--;
  }
  return depth > 0;
}

type JoinContext = { hardBreaks: boolean; width: number };

/** Does `b` continue the sentence that `a` was cut off in? */
function continues(a: PhysicalLine, b: PhysicalLine, ctx: JoinContext): boolean {
  if (a.kind !== "text" || b.kind !== "text" || b.marker) return false;
  if (parseNumberLabel(b.text) || CAPTION.test(b.text)) return false;
  if (TERMINAL.test(a.text) || CONTENTS_ENTRY.test(a.text) || CONTENTS_TITLE.test(b.text)) return false;
  if (isTitle(a.text)) return false;
  if (unbalanced(a.text) || OPEN_END.test(a.text)) return true;
  // A hard break inside a sentence (the clause before it has a comma) is still a break in the sentence.
  // A numbered line ending in a hard break is a heading even when it has a comma.
  if (ctx.hardBreaks) return !a.trailingSpace || (/[，；]/u.test(a.text) && !parseNumberLabel(a.text));
  const label = parseNumberLabel(a.text);
  if (label && label.rest.length <= 20 && !/[，,]/u.test(label.rest)) return false;
  return /[，；]/u.test(a.text) || a.text.length >= ctx.width * 0.5;
}

function needsSpace(a: string, b: string): boolean {
  return /[A-Za-z0-9]$/u.test(a) && /^[A-Za-z0-9]/u.test(b);
}

function toLogical(phys: PhysicalLine[], ctx: JoinContext): LogicalLine[] {
  const out: LogicalLine[] = [];
  let current: { parts: string[]; len: number; line: LogicalLine; last: PhysicalLine } | null = null;
  const flush = (): void => {
    if (!current) return;
    current.line.text = current.parts.join("");
    out.push(current.line);
    current = null;
  };
  for (const p of phys) {
    if (p.kind === "blank" || p.kind === "dropped") continue;
    if (current && continues(current.last, p, ctx)) {
      const sep = needsSpace(current.last.text, p.text) ? " " : "";
      current.parts.push(sep + p.text);
      current.line.segments.push({ at: current.len + sep.length, line: p.line });
      current.len += sep.length + p.text.length;
      current.line.to = p.line;
      current.last = p;
      continue;
    }
    flush();
    const line: LogicalLine = {
      text: "",
      from: p.line,
      to: p.line,
      kind: p.kind,
      marker: p.marker,
      segments: [{ at: 0, line: p.line }],
    };
    current = { parts: [p.text], len: p.text.length, line, last: p };
  }
  flush();
  return out;
}

/** Splits on any line break convention; the result's index + 1 is the original line number. */
export function splitLines(raw: string): string[] {
  return raw.split(/\r\n|\r|\n|\u2028|\u2029/u);
}

export function normaliseText(raw: string): NormalisedText {
  const rawLines = splitLines(raw);
  const normalised = normaliseLines(rawLines);
  const phys = rawLines.map((r, i) => cleanPhysical(r, i + 1, normalised[i] ?? ""));
  for (const p of phys) if (p.kind === "text" && isPageNumber(p.text)) drop(p, "page number");
  dropRunningHeaders(phys);
  const width = typicalWidth(phys);
  dropCaptions(phys, width);
  const textLines = phys.filter((p) => p.kind === "text");
  const withSpace = textLines.filter((p) => p.trailingSpace).length;
  const hardBreaks =
    withSpace >= textLines.length * 0.1 && textLines.length - withSpace >= textLines.length * 0.1;
  return {
    lines: toLogical(phys, { hardBreaks, width }),
    physical: phys,
    originalLineCount: rawLines.length,
    dropped: phys
      .filter((p) => p.kind === "dropped")
      .map((p) => ({ line: p.line, reason: p.dropReason ?? "dropped" })),
  };
}

/** The original line a character of a logical line came from. */
export function lineAt(line: LogicalLine, offset: number): number {
  let result = line.from;
  for (const s of line.segments) {
    if (s.at <= offset) result = s.line;
    else break;
  }
  return result;
}

export function isCjk(ch: string): boolean {
  return CJK_CHAR.test(ch);
}
