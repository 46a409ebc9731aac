import { amountsIn, rowAmounts, splitLabelled, type Table, toThousands } from "./budget-tables";
import { compact } from "./context";
import { labelKey, parseNumberLabel } from "./numbering";
import type { ParsedBudgetLine, ParseWarning } from "./types";

/**
 * The plan-to-budget crosswalk (施政計畫與預算配合對照表): 類 rows with their 項 and amounts in
 * NT$ thousands, ending with 合計. A row whose 項 cell lists several items carries the 類 total
 * first and then one amount per item.
 */

const TOTAL = /^(?:合計|總計|總額|小計)/u;

/** Every line whose children all carry amounts must add up; report the ones that do not. */
export function checkSums(lines: readonly ParsedBudgetLine[], table: string, warnings: ParseWarning[]): void {
  for (const line of lines) {
    if (line.children.length > 0) {
      const sum = line.children.reduce((s, c) => s + c.amountThousands, 0);
      if (sum !== line.amountThousands) {
        warnings.push({
          code: "budgetSumMismatch",
          params: { table, name: line.name, sum, total: line.amountThousands, line: line.lineFrom },
        });
      }
    }
    checkSums(line.children, table, warnings);
  }
}

function withKeys(line: ParsedBudgetLine, parentKey: string, used: Set<string>): ParsedBudgetLine {
  const base = `${parentKey}/${line.label ? labelKey(line.label) : line.name}`;
  let key = base;
  for (let n = 2; used.has(key); n++) key = `${base}#${n}`;
  used.add(key);
  const childKeys = new Set<string>();
  return { ...line, key, children: line.children.map((c) => withKeys(c, key, childKeys)) };
}

export function keyed(lines: readonly ParsedBudgetLine[], prefix: string): ParsedBudgetLine[] {
  const used = new Set<string>();
  return lines.map((l) => withKeys(l, prefix, used));
}

type Draft = ParsedBudgetLine;

function draft(
  label: string | null,
  name: string,
  amount: number,
  note: string | null,
  fiscalYear: number,
  from: number,
  to: number,
): Draft {
  return {
    key: "",
    label,
    name,
    amountThousands: amount,
    note,
    fiscalYear,
    programKey: null,
    lineFrom: from,
    lineTo: to,
    children: [],
  };
}

const ITEM_SYSTEMS = ["cjk", "paren-cjk", "arabic", "paren-arabic"] as const;

export function parseCrosswalk(
  table: Table,
  fiscalYear: number,
  warnings: ParseWarning[],
): ParsedBudgetLine[] {
  const { columns, scale } = table;
  const roots: Draft[] = [];
  let total: Draft | null = null;
  for (const row of table.rows) {
    const { from, to } = row.line;
    const nameCell = (row.cells[columns.name] ?? "").trim();
    const itemCell = columns.item >= 0 ? (row.cells[columns.item] ?? "").trim() : "";
    const note = columns.note >= 0 ? (row.cells[columns.note] ?? "").trim() || null : null;
    const amounts = rowAmounts(row, columns).map((a) => toThousands(a, scale));
    if (TOTAL.test(compact(nameCell))) {
      if (amounts[0] !== undefined)
        total = draft(null, compact(nameCell).slice(0, 2), amounts[0], note, fiscalYear, from, to);
      continue;
    }
    const items = splitLabelled(itemCell, ITEM_SYSTEMS).filter((i) => amountsIn(i.text).length === 0);
    const parent = nameCell ? null : roots[roots.length - 1];
    if (!nameCell && !parent) continue;
    if (amounts.length === 0) {
      warnings.push({
        code: "budgetRowWithoutAmount",
        params: { table: table.title, row: row.line.text.replace(/\t+/gu, " | "), line: from },
      });
      continue;
    }
    let line: Draft;
    if (parent) {
      line = parent;
      line.lineTo = Math.max(line.lineTo, to);
    } else {
      const label = parseNumberLabel(nameCell);
      const name = (label ? label.rest : nameCell).trim() || nameCell;
      const own =
        amounts.length === items.length + 1 || items.length <= 1
          ? amounts[0]!
          : amounts.reduce((s, a) => s + a, 0);
      line = draft(label?.label ?? null, name, own, note, fiscalYear, from, to);
      roots.push(line);
    }
    const itemAmounts = !parent && amounts.length === items.length + 1 ? amounts.slice(1) : amounts;
    if (items.length > 0 && itemAmounts.length !== items.length) {
      warnings.push({
        code: "budgetItemsNotSplit",
        params: {
          table: table.title,
          name: line.name,
          line: from,
          items: items.length,
          amounts: itemAmounts.length,
        },
      });
      continue;
    }
    items.forEach((item, i) => {
      line.children.push(draft(item.label, item.text, itemAmounts[i]!, null, fiscalYear, from, to));
    });
  }
  let result: Draft[] = roots;
  if (total) {
    total.children = roots;
    result = [total];
  } else if (roots.length > 0) {
    warnings.push({ code: "budgetTotalMissing", params: { table: table.title } });
  }
  const lines = keyed(result, "對照表");
  checkSums(lines, table.title, warnings);
  return lines;
}
