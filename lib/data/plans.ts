import "server-only";
import { can, type SessionUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/server";
import { type ItemPlanView, plansOfNode } from "@/lib/progress/plans";
import { getAnswerableDepartments } from "@/lib/queries/staff";

export type NodePlans = { items: ItemPlanView[]; mayPropose: boolean; mayApprove: boolean };

/**
 * The planned progress of every set tracking a node, for its staff page: only for staff of the
 * departments answering for it (as the page itself), null otherwise.
 */
export async function getNodePlans(viewer: SessionUser | null, nodeId: number): Promise<NodePlans | null> {
  const scope = await getAnswerableDepartments(db(), nodeId);
  if (!scope || !can(viewer, { action: "progress.write", departmentIds: scope.departmentIds })) return null;
  return {
    items: await plansOfNode(db(), nodeId),
    mayPropose: true,
    mayApprove: can(viewer, { action: "progress.approve", departmentIds: scope.departmentIds }),
  };
}
