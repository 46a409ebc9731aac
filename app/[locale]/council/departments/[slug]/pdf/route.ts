import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { councilQueryString, parseCouncilQuery } from "@/lib/council/query";
import { getDepartmentReport, listCouncilPeriods } from "@/lib/council/read-models";
import { db } from "@/lib/db/server";
import { readEnv } from "@/lib/env";
import { PdfUnavailableError, printPageToPdf } from "@/lib/export/pdf";
import { departmentName, formatYear } from "@/lib/i18n/format";
import { isLocale, messagesFor } from "@/lib/i18n/locale";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ locale: string; slug: string }> };

/**
 * The department report as an A4 PDF, printed by Chromium from the report page itself (with the
 * reader's session, so their own notes are in it), with the department and period on every page.
 */
export async function GET(request: NextRequest, context: Context) {
  const { locale: localeParam, slug } = await context.params;
  const locale = isLocale(localeParam) ? localeParam : "zh-Hant";
  const t = messagesFor(locale);
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in first." }, { status: 401 });
  if (!can(user, { action: "council.read" }))
    return Response.json({ error: "Not allowed." }, { status: 403 });
  const query = parseCouncilQuery(Object.fromEntries(request.nextUrl.searchParams));
  const year = query.year ?? (await listCouncilPeriods(db(), user))[0]?.year ?? new Date().getUTCFullYear();
  const report = /^[a-z0-9-]{1,80}$/u.test(slug) ? await getDepartmentReport(db(), user, slug, year) : null;
  if (!report) return Response.json({ error: "No such department." }, { status: 404 });
  const name = departmentName(locale, report.department);
  const period = formatYear(locale, year);
  try {
    // The server prints its own page: on this machine, at its own port, in the reader's language.
    const url = `http://127.0.0.1:${readEnv().PORT}/${locale}/council/departments/${slug}${councilQueryString({ ...query, year })}`;
    const pdf = await printPageToPdf({
      url,
      cookieHeader: request.headers.get("cookie"),
      header: `${t.siteName} · ${name} · ${period}`,
    });
    return new Response(Buffer.from(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="council-${slug}-${year}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof PdfUnavailableError) {
      return Response.json({ error: t.workspace.council.pdfUnavailable }, { status: 503 });
    }
    throw error;
  }
}
