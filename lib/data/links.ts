import "server-only";
import type { SessionUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/server";
import * as workbench from "@/lib/links/workbench";

/** The link screens' read: it asks `can(viewer, link.decide)` on the node itself (lib/links/workbench.ts). */
export function getLinkWorkbench(viewer: SessionUser | null, nodeId: number, query?: string) {
  return workbench.getLinkWorkbench(db(), viewer, nodeId, query);
}
