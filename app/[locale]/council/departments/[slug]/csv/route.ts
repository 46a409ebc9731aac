import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { councilReportCsv } from "@/lib/council/csv";
import { parseCouncilQuery } from "@/lib/council/query";
import { getDepartmentReport, listCouncilPeriods } from "@/lib/council/read-models";
import { db } from "@/lib/db/server";
import { listMyNotes } from "@/lib/notes/councillor-notes";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** The report's tables as one spreadsheet-safe CSV (a "table" column says which), with the reader's notes. */
export async function GET(request: NextRequest, context: Context) {
  const { slug } = await context.params;
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in first." }, { status: 401 });
  if (!can(user, { action: "council.read" }))
    return Response.json({ error: "Not allowed." }, { status: 403 });
  const query = parseCouncilQuery(Object.fromEntries(request.nextUrl.searchParams));
  const year = query.year ?? (await listCouncilPeriods(db(), user))[0]?.year ?? new Date().getUTCFullYear();
  const report = /^[a-z0-9-]{1,80}$/u.test(slug) ? await getDepartmentReport(db(), user, slug, year) : null;
  if (!report) return Response.json({ error: "No such department." }, { status: 404 });
  const notes = await listMyNotes(db(), user);
  return new Response(councilReportCsv(report, notes), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="council-${slug}-${year}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
