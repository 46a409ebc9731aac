/**
 * Cache tags of the public pages. A read is tagged with what it shows; a write revalidates the
 * tags of exactly what it changed (see lib/cache/revalidate.ts).
 */
export const TAGS = {
  /** Every public read: an import can change any listing, tree, budget or suggested link. */
  all: "portal",
  /** City-wide progress aggregates: the home dashboard and the items listing. */
  progressOverview: "progress",
  node: (id: number) => `node:${id}`,
  document: (id: number) => `document:${id}`,
  department: (slug: string) => `department:${slug}`,
} as const;

/** What a progress write on one node makes stale. */
export type ProgressImpact = {
  nodeIds: readonly number[]; // the node, its ancestors (roll-ups) and the nodes linked to it
  documentIds: readonly number[];
  departmentSlugs: readonly string[];
};

export function progressTags(impact: ProgressImpact): string[] {
  return [
    TAGS.progressOverview,
    ...new Set(impact.nodeIds.map(TAGS.node)),
    ...new Set(impact.documentIds.map(TAGS.document)),
    ...new Set(impact.departmentSlugs.map(TAGS.department)),
  ];
}
