import type { LogicalLine } from "./normalise";
import { CONTENTS_HEADING, isContentsEntry } from "./profiles";

/**
 * Tables of contents (目次, 目錄) repeat the document's headings with page numbers; read as text
 * they would become a second copy of the tree. A contents block is a 目次 heading with the entries
 * below it, or three entries in a row; lines between entries that repeat a heading printed later
 * (a chapter name without a page number) belong to it too. Blocks are taken out of the lines to read
 * and reported.
 */

export type ContentsBlock = { from: number; to: number; entries: number };

/** A short line without a page number inside a contents block: a chapter name with entries below. */
function bridge(line: LogicalLine, next: readonly LogicalLine[]): boolean {
  const t = line.text.replace(/\s+/gu, "");
  return (
    line.kind !== "table" &&
    t.length <= 30 &&
    !/[。，；]/u.test(t) &&
    next.slice(0, 3).some((l) => l.kind !== "table" && isContentsEntry(l.text))
  );
}

export function stripContents(lines: readonly LogicalLine[]): {
  lines: LogicalLine[];
  blocks: ContentsBlock[];
} {
  const keep: LogicalLine[] = [];
  const blocks: ContentsBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const heading = line.kind !== "table" && CONTENTS_HEADING.test(line.text.replace(/\s+/gu, ""));
    let j = heading ? i + 1 : i;
    let entries = 0;
    while (j < lines.length) {
      const l = lines[j]!;
      if (l.kind !== "table" && isContentsEntry(l.text)) entries++;
      else if (!(entries > 0 || heading) || !bridge(l, lines.slice(j + 1))) break;
      j++;
    }
    if (entries >= 3 || (heading && entries >= 1)) {
      blocks.push({ from: line.from, to: lines[j - 1]!.to, entries });
      i = j;
      continue;
    }
    keep.push(line);
    i++;
  }
  return { lines: keep, blocks };
}
