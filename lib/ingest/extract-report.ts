import { type ExtractContext, type Extracted, compact } from "./context";
import { isoDate, parseRocDate, rocToGregorian } from "./dates";
import { UnrecognisedDocumentError } from "./detect";
import { extractFigures } from "./figures";
import type { LogicalLine } from "./normalise";
import { toParsedNode } from "./nodes";
import { parseNumberLabel } from "./numbering";
import { parseAnyNumber } from "./numerals";
import { buildTree, type TreeNode, walk } from "./tree";
import type { ParsedFigure } from "./types";

/**
 * 業務報告: a header (日期, 報告人), a greeting that names the council session and often the
 * period covered, then numbered sections with unnumbered sub-headings and results full of
 * figures, and a closing greeting (敬祝 …) that is not part of any section.
 */

const TITLES = [
  "副主任委員",
  "主任委員",
  "主任秘書",
  "副處長",
  "處長",
  "副局長",
  "代理局長",
  "局長",
  "主委",
  "主任",
  "執行長",
  "秘書長",
  "副秘書長",
  "主計長",
  "館長",
  "院長",
  "校長",
  "總幹事",
  "委員",
  "首長",
  "市長",
  "副市長",
  "參事",
  "代理",
];
const SESSION =
  /第([\d一二三四五六七八九十]+)屆第([\d一二三四五六七八九十]+)次(定期大會|臨時大會|定期會|臨時會|大會)/u;
const DATE = "(?:(\\d{2,3})年)?(\\d{1,2})月(\\d{1,2})日";
const PERIOD = new RegExp(`(\\d{2,3})年(\\d{1,2})月(\\d{1,2})日(?:起)?(?:至|到|~|-|－)${DATE}`, "u");
const CLOSING = /敬\s*祝|順\s*頌|恭\s*祝|謹\s*祝/u;

/** "處長陳瓊華" → "陳瓊華": the presenter's name without the office title printed before it. */
export function presenterName(line: string): string | null {
  const m = /報告人[:：]\s*(.+)$/u.exec(line);
  if (!m) return null;
  let name = compact(m[1]!);
  for (let changed = true; changed;) {
    changed = false;
    for (const t of TITLES) {
      if (name.startsWith(t) && name.length - t.length >= 2) {
        name = name.slice(t.length);
        changed = true;
      }
    }
  }
  return name.length >= 2 && name.length <= 6 ? name : null;
}

export function councilSession(text: string): string | null {
  const m = SESSION.exec(compact(text));
  if (!m) return null;
  const term = parseAnyNumber(m[1]!);
  const meeting = parseAnyNumber(m[2]!);
  if (term === null || meeting === null) return null;
  return `第 ${term} 屆第 ${meeting} 次${m[3]}`;
}

/** "106 年 2 月 16 日至 106 年 7 月 31 日" → ISO dates; the second year may be omitted. */
export function reportingPeriod(text: string): { from: string; to: string } | null {
  const m = PERIOD.exec(compact(text));
  if (!m) return null;
  const y1 = Number(m[1]);
  const y2 = m[4] ? Number(m[4]) : y1;
  const from = isoDate(rocToGregorian(y1), Number(m[2]), Number(m[3]));
  const to = isoDate(rocToGregorian(y2), Number(m[5]), Number(m[6]));
  return from && to && from <= to ? { from, to } : null;
}

/**
 * The body starts at the first top-level heading numbered 1 (壹、 or 一、) after the header, or at
 * the first 壹、-style heading of any number: a single chapter of a mayor's report starts at 肆、.
 */
function bodyStart(lines: LogicalLine[]): number {
  return lines.findIndex((l) => {
    const label = l.kind === "text" ? parseNumberLabel(l.text) : null;
    return label !== null && ((label.ordinal === 1 && label.system === "cjk") || label.system === "formal");
  });
}

function closingStart(lines: LogicalLine[], from: number): number {
  for (let i = Math.max(from, lines.length - 12); i < lines.length; i++)
    if (CLOSING.test(lines[i]!.text)) return i;
  return lines.length;
}

function figuresOf(roots: TreeNode[]): ParsedFigure[] {
  const figures: ParsedFigure[] = [];
  walk(roots, (node) => {
    for (const line of [node.heading, ...node.body]) figures.push(...extractFigures(line, node.key));
  });
  return figures;
}

export function extractReport(ctx: ExtractContext): Extracted {
  const { body, warnings } = ctx;
  const start = bodyStart(body);
  if (start < 0) throw new UnrecognisedDocumentError({ code: "reportWithoutSections", params: {} });
  const header = body.slice(0, start);
  const end = closingStart(body, start);
  const tree = buildTree(body.slice(start, end), { headings: true, startAnywhere: true, warnings });
  const headerText = header.map((l) => l.text).join("\n");
  const dateLine =
    header.find((l) => /日期[:：]/u.test(compact(l.text))) ??
    ctx.doc.lines.find((l) => /日期[:：]/u.test(compact(l.text)));
  const presentedOn = dateLine ? parseRocDate(dateLine.text) : null;
  const presenterLine = header.find((l) => /報告人[:：]/u.test(l.text));
  const presenter = presenterLine ? presenterName(presenterLine.text) : null;
  const session = councilSession(headerText);
  const period = reportingPeriod(headerText);
  if (!presentedOn) warnings.push({ code: "reportDateMissing", params: {} });
  if (!presenter) warnings.push({ code: "reportPresenterMissing", params: {} });
  if (!session) warnings.push({ code: "reportSessionMissing", params: {} });
  const nodes = tree.roots.map((r) =>
    toParsedNode(r, (n) => (n.children.length > 0 || n.style !== "numbered" ? "section" : "point")),
  );
  return {
    nodes,
    budgetLines: [],
    figures: figuresOf(tree.roots),
    presenter,
    presentedOn,
    councilSession: session,
    period: period ?? { from: null, to: null },
  };
}
