import { departmentDetail } from "@/lib/api/endpoints";
import { serveDetail } from "@/lib/api/handler";
import { getApiDepartment } from "@/lib/data/open-data";

export const dynamic = "force-dynamic";
export { preflightResponse as OPTIONS } from "@/lib/api/respond";

export async function GET(
  request: Request,
  context: { params: Promise<{ slug: string }> },
): Promise<Response> {
  return serveDetail(request, context.params, departmentDetail, ({ slug }) => getApiDepartment(slug));
}
