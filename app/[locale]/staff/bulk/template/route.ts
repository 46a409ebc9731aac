import type { NextRequest } from "next/server";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getBulkTemplate } from "@/lib/data/staff";
import { departmentSlug, gregorianYearText } from "@/lib/validation/atoms";

export const dynamic = "force-dynamic";

const query = z.object({
  department: departmentSlug(),
  year: gregorianYearText(),
  quarter: z
    .enum(["", "1", "2", "3", "4"])
    .default("")
    .transform((q) => (q === "" ? null : Number(q))),
});

/** The bulk-update spreadsheet for one department and period (signed-in staff of it only). */
export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in first." }, { status: 401 });
  const parsed = query.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) {
    return Response.json(
      { error: "Give department (a slug), year (e.g. 2018) and optionally quarter (1–4)." },
      { status: 400 },
    );
  }
  const template = await getBulkTemplate(user, parsed.data.department, {
    year: parsed.data.year,
    quarter: parsed.data.quarter,
  });
  if (template.status === "not-found")
    return Response.json({ error: "No such department." }, { status: 404 });
  if (template.status === "forbidden")
    return Response.json({ error: "Not your department." }, { status: 403 });
  return new Response(template.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${template.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
