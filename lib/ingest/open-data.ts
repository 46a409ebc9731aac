import { keyed } from "./budget";
import { gregorianToRoc, rocToGregorian, yearPeriod } from "./dates";
import { cityOf } from "./profiles";
import type { ParsedBudgetBook, ParsedBudgetLine, ParseWarning } from "./types";

/**
 * The city's budget as open data: the 歲出機關別預算表 as CSV, one row per 節 (work-plan item) of
 * every agency, amounts in 元. Read into one budget line per agency (機關), with its 業務計畫 and
 * their 節 below, in 千元. Columns are found by name (the g0v headers or their Chinese equivalents),
 * never by position.
 */

const COLUMNS = {
  year: /^(?:year|年度)$/iu,
  code: /^(?:code|科目編號|編號)$/iu,
  amount: /^(?:amount|金額|預算數|本年度預算數)$/iu,
  name: /^(?:name|名稱|工作計畫|節)$/iu,
  top: /^(?:topname|主管|主管機關)$/iu,
  agency: /^(?:depname|機關|機關名稱)$/iu,
  programme: /^(?:category|業務計畫)$/iu,
} as const;
type Column = keyof typeof COLUMNS;

/** One CSV record: commas, double-quoted fields with "" for a quote. */
function splitRecord(line: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      out.push(field);
      field = "";
    } else field += ch;
  }
  out.push(field);
  return out.map((f) => f.trim());
}

function columnsOf(header: string[]): Record<Column, number> | null {
  const index = {} as Record<Column, number>;
  for (const column of Object.keys(COLUMNS) as Column[]) {
    index[column] = header.findIndex((h) => COLUMNS[column].test(h));
  }
  return index.amount >= 0 && index.agency >= 0 ? index : null;
}

/** Is this text the expenditure-by-agency CSV? (Its header names an amount and an agency column.) */
export function isBudgetOpenData(text: string): boolean {
  const first = text.replace(/^\uFEFF/u, "").split(/\r?\n/u, 1)[0] ?? "";
  return first.includes(",") && columnsOf(splitRecord(first)) !== null;
}

type Node = { line: ParsedBudgetLine; yuan: number; children: Map<string, Node> };

function node(name: string, fiscalYear: number, line: number, label: string | null = null): Node {
  return {
    yuan: 0,
    children: new Map(),
    line: {
      key: "",
      label,
      name,
      amountThousands: 0,
      note: null,
      fiscalYear,
      programKey: null,
      lineFrom: line,
      lineTo: line,
      children: [],
    },
  };
}

function finish(n: Node): ParsedBudgetLine {
  return {
    ...n.line,
    amountThousands: Math.round(n.yuan / 1000),
    children: [...n.children.values()].map(finish),
  };
}

export function parseBudgetOpenData(text: string): ParsedBudgetBook {
  const lines = text.replace(/^\uFEFF/u, "").split(/\r\n|\r|\n/u);
  const columns = columnsOf(splitRecord(lines[0] ?? ""))!;
  const warnings: ParseWarning[] = [];
  const agencies = new Map<string, Node>();
  let totalYuan = 0;
  let year: number | null = null;
  let city: string | null = null;
  lines.slice(1).forEach((raw, i) => {
    const lineNo = i + 2;
    if (raw.trim() === "") return;
    const cells = splitRecord(raw);
    const amountText = (cells[columns.amount] ?? "").replaceAll(",", "");
    const agencyName = cells[columns.agency] ?? "";
    if (!/^-?\d+$/u.test(amountText) || agencyName === "") {
      warnings.push({ code: "csvRowUnread", params: { line: lineNo, text: raw.slice(0, 80) } });
      return;
    }
    const printedYear = columns.year >= 0 ? Number(cells[columns.year]) : NaN;
    if (year === null && Number.isInteger(printedYear) && printedYear > 0) {
      year = printedYear < 1911 ? rocToGregorian(printedYear) : printedYear;
    }
    city ??= cityOf(agencyName);
    const fiscalYear = year ?? 1912;
    const yuan = Number(amountText);
    totalYuan += yuan;
    const agency = agencies.get(agencyName) ?? node(agencyName, fiscalYear, lineNo);
    agencies.set(agencyName, agency);
    const programmeName = (columns.programme >= 0 ? cells[columns.programme] : "") || agencyName;
    const programme = agency.children.get(programmeName) ?? node(programmeName, fiscalYear, lineNo);
    agency.children.set(programmeName, programme);
    const itemName = (columns.name >= 0 ? cells[columns.name] : "") || programmeName;
    const code = columns.code >= 0 ? (cells[columns.code] ?? null) : null;
    const item = node(itemName, fiscalYear, lineNo, code);
    item.yuan = yuan;
    programme.children.set(`${itemName}\u0000${lineNo}`, item);
    for (const n of [agency, programme]) {
      n.yuan += yuan;
      n.line.lineTo = lineNo;
    }
  });
  const fiscalYear: number | null = year;
  const roc = fiscalYear === null ? null : gregorianToRoc(fiscalYear);
  if (fiscalYear === null) warnings.push({ code: "budgetYearUnread", params: {} });
  const budgetLines = fiscalYear === null ? [] : keyed([...agencies.values()].map(finish), "歲出");
  const cityName = city ?? "";
  return {
    kind: "budget-book",
    genre: "budget-open-data",
    title: `${cityName}${roc ?? ""}年度總預算歲出機關別預算表`,
    documentKey: `budget-book:${city ?? "unknown-city"}:總預算:${fiscalYear ?? "undated"}`,
    period: roc === null ? { from: null, to: null } : yearPeriod(roc, roc),
    rocYearFrom: roc,
    rocYearTo: roc,
    departmentSlug: null,
    presenter: null,
    presentedOn: null,
    councilSession: null,
    nodes: [],
    budgetLines,
    figures: [],
    warnings,
    city,
    issuer: null,
    budgetTotalThousand: Math.round(totalYuan / 1000),
  };
}
