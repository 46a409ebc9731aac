import { db } from "@/lib/db/server";
import { progressEntriesList } from "@/lib/api/endpoints";
import { serveList } from "@/lib/api/handler";
import { instantToDate } from "@/lib/api/params";
import { listApiProgressEntries } from "@/lib/api/queries/progress-entries";

export const dynamic = "force-dynamic";
export { preflightResponse as OPTIONS } from "@/lib/api/respond";

export async function GET(request: Request): Promise<Response> {
  return serveList(request, progressEntriesList, ({ updatedSince, ...query }) =>
    listApiProgressEntries(db(), {
      ...query,
      updatedSince: updatedSince ? instantToDate(updatedSince) : undefined,
    }),
  );
}
