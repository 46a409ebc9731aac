import { db } from "@/lib/db/server";
import { departmentsList } from "@/lib/api/endpoints";
import { serveList } from "@/lib/api/handler";
import { listApiDepartments } from "@/lib/api/queries/departments";

export const dynamic = "force-dynamic";
export { preflightResponse as OPTIONS } from "@/lib/api/respond";

export async function GET(request: Request): Promise<Response> {
  return serveList(request, departmentsList, (query) => listApiDepartments(db(), query));
}
