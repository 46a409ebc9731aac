import type { NextRequest } from "next/server";
import { councilReportCsv } from "@/lib/council/csv";
import { councilReportForRequest } from "@/lib/council/request";
import { listMyNotes } from "@/lib/data/council";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** The report's tables as one spreadsheet-safe CSV (a "table" column says which), with the reader's notes. */
export async function GET(request: NextRequest, context: Context) {
  const { slug } = await context.params;
  const found = await councilReportForRequest(request.nextUrl.searchParams, slug);
  if (!found.ok) return found.response;
  const { user, year, report } = found;
  const notes = await listMyNotes(user);
  return new Response(councilReportCsv(report, notes), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="council-${slug}-${year}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
