import { z } from "zod";
import { departmentFilter, yearFilter } from "./atoms";

/** The budget explorer's URL parameters. Unknown or malformed choices fall back to the defaults. */
export const budgetsQuery = z.object({
  department: departmentFilter,
  year: yearFilter,
});

export type BudgetsQuery = z.infer<typeof budgetsQuery>;

export function parseBudgetsQuery(params: Record<string, string | string[] | undefined>): BudgetsQuery {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return budgetsQuery.parse(flat);
}

export function budgetsQueryString(query: Partial<BudgetsQuery>): string {
  const params = new URLSearchParams();
  if (query.department) params.set("department", query.department);
  if (query.year) params.set("year", String(query.year));
  const text = params.toString();
  return text ? `?${text}` : "";
}
