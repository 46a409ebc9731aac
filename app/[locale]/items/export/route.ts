import type { NextRequest } from "next/server";
import { z } from "zod";
import { publicOrigin } from "@/lib/http/public-origin";
import { itemRecords, itemsCsv } from "@/lib/export/items";
import { listItems } from "@/lib/data/portal";
import { parseItemsQuery } from "@/lib/validation/items-query";

const exportOptions = z.object({
  format: z.enum(["csv", "json"]),
  all: z.literal("1").optional(),
});

export const dynamic = "force-dynamic";

/** The items listing as a file: the same filters, sort and page as the page shows (or all=1). */
export async function GET(request: NextRequest) {
  const params = Object.fromEntries(request.nextUrl.searchParams);
  const options = exportOptions.safeParse(params);
  if (!options.success) {
    return Response.json(
      { error: "format must be csv or json; all, when given, must be 1." },
      { status: 400 },
    );
  }
  const query = parseItemsQuery(params);
  const result = await listItems(query, { all: options.data.all === "1" });
  const records = itemRecords(result.rows, publicOrigin(request));
  const name = `kaohsiung-items${query.year ? `-${query.year}` : ""}${query.department ? `-${query.department}` : ""}`;
  if (options.data.format === "json") {
    return Response.json(
      {
        total: result.total,
        page: options.data.all ? null : result.page,
        pageCount: result.pageCount,
        items: records,
      },
      { headers: { "Content-Disposition": `attachment; filename="${name}.json"` } },
    );
  }
  const body = itemsCsv(records);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}.csv"`,
    },
  });
}
