import "server-only";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can, type SessionUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/server";
import { currentTaipeiYear } from "@/lib/domain/time";
import { isDepartmentSlug } from "@/lib/validation/atoms";
import { type CouncilQuery, parseCouncilQuery } from "./query";
import { type DepartmentReport, getDepartmentReport, listCouncilPeriods } from "./read-models";

/**
 * What the council export routes (PDF, CSV) share: the signed-in councillor or admin, the period
 * asked for (else the newest), and the department's report; or the response that refuses it.
 */
export async function councilReportForRequest(
  searchParams: URLSearchParams,
  slug: string,
): Promise<
  | { ok: true; user: SessionUser; query: CouncilQuery; year: number; report: DepartmentReport }
  | { ok: false; response: Response }
> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, response: Response.json({ error: "Sign in first." }, { status: 401 }) };
  if (!can(user, { action: "council.read" })) {
    return { ok: false, response: Response.json({ error: "Not allowed." }, { status: 403 }) };
  }
  const query = parseCouncilQuery(Object.fromEntries(searchParams));
  const year = query.year ?? (await listCouncilPeriods(db(), user))[0]?.year ?? currentTaipeiYear();
  const report = isDepartmentSlug(slug) ? await getDepartmentReport(db(), user, slug, year) : null;
  if (!report)
    return { ok: false, response: Response.json({ error: "No such department." }, { status: 404 }) };
  return { ok: true, user, query, year, report };
}
