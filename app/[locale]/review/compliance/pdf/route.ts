import type { NextRequest } from "next/server";
import { serverEnv } from "@/lib/env";
import { PdfBusyError, pdfBusyResponse, PdfUnavailableError, printPageToPdf } from "@/lib/export/pdf";
import { periodLabel } from "@/lib/i18n/cycles";
import { messagesFor } from "@/lib/i18n/locale";
import { complianceQueryString } from "@/lib/tracking/compliance-query";
import { complianceForRequest } from "@/lib/tracking/compliance-request";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ locale: string }> };

/**
 * The briefing pack for the city's review meeting: the 填報情形 page for this set and cycle,
 * printed to A4 by Chromium on the server with the reader's session (as the council's PDF is),
 * the set and cycle on every page. The page's print styles drop the filters and links.
 */
export async function GET(request: NextRequest, context: Context) {
  const { locale: localeParam } = await context.params;
  const found = await complianceForRequest(request.nextUrl.searchParams, localeParam);
  if (!found.ok) return found.response;
  const { locale, report } = found;
  const t = messagesFor(locale);
  const c = t.workspace.review.compliance;
  const scope = [
    report.set?.name ?? c.allSets,
    report.cycle ? periodLabel(report.cycle.period, locale) : c.allCycles,
  ].join(" · ");
  const query = complianceQueryString({ setId: report.set?.id ?? "all", periodKey: report.cycle?.key });
  try {
    // The server prints its own page: on this machine, at its own port, in the reader's language.
    const pdf = await printPageToPdf({
      url: `http://127.0.0.1:${serverEnv().PORT}/${locale}/review/compliance${query}`,
      cookieHeader: request.headers.get("cookie"),
      header: `${t.siteName} · ${c.pdfHeader(scope)}`,
    });
    return new Response(Buffer.from(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="compliance-${report.set?.id ?? "all"}-${report.cycle?.key ?? "all"}.pdf"`,
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
