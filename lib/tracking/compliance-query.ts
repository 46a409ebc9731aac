import { parsePeriodKey } from "@/lib/domain/cycles";
import { recordId } from "@/lib/validation/params";

/**
 * The 填報情形 page's URL parameters, shared with its CSV and PDF downloads so all three agree:
 * `set` (a tracked set's id, or `all`) and `cycle` (a period key, "2026-Q4"). No set means the
 * newest one (the last created, listed first on /review): the year being tracked, and a default
 * that does not grow with every year ever tracked. No cycle means every ended cycle. Unlike the public listings, a malformed value is
 * refused, not ignored: a briefing pack printed for the wrong period would be worse than none.
 */
export type ComplianceFilter = { setId?: number | "all"; periodKey?: string };

const present = (value: string | undefined) => (value === undefined || value === "" ? undefined : value);

export type ComplianceQuery =
  { ok: true; filter: ComplianceFilter } | { ok: false; problem: "set" | "cycle" };

export function parseComplianceQuery(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): ComplianceQuery {
  const get = (name: string): string | undefined => {
    if (params instanceof URLSearchParams) return params.get(name) ?? undefined;
    const value = params[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const set = present(get("set"));
  const cycle = present(get("cycle"));
  // Digits only: a record id, not whatever Number() would make of "1e3" or " 0x10".
  const setId = set !== undefined && /^\d{1,10}$/u.test(set) ? recordId.safeParse(set) : undefined;
  if (set !== undefined && set !== "all" && !setId?.success) return { ok: false, problem: "set" };
  if (cycle !== undefined && parsePeriodKey(cycle) === null) return { ok: false, problem: "cycle" };
  const filter: ComplianceFilter = {};
  if (set === "all") filter.setId = "all";
  else if (setId?.success) filter.setId = setId.data;
  if (cycle !== undefined) filter.periodKey = cycle;
  return { ok: true, filter };
}

/** The filter as URL parameters, absent ones left out. */
export function complianceQueryString(filter: ComplianceFilter): string {
  const params = new URLSearchParams();
  if (filter.setId !== undefined) params.set("set", String(filter.setId));
  if (filter.periodKey !== undefined) params.set("cycle", filter.periodKey);
  const text = params.toString();
  return text ? `?${text}` : "";
}
