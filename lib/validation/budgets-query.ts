import { z } from "zod";

/** The budget explorer's URL parameters. Unknown or malformed choices fall back to the defaults. */
export const budgetsQuery = z.object({
  department: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/u)
    .optional()
    .catch(undefined),
  year: z.coerce.number().int().min(1912).max(2200).optional().catch(undefined),
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
