import { fold, squeezeWithMap } from "./normalise";

/** A run of result text; `match` runs are what the query found (rendered as <mark>). */
export type HighlightSegment = { text: string; match: boolean };

type Range = { start: number; end: number; term: number };

/**
 * Where the terms (in search form) occur in a display text, as ranges of the display text. Matching
 * happens on the folded, squeezed form, so 捷运 marks 捷運 and 民政 marks 民  政.
 */
function matchRanges(display: string, terms: readonly string[]): Range[] {
  const { text, map } = squeezeWithMap(fold(display));
  const ranges: Range[] = [];
  terms.forEach((term, index) => {
    if (!term) return;
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length)) {
      const start = map[at];
      const last = map[at + term.length - 1];
      if (start !== undefined && last !== undefined) ranges.push({ start, end: last + 1, term: index });
    }
  });
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const r of ranges) {
    const previous = merged.at(-1);
    if (previous && r.start <= previous.end) previous.end = Math.max(previous.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

function segments(display: string, ranges: readonly Range[], from: number, to: number): HighlightSegment[] {
  const out: HighlightSegment[] = [];
  let at = from;
  for (const r of ranges) {
    if (r.end <= from || r.start >= to) continue;
    const start = Math.max(r.start, from);
    const end = Math.min(r.end, to);
    if (start > at) out.push({ text: display.slice(at, start), match: false });
    out.push({ text: display.slice(start, end), match: true });
    at = end;
  }
  if (at < to) out.push({ text: display.slice(at, to), match: false });
  return out;
}

/** The whole text with its matches marked. */
export function highlight(display: string, terms: readonly string[]): HighlightSegment[] {
  return segments(display, matchRanges(display, terms), 0, display.length);
}

/**
 * About `length` characters of the text around its best passage (the one showing the most
 * different terms, earliest on a tie), matches marked, "…" where it was cut.
 */
export function snippet(display: string, terms: readonly string[], length = 120): HighlightSegment[] {
  if (display.length <= length) return highlight(display, terms);
  const ranges = matchRanges(display, terms);
  const lead = Math.floor(length / 5);
  let from = 0;
  let best = -1;
  for (const r of ranges) {
    const start = Math.max(0, Math.min(r.start - lead, display.length - length));
    const seen = new Set(
      ranges.filter((x) => x.start >= start && x.end <= start + length).map((x) => x.term),
    );
    if (seen.size > best) {
      best = seen.size;
      from = start;
    }
  }
  // Never cut a surrogate pair in half.
  const snap = (i: number) => {
    const unit = display.charCodeAt(i);
    return unit >= 0xdc00 && unit <= 0xdfff ? i - 1 : i;
  };
  from = snap(from);
  const to = snap(Math.min(display.length, from + length));
  const body = segments(display, ranges, from, to);
  return [
    ...(from > 0 ? [{ text: "…", match: false }] : []),
    ...body,
    ...(to < display.length ? [{ text: "…", match: false }] : []),
  ];
}

/** Plain text of segments, matches wrapped (for logs, feeds and tests): 推動【捷運】. */
export function markedText(parts: readonly HighlightSegment[], open = "【", close = "】"): string {
  return parts.map((p) => (p.match ? `${open}${p.text}${close}` : p.text)).join("");
}
