import { documentDetail } from "@/lib/api/endpoints";
import { serveDetail } from "@/lib/api/handler";
import { getApiDocument } from "@/lib/data/open-data";

export const dynamic = "force-dynamic";
export { preflightResponse as OPTIONS } from "@/lib/api/respond";

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return serveDetail(request, context.params, documentDetail, ({ id }) => getApiDocument(id));
}
