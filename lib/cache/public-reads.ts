import "server-only";
import { unstable_cache } from "next/cache";
import {
  getBudgetExplorer,
  getDepartmentPage,
  getDocumentPage,
  getDocumentSource,
  getHomeDashboard,
  getNodePage,
  listDepartments,
  listDocuments,
  listItems,
  listSetThresholds,
  hasDemoData,
} from "@/lib/data/portal";
import { getItemIndicators } from "@/lib/data/indicators";
import { deserialise, serialise } from "./serialise";
import { TAGS } from "./tags";

/**
 * The public pages' reads, from Next's data cache, tagged with what they show. The tags also mark
 * the cached page that rendered them, so a write that revalidates `node:36` refreshes /nodes/36 in
 * both languages. Arguments are part of the key; the database is not (one per server process,
 * obtained by lib/data/portal).
 */
function cachedRead<A extends unknown[], R>(
  name: string,
  read: (...args: A) => Promise<R>,
  tagsFor?: (...args: A) => string[],
): (...args: A) => Promise<R> {
  return async (...args) => {
    const run = unstable_cache(async () => serialise(await read(...args)), [name, JSON.stringify(args)], {
      tags: [TAGS.all, ...(tagsFor?.(...args) ?? [])],
    });
    return deserialise<R>(await run());
  };
}

export const readHomeDashboard = cachedRead(
  "home",
  // Today's Taipei day is part of the key: a light turns 未填報 when a due day passes, with no write.
  (today: string) => getHomeDashboard(today),
  () => [TAGS.progressOverview],
);
export const readDocuments = cachedRead("documents", (filter?: Parameters<typeof listDocuments>[0]) =>
  listDocuments(filter),
);
export const readDocumentPage = cachedRead(
  "document",
  (id: number) => getDocumentPage(id),
  (id) => [TAGS.document(id)],
);
export const readDocumentSource = cachedRead(
  "document-source",
  (id: number) => getDocumentSource(id),
  (id) => [TAGS.document(id)],
);
export const readNodePage = cachedRead(
  "node",
  // Today's Taipei day is in the key: the light turns 未填報 when a due day passes, with no write.
  (id: number, today: string) => getNodePage(id, today),
  (id) => [TAGS.node(id)],
);
export const readDepartments = cachedRead("departments", () => listDepartments());
export const readDepartmentPage = cachedRead(
  "department",
  // Today's Taipei day is in the key, as for the node page: lights move when a due day passes.
  (slug: string, today: string) => getDepartmentPage(slug, today),
  (slug) => [TAGS.department(slug)],
);
export const readBudgetExplorer = cachedRead("budgets", (query: Parameters<typeof getBudgetExplorer>[0]) =>
  getBudgetExplorer(query),
);
export const readItems = cachedRead(
  "items",
  (query: Parameters<typeof listItems>[0]) => listItems(query),
  () => [TAGS.progressOverview],
);
export const readSetThresholds = cachedRead(
  "set-thresholds",
  () => listSetThresholds(),
  () => [TAGS.progressOverview],
);
export const readItemIndicators = cachedRead(
  "item-indicators",
  (nodeId: number) => getItemIndicators(nodeId),
  (nodeId) => [TAGS.node(nodeId)],
);
export const readDemoMode = cachedRead("demo-mode", () => hasDemoData());
