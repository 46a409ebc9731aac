import "server-only";
import { unstable_cache } from "next/cache";
import { db } from "@/lib/db/server";
import { getBudgetExplorer } from "@/lib/queries/budgets";
import { getDepartmentPage, listDepartments } from "@/lib/queries/departments";
import { getDocumentPage, getDocumentSource, listDocuments } from "@/lib/queries/documents";
import { getHomeDashboard } from "@/lib/queries/home";
import { listItems } from "@/lib/queries/items";
import { getNodePage } from "@/lib/queries/nodes";
import { deserialise, serialise } from "./serialise";
import { TAGS } from "./tags";

/**
 * The public pages' reads, from Next's data cache, tagged with what they show. The tags also mark
 * the cached page that rendered them, so a write that revalidates `node:36` refreshes /nodes/36 in
 * both languages. Arguments are part of the key; the database is not (one per server process).
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
  () => getHomeDashboard(db()),
  () => [TAGS.progressOverview],
);
export const readDocuments = cachedRead("documents", (filter?: Parameters<typeof listDocuments>[1]) =>
  listDocuments(db(), filter),
);
export const readDocumentPage = cachedRead(
  "document",
  (id: number) => getDocumentPage(db(), id),
  (id) => [TAGS.document(id)],
);
export const readDocumentSource = cachedRead(
  "document-source",
  (id: number) => getDocumentSource(db(), id),
  (id) => [TAGS.document(id)],
);
export const readNodePage = cachedRead(
  "node",
  (id: number) => getNodePage(db(), id),
  (id) => [TAGS.node(id)],
);
export const readDepartments = cachedRead("departments", () => listDepartments(db()));
export const readDepartmentPage = cachedRead(
  "department",
  (slug: string) => getDepartmentPage(db(), slug),
  (slug) => [TAGS.department(slug)],
);
export const readBudgetExplorer = cachedRead("budgets", (query: Parameters<typeof getBudgetExplorer>[1]) =>
  getBudgetExplorer(db(), query),
);
export const readItems = cachedRead(
  "items",
  (query: Parameters<typeof listItems>[1]) => listItems(db(), query),
  () => [TAGS.progressOverview],
);
