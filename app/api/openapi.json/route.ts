import { getOpenApiDocument } from "@/lib/api/openapi";
import { jsonResponse } from "@/lib/api/respond";

export const dynamic = "force-dynamic";
export { preflightResponse as OPTIONS } from "@/lib/api/respond";

/** The OpenAPI 3.1 document of the open-data API under /api/v1. */
export async function GET(request: Request): Promise<Response> {
  return jsonResponse(request, getOpenApiDocument());
}
