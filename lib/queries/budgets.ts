import "server-only";
import type { Db } from "@/lib/db/client";
import { type BudgetBreakdown, budgetBreakdown } from "@/lib/domain/budget";
import type { DepartmentRef } from "./documents";
import { budgetLineOrder, budgetLineSelect } from "./fragments";

export type BudgetChoice = DepartmentRef & { years: number[] };

export type BudgetExplorer = {
  /** Departments that have budget lines, with the fiscal years they have them for. */
  choices: BudgetChoice[];
  selected: { department: DepartmentRef; year: number; document: { id: number; title: string } } | null;
  breakdown: BudgetBreakdown | null;
};

/**
 * The budget explorer: pick a department and year (defaults: the first department, its latest
 * year) and get the breakdown of that year's plan. An unknown choice selects nothing.
 */
export async function getBudgetExplorer(
  db: Db,
  query: { department?: string; year?: number },
): Promise<BudgetExplorer> {
  const pairs = await db.budgetLine.groupBy({
    by: ["departmentId", "fiscalYear"],
    where: { departmentId: { not: null } },
    orderBy: [{ departmentId: "asc" }, { fiscalYear: "desc" }],
  });
  const departments = await db.department.findMany({
    where: { id: { in: pairs.map((p) => p.departmentId as number) } },
    select: { id: true, slug: true, nameZh: true, nameEn: true, sortOrder: true },
    orderBy: { sortOrder: "asc" },
  });
  const choices = departments.map(({ id, sortOrder: _sortOrder, ...d }) => ({
    ...d,
    years: pairs.filter((p) => p.departmentId === id).map((p) => p.fiscalYear),
  }));

  const chosen = query.department ? choices.find((c) => c.slug === query.department) : choices[0];
  const year = query.year ?? chosen?.years[0];
  if (!chosen || year === undefined || !chosen.years.includes(year)) {
    return { choices, selected: null, breakdown: null };
  }
  const departmentId = departments.find((d) => d.slug === chosen.slug)?.id;
  // The newest document's lines for that department and year: a corrected plan replaces, never adds.
  const latest = await db.budgetLine.findFirst({
    where: { departmentId, fiscalYear: year },
    orderBy: { document: { importedAt: "desc" } },
    select: { document: { select: { id: true, title: true } } },
  });
  if (!latest) return { choices, selected: null, breakdown: null };
  const lines = await db.budgetLine.findMany({
    where: { documentId: latest.document.id, departmentId, fiscalYear: year },
    select: budgetLineSelect,
    orderBy: budgetLineOrder,
  });
  const { years: _years, ...department } = chosen;
  return {
    choices,
    selected: { department, year, document: latest.document },
    breakdown: budgetBreakdown(lines),
  };
}
