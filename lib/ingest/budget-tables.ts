import { scaleOfUnitLine } from "./amounts";
import { compact } from "./context";
import type { LogicalLine } from "./normalise";
import { parseNumberLabel } from "./numbering";

/**
 * Table rows of a department plan, as the PDF extraction leaves them: one tab-separated row per
 * line, cells split or merged across rows, HTML already stripped. This module only finds the
 * tables, their columns and the numbers in cells; budget.ts and programs.ts read the rows.
 */

export type TableKind = "crosswalk" | "detail";

export type Columns = {
  name: number;
  item: number;
  goal: number;
  steps: number;
  amount: number;
  note: number;
};

export type Table = {
  kind: TableKind;
  title: string;
  columns: Columns;
  /** Multiply printed amounts by this to get NT$ thousands. */
  scale: number;
  rows: Row[];
};

export type Row = { cells: string[]; line: LogicalLine };

const HEADER_WORDS = /計畫名稱|計畫目標|實施要領|預算來源|預算數|金額|備考|備註|^類$|^項$/u;
const TITLE_WORDS = /施政計畫|對照表|預算/u;

function cellIndex(cells: string[], re: RegExp): number {
  return cells.findIndex((c) => re.test(compact(c)));
}

function isHeaderRow(cells: string[]): boolean {
  return (
    cells.filter((c) => HEADER_WORDS.test(compact(c))).length >= 2 && amountsIn(cells.join(" ")).length === 0
  );
}

/** Amounts printed in a cell: "25,169 8,246" → [25169, 8246]; words and years are not amounts. */
export function amountsIn(cell: string): number[] {
  return cell
    .split(/\s+/u)
    .filter((t) => /^-?(?:\d{1,3}(?:,\d{3})+|\d+)$/u.test(t))
    .map((t) => Number(t.replaceAll(",", "")));
}

function scaleOf(text: string): number {
  const t = compact(text);
  const unit = scaleOfUnitLine(t);
  if (unit !== null) return unit;
  if (/千元/u.test(t)) return 1;
  if (/百萬元/u.test(t)) return 1000;
  if (/萬元/u.test(t)) return 10;
  if (/單位[:：]?元/u.test(t)) return 0.001;
  return 1;
}

function columnsOf(cells: string[]): Columns {
  return {
    name: Math.max(0, cellIndex(cells, /計畫名稱|^類|工作計畫|科目/u)),
    item: cellIndex(cells, /^項|分支計畫/u),
    goal: cellIndex(cells, /計畫目標|目標/u),
    steps: cellIndex(cells, /實施要領|實施內容|執行要領|辦理內容/u),
    amount: cellIndex(cells, /預算|金額/u),
    note: cellIndex(cells, /備考|備註|說明/u),
  };
}

/**
 * A row with fewer cells than its header (a space-separated table loses its empty cells: "合計  330,433")
 * gets its trailing amount moved back under the amount column.
 */
function alignShortRow(cells: string[], columns: Columns): void {
  const last = (cells.at(-1) ?? "").trim();
  if (columns.amount < 0 || cells.length > columns.amount || last === "") return;
  if (amountsIn(last).length !== last.split(/\s+/u).length) return;
  cells.pop();
  while (cells.length < columns.amount) cells.push("");
  cells.push(last);
}

/**
 * Splits the table part of a plan into tables. A header row starts a table; the text line before
 * it (e.g. "…施政計畫與預算配合對照表") is its title; rows that only repeat units are skipped.
 */
export function findTables(lines: readonly LogicalLine[]): Table[] {
  const tables: Table[] = [];
  let title = "";
  let current: Table | null = null;
  for (const line of lines) {
    if (line.kind !== "table") {
      if (TITLE_WORDS.test(line.text) && !parseNumberLabel(line.text)) title = line.text;
      continue;
    }
    const cells = line.text.split("\t");
    if (isHeaderRow(cells)) {
      const columns = columnsOf(cells);
      const kind: TableKind = columns.steps >= 0 || columns.goal >= 0 ? "detail" : "crosswalk";
      current = {
        kind,
        title: title || (kind === "detail" ? "施政計畫" : "預算配合對照表"),
        columns,
        scale: scaleOf(`${title} ${line.text}`),
        rows: [],
      };
      tables.push(current);
      continue;
    }
    if (!current) continue;
    alignShortRow(cells, current.columns);
    const hasContent = cells.some((c) => c.length > 0);
    const unitOnly =
      amountsIn(cells.join(" ")).length === 0 && /單位/u.test(line.text) && !parseNumberLabel(cells[0] ?? "");
    if (unitOnly) {
      current.scale = scaleOf(line.text);
      continue;
    }
    if (hasContent) current.rows.push({ cells, line });
  }
  return tables;
}

/** Amounts of a row, from its amount column or, when cells shifted, the last all-numeric cell. */
export function rowAmounts(row: Row, columns: Columns): number[] {
  const direct = columns.amount >= 0 ? amountsIn(row.cells[columns.amount] ?? "") : [];
  if (direct.length > 0) return direct;
  const textCols = new Set([columns.name, columns.item, columns.goal, columns.steps]);
  for (let i = row.cells.length - 1; i >= 0; i--) {
    if (textCols.has(i)) continue;
    const cell = (row.cells[i] ?? "").trim();
    if (cell && amountsIn(cell).length === cell.split(/\s+/u).length) return amountsIn(cell);
  }
  return [];
}

export function toThousands(amount: number, scale: number): number {
  return Math.round(amount * scale);
}

export type LabelledItem = {
  label: string | null;
  system: string | null;
  ordinal: number | null;
  text: string;
};

/** "一、人事費 二、第一預備金" → two items; text without labels → one unlabelled item. */
export function splitLabelled(text: string, systems: ReadonlyArray<string>): LabelledItem[] {
  const t = text.trim();
  if (!t) return [];
  const starts: number[] = [];
  const re =
    /(?:^|(?<=[\s。；]))(?=[壹貳參肆伍陸柒捌玖拾一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．](?!\d))/gu;
  for (const m of t.matchAll(re)) {
    const label = parseNumberLabel(t.slice(m.index));
    if (label && systems.includes(label.system)) starts.push(m.index);
  }
  // A full stop followed by a space is where a cell's paragraphs (<p>) were joined.
  for (const m of t.matchAll(/。\s+(?=\S)/gu)) starts.push(m.index + m[0].length);
  const cuts = [...new Set([0, ...starts])].sort((a, b) => a - b);
  return cuts
    .map((at, i) => t.slice(at, cuts[i + 1] ?? t.length).trim())
    .filter((s) => s.length > 0)
    .map((s) => {
      const label = parseNumberLabel(s);
      if (label && systems.includes(label.system))
        return { label: label.label, system: label.system, ordinal: label.ordinal, text: label.rest };
      return { label: null, system: null, ordinal: null, text: s };
    });
}
