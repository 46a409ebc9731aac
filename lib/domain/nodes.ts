import type { NodeKind } from "@/lib/generated/prisma/enums";

/** Every kind of plan node the parser produces, in the order the documents introduce them. */
export const NODE_KINDS = [
  "goal",
  "vision",
  "strategy",
  "policy_area",
  "agenda_item",
  "key_point",
  "program",
  "section",
  "point",
] as const satisfies readonly NodeKind[];

/** A list of kinds checked against the schema, typed as a (mutable) tuple: Prisma's `in` and z.enum both take it. */
const kinds = <const T extends NodeKind[]>(...list: T): T => list;

/**
 * A department's own promises: the agenda items of the policy outline and the key points and
 * programs of a department plan. What a department is counted and held to account on.
 */
export const ACCOUNTABLE_KINDS = kinds("agenda_item", "key_point", "program");

/**
 * What staff record progress on and the items listing shows: the accountable kinds and the
 * mid-term plan's strategies.
 */
export const TRACKABLE_KINDS = kinds(...ACCOUNTABLE_KINDS, "strategy");
export type TrackableKind = (typeof TRACKABLE_KINDS)[number];

/**
 * Who owns a node, decided once at import and stored on every node (`PlanNode.departmentId`): the
 * department it names, else the owner it inherits (its parent's, which for a top-level node is its
 * document's department). City-wide nodes (the mid-term plan's) have neither and stay null. Readers
 * use the stored column and never re-derive it.
 */
export function nodeOwner(namedDepartmentId: number | null, inheritedOwnerId: number | null): number | null {
  return namedDepartmentId ?? inheritedOwnerId;
}

/**
 * The departments that answer for a node's progress: its owner, and the lead department (主辦) of
 * every tracked item on it that is still being tracked (a city-wide strategy has no owner, so its
 * lead is what makes it someone's). Co-departments (協辦) contribute but do not report.
 */
export function answerableDepartments(
  ownerId: number | null,
  trackedItems: ReadonlyArray<{ leadDepartmentId: number | null }>,
): number[] {
  const ids = new Set<number>();
  if (ownerId !== null) ids.add(ownerId);
  for (const item of trackedItems) if (item.leadDepartmentId !== null) ids.add(item.leadDepartmentId);
  return [...ids];
}
