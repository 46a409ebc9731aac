import { departmentsList } from "@/lib/api/endpoints";
import { serveList } from "@/lib/api/handler";
import { listApiDepartments } from "@/lib/data/open-data";

export const dynamic = "force-dynamic";
export { preflightResponse as OPTIONS } from "@/lib/api/respond";

export async function GET(request: Request): Promise<Response> {
  return serveList(request, departmentsList, (query) => listApiDepartments(query));
}
