import "server-only";
import { can, type SessionUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/server";
import { type ItemIndicatorsView, indicatorsOfNode } from "@/lib/progress/indicators";
import * as indicators from "@/lib/queries/indicators";
import { getAnswerableDepartments } from "@/lib/queries/staff";
import { publicRead } from "./public-read";

export type NodeIndicators = { items: ItemIndicatorsView[]; mayDefine: boolean; mayRecord: boolean };

/**
 * The indicators of every set tracking a node, for its staff page: for those who may define them
 * (the departments answering for it, the 研考會) or record their values (the departments' staff);
 * null for anyone else.
 */
export async function getNodeIndicators(
  viewer: SessionUser | null,
  nodeId: number,
): Promise<NodeIndicators | null> {
  const scope = await getAnswerableDepartments(db(), nodeId);
  if (!scope) return null;
  const mayDefine = can(viewer, { action: "indicator.define", departmentIds: scope.departmentIds });
  const mayRecord = can(viewer, { action: "progress.write", departmentIds: scope.departmentIds });
  if (!mayDefine && !mayRecord) return null;
  return { items: await indicatorsOfNode(db(), nodeId), mayDefine, mayRecord };
}

/** Public: an item's indicators with targets, published actuals and attainment (lib/queries/indicators.ts). */
export const getItemIndicators = publicRead(indicators.getItemIndicators);
