import type { NextRequest } from "next/server";
import { complianceCsv } from "@/lib/tracking/compliance-csv";
import { complianceForRequest } from "@/lib/tracking/compliance-request";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ locale: string }> };

/** 填報情形 as CSV: one row per department × cycle, Chinese headers, UTF-8 with a BOM. */
export async function GET(request: NextRequest, context: Context) {
  const { locale } = await context.params;
  const found = await complianceForRequest(request.nextUrl.searchParams, locale);
  if (!found.ok) return found.response;
  const { report } = found;
  const name = `compliance-${report.set?.id ?? "all"}-${report.cycle?.key ?? "all"}.csv`;
  return new Response(complianceCsv(report), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
