import { buildTree, type TreeOf } from "./tree";

export type BudgetLineRow = {
  id: number;
  parentId: number | null;
  tableName: string;
  label: string | null;
  name: string;
  amountThousands: number;
};

export type BudgetBreakdown = {
  tableName: string;
  /** NT$ thousands. */
  total: number;
  /** The lines that make up the total (each with its own breakdown). */
  parts: TreeOf<BudgetLineRow>[];
  /** Whether the parts add up to the printed total. */
  addsUp: boolean;
};

const TOTAL_NAMES = new Set(["合計", "總計", "總額"]);

/**
 * One document's budget as a total and its parts. A plan prints the same money in two tables: the
 * plan-to-budget crosswalk (with personnel costs and a 合計 row) and the program table (without
 * them). The table with a printed total row is authoritative; otherwise the largest table's roots
 * are summed. Never adds two tables together.
 */
export function budgetBreakdown(lines: BudgetLineRow[]): BudgetBreakdown | null {
  if (lines.length === 0) return null;
  const tables = new Map<string, BudgetLineRow[]>();
  for (const line of lines) tables.set(line.tableName, [...(tables.get(line.tableName) ?? []), line]);

  const candidates = [...tables.entries()].map(([tableName, rows]) => {
    const roots = buildTree(rows);
    const only = roots.length === 1 ? roots[0] : undefined;
    if (only && TOTAL_NAMES.has(only.name.replace(/\s+/gu, ""))) {
      const sum = only.children.reduce((n, c) => n + c.amountThousands, 0);
      return {
        tableName,
        total: only.amountThousands,
        parts: only.children,
        addsUp: sum === only.amountThousands,
        printed: true,
      };
    }
    const total = roots.reduce((n, r) => n + r.amountThousands, 0);
    return { tableName, total, parts: roots, addsUp: true, printed: false };
  });
  candidates.sort((a, b) => Number(b.printed) - Number(a.printed) || b.total - a.total);
  const best = candidates[0];
  if (!best) return null;
  return { tableName: best.tableName, total: best.total, parts: best.parts, addsUp: best.addsUp };
}
