import "server-only";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can, type SessionUser } from "@/lib/auth/permissions";
import { getCompliance } from "@/lib/data/tracking";
import { errorMessage } from "@/lib/i18n/error-messages";
import { isLocale, type Locale, messagesFor } from "@/lib/i18n/locale";
import type { ComplianceReport } from "./compliance";
import { parseComplianceQuery } from "./compliance-query";

/**
 * What the 填報情形 downloads (CSV, PDF) share: the signed-in reviewer or administrator, the
 * filter, and the figures; or the refusal, in the reader's language: 401 for nobody, 403 for anyone
 * else, 400 for a parameter that is malformed or names no set or ended cycle. Never a 500 for
 * what a person typed.
 */
export async function complianceForRequest(
  searchParams: URLSearchParams,
  localeParam: string,
): Promise<
  | { ok: true; locale: Locale; user: SessionUser; report: ComplianceReport }
  | { ok: false; response: Response }
> {
  const locale: Locale = isLocale(localeParam) ? localeParam : "zh-Hant";
  const refuse = (status: number, error: string) => ({
    ok: false as const,
    response: Response.json({ error }, { status, headers: { "Cache-Control": "private, no-store" } }),
  });
  const user = await getCurrentUser();
  if (!user) return refuse(401, errorMessage("unauthenticated", locale));
  if (!can(user, { action: "tracking.manage" })) return refuse(403, errorMessage("forbidden", locale));
  const query = parseComplianceQuery(searchParams);
  const badFilter = messagesFor(locale).workspace.review.compliance.badFilter;
  if (!query.ok) return refuse(400, badFilter[query.problem]);
  const result = await getCompliance(user, query.filter);
  if (result.status === "badFilter") return refuse(400, badFilter[result.problem]);
  return { ok: true, locale, user, report: result.report };
}
