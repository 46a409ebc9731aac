import { progressEntriesList } from "@/lib/api/endpoints";
import { serveList } from "@/lib/api/handler";
import { instantToDate } from "@/lib/api/params";
import { listApiProgressEntries } from "@/lib/data/open-data";

export const dynamic = "force-dynamic";
export { preflightResponse as OPTIONS } from "@/lib/api/respond";

export async function GET(request: Request): Promise<Response> {
  return serveList(request, progressEntriesList, ({ updatedSince, ...query }) =>
    listApiProgressEntries({
      ...query,
      updatedSince: updatedSince ? instantToDate(updatedSince) : undefined,
    }),
  );
}
