import { db } from "@/lib/db/server";
import { documentsList } from "@/lib/api/endpoints";
import { serveList } from "@/lib/api/handler";
import { listApiDocuments } from "@/lib/api/queries/documents";

export const dynamic = "force-dynamic";
export { preflightResponse as OPTIONS } from "@/lib/api/respond";

export async function GET(request: Request): Promise<Response> {
  return serveList(request, documentsList, (query) => listApiDocuments(db(), query));
}
