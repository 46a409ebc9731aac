import { z } from "zod";
import { yearFilter } from "@/lib/validation/atoms";

/** The council pages' parameters: ?year= (a Gregorian year) and ?compare= (another). Bad values are ignored. */
export const councilQuery = z.object({
  year: yearFilter,
  compare: yearFilter,
});
export type CouncilQuery = z.infer<typeof councilQuery>;

export function parseCouncilQuery(params: Record<string, string | string[] | undefined>): CouncilQuery {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return councilQuery.parse(flat);
}

export function councilQueryString(query: CouncilQuery): string {
  const params = new URLSearchParams();
  if (query.year) params.set("year", String(query.year));
  if (query.compare) params.set("compare", String(query.compare));
  const text = params.toString();
  return text ? `?${text}` : "";
}
