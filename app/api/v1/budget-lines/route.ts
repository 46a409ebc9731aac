import { budgetLinesList } from "@/lib/api/endpoints";
import { serveList } from "@/lib/api/handler";
import { listApiBudgetLines } from "@/lib/data/open-data";

export const dynamic = "force-dynamic";
export { preflightResponse as OPTIONS } from "@/lib/api/respond";

export async function GET(request: Request): Promise<Response> {
  return serveList(request, budgetLinesList, (query) => listApiBudgetLines(query));
}
