import { nodesList } from "@/lib/api/endpoints";
import { serveList } from "@/lib/api/handler";
import { listApiNodes } from "@/lib/data/open-data";

export const dynamic = "force-dynamic";
export { preflightResponse as OPTIONS } from "@/lib/api/respond";

export async function GET(request: Request): Promise<Response> {
  return serveList(request, nodesList, (query) => listApiNodes(query));
}
