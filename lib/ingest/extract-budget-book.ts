import { keyed } from "./budget";
import { type ExtractContext, type Extracted, compact } from "./context";
import { UnrecognisedDocumentError, firstLinesOf } from "./detect";
import { type LogicalLine, normaliseChars, type PhysicalLine } from "./normalise";
import { toParsedNode } from "./nodes";
import { parseNumberLabel } from "./numbering";
import { BUDGET_ACCOUNT_ROW, BUDGET_BOOK } from "./profiles";
import { scaleOfUnitLine } from "./amounts";
import { buildTree } from "./tree";
import type { ParsedBudgetLine } from "./types";

/**
 * 單位預算 / 法定預算 books: 預算總說明 with the year's 施政計畫重點 (key points), then the 歲出預算表:
 * one row per account (款 / 項 / 目 / 節: an ordinal and an 11-digit number, then the amounts, the
 * first being the year's total), its name on the lines below, possibly wrapped. 項 is the agency,
 * 目 a 業務計畫 (work programme), 節 a 工作計畫 (work plan). Each table's 單位 line sets its scale.
 */

const KEY_POINTS = /計畫重點/u;
const KEY_POINTS_END = /預算提要|成本估計|預算編列/u;
const EXPENDITURE_TABLE = /^歲出(?:機關別)?預算表$/u;
/** Another table's title ends the expenditure table. */
const OTHER_TABLE = /^[^\d(（]{2,30}(?:表|說明提要)$/u;
const HEADER_CELL =
  /^(?:科目|本年度預算數|上年度|前年度|本年度與|說明|預算數|決算數|上年度比較|款項目節|名稱及編號)/u;

type Level = "section" | "agency" | "programme" | "plan";

type AccountRow = {
  level: Level;
  code: string;
  amount: number;
  line: number;
  name: string;
  /** Still collecting the name's wrapped lines. */
  open: boolean;
};

function levelOf(code: string): Level {
  if (/0{7}$/u.test(code)) return "section";
  if (/0{4}$/u.test(code)) return "agency";
  if (/00$/u.test(code)) return "programme";
  return "plan";
}

/** The name cell's share of a line below an account row: its first word. */
function nameCell(text: string): string {
  return text.trim().split(/\s+/u)[0] ?? "";
}

/** A wrapped name continues on the next line: a short fragment, no punctuation, no number. */
function continuesName(row: AccountRow, cell: string): boolean {
  return (
    row.name.length >= 5 &&
    cell.length >= 1 &&
    cell.length <= 6 &&
    !/[\d，。、:：()（）]/u.test(cell) &&
    parseNumberLabel(cell) === null
  );
}

/**
 * Reads the rows from the cleaned lines, and names from the original ones: clean-up joins spaced
 * single characters ("備 數。" → "備數。"), which would glue a wrapped name to the 說明 beside it.
 * Names may stand on lines dropped as running headers (an agency's name is also the page header).
 */
function readExpenditureRows(
  phys: readonly PhysicalLine[],
  rawLines: readonly string[],
  fromLine: number,
): AccountRow[] {
  const rows: AccountRow[] = [];
  let inTable = false;
  let scale = 1;
  let current: AccountRow | null = null;
  for (const p of phys) {
    if (p.line <= fromLine || p.kind === "blank") continue;
    const text = p.text.replaceAll("\t", " ");
    const t = compact(text);
    if (EXPENDITURE_TABLE.test(t)) {
      inTable = true;
      continue;
    }
    const unit = scaleOfUnitLine(t);
    if (unit !== null) scale = unit;
    const header = p.kind === "dropped" && p.dropReason === "running header";
    if (!inTable || (p.kind === "dropped" && !(header && current?.open))) continue;
    if (OTHER_TABLE.test(t) && !BUDGET_ACCOUNT_ROW.test(text)) {
      inTable = false;
      current = null;
      continue;
    }
    const m = BUDGET_ACCOUNT_ROW.exec(text.trim());
    if (m) {
      const printed = m[3]!;
      const amount = printed === "-" ? 0 : Number(printed.replaceAll(",", ""));
      current = {
        level: levelOf(m[2]!),
        code: m[2]!,
        amount: Math.round(amount * scale),
        line: p.line,
        name: "",
        open: true,
      };
      rows.push(current);
      continue;
    }
    if (!current?.open || HEADER_CELL.test(t) || unit !== null) continue;
    const cell = nameCell(normaliseChars(rawLines[p.line - 1] ?? text));
    if (current.name === "") current.name = cell;
    else if (continuesName(current, cell)) current.name += cell;
    else current.open = false;
  }
  return rows;
}

function line(row: AccountRow, fiscalYear: number): ParsedBudgetLine {
  return {
    key: "",
    label: row.code,
    name: row.name,
    amountThousands: row.amount,
    note: null,
    fiscalYear,
    programKey: null,
    lineFrom: row.line,
    lineTo: row.line,
    children: [],
  };
}

function keyPoints(body: readonly LogicalLine[]): LogicalLine[] {
  const heading = body.findIndex((l) => KEY_POINTS.test(compact(l.text)));
  if (heading < 0) return [];
  const start = body.findIndex((l, i) => {
    if (i <= heading) return false;
    const label = parseNumberLabel(l.text);
    return (
      label !== null && label.ordinal === 1 && (label.system === "arabic" || label.system === "paren-arabic")
    );
  });
  if (start < 0 || start - heading > 8) return [];
  const end = body.findIndex((l, i) => {
    if (i <= start) return false;
    const label = parseNumberLabel(l.text);
    return (
      (label !== null && ["formal", "cjk", "paren-cjk"].includes(label.system)) ||
      (KEY_POINTS_END.test(compact(l.text)) && compact(l.text).length < 30)
    );
  });
  return body.slice(start, end < 0 ? body.length : end);
}

export function extractBudgetBook(ctx: ExtractContext): Extracted {
  const { body, warnings, detection, doc } = ctx;
  const fiscalYear = detection.yearFrom;
  const titleTo = detection.titleLine?.to ?? 0;
  const rows = readExpenditureRows(doc.physical, ctx.rawLines, titleTo);
  const points = buildTree(keyPoints(body), { warnings }).roots.map((r) =>
    toParsedNode(r, (_n, depth) => (depth === 0 ? "key_point" : "point")),
  );
  if (rows.length === 0 && points.length === 0) {
    throw new UnrecognisedDocumentError({
      code: "genreWithoutStructure",
      params: {
        genre: BUDGET_BOOK.nameZh,
        genreEn: BUDGET_BOOK.nameEn,
        expected: BUDGET_BOOK.expectedZh,
        expectedEn: BUDGET_BOOK.expectedEn,
        found: firstLinesOf(doc),
      },
    });
  }
  if (points.length === 0) warnings.push({ code: "budgetBookKeyPointsMissing", params: {} });
  if (fiscalYear === null) {
    warnings.push({ code: "budgetYearUnread", params: {} });
    return { nodes: points, budgetLines: [], figures: [] };
  }
  const agencies: ParsedBudgetLine[] = [];
  const programmes: ParsedBudgetLine[] = [];
  let total = 0;
  let hasSection = false;
  for (const row of rows) {
    if (row.name === "") {
      warnings.push({ code: "budgetBookWorkPlanUnnamed", params: { code: row.code, line: row.line } });
      continue;
    }
    if (row.level === "section") {
      total += row.amount;
      hasSection = true;
    } else if (row.level === "agency") {
      agencies.push(line(row, fiscalYear));
    } else if (row.level === "programme") {
      const programme = line(row, fiscalYear);
      programmes.push(programme);
      agencies.at(-1)?.children.push(programme);
    } else {
      const parent = programmes.at(-1);
      if (parent) {
        parent.children.push(line(row, fiscalYear));
        parent.lineTo = Math.max(parent.lineTo, row.line);
      }
    }
  }
  const roots = agencies.length > 1 ? agencies : programmes;
  const printedTotal = hasSection ? total : agencies.reduce((s, a) => s + a.amountThousands, 0);
  const sum = programmes.reduce((s, p) => s + p.amountThousands, 0);
  if (rows.length > 0 && sum !== printedTotal) {
    warnings.push({
      code: "budgetBookTotalMismatch",
      params: { table: "歲出預算表", sum, total: printedTotal, line: rows[0]!.line },
    });
  }
  return {
    nodes: points,
    budgetLines: keyed(roots, "歲出"),
    figures: [],
    budgetTotalThousand: rows.length > 0 ? printedTotal : null,
  };
}
