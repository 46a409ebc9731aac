import type { NextRequest } from "next/server";
import { councilQueryString } from "@/lib/council/query";
import { councilReportForRequest } from "@/lib/council/request";
import { serverEnv } from "@/lib/env";
import { PdfBusyError, pdfBusyResponse, PdfUnavailableError, printPageToPdf } from "@/lib/export/pdf";
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
  const found = await councilReportForRequest(request.nextUrl.searchParams, slug);
  if (!found.ok) return found.response;
  const { query, year, report } = found;
  const name = departmentName(locale, report.department);
  const period = formatYear(locale, year);
  try {
    // The server prints its own page: on this machine, at its own port, in the reader's language.
    const url = `http://127.0.0.1:${serverEnv().PORT}/${locale}/council/departments/${slug}${councilQueryString({ ...query, year })}`;
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
    if (error instanceof PdfBusyError) return pdfBusyResponse(t.workspace.council.pdfBusy);
    if (error instanceof PdfUnavailableError) {
      return Response.json({ error: t.workspace.council.pdfUnavailable }, { status: 503 });
    }
    throw error;
  }
}
