import { db } from "@/lib/db/server";
import { reportFiguresList } from "@/lib/api/endpoints";
import { serveList } from "@/lib/api/handler";
import { listApiReportFigures } from "@/lib/api/queries/report-figures";

export const dynamic = "force-dynamic";
export { preflightResponse as OPTIONS } from "@/lib/api/respond";

export async function GET(request: Request): Promise<Response> {
  return serveList(request, reportFiguresList, (query) => listApiReportFigures(db(), query));
}
