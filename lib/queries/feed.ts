import "server-only";
import { PUBLIC_ENTRY } from "@/lib/domain/updates";
import type { Db } from "@/lib/db/client";
import type { ProgressStatus } from "@/lib/generated/prisma/enums";
import type { DepartmentRef } from "./documents";

export type FeedScope =
  { kind: "city" } | { kind: "department"; slug: string } | { kind: "node"; id: number };

export type ProgressUpdate = {
  entryId: number;
  version: number;
  status: ProgressStatus;
  percent: number | null;
  narrative: string;
  updatedAt: string;
  node: { id: number; numberLabel: string | null; title: string };
  department: DepartmentRef | null;
};

/**
 * The latest progress updates in a scope, newest first: the whole city, a department, an item, or
 * a strategy (its own entries and those of the items serving it). Null when the scope is unknown.
 */
export async function listProgressUpdates(
  db: Db,
  scope: FeedScope,
  limit = 50,
): Promise<{ title: string; updates: ProgressUpdate[] } | null> {
  let title = "高雄市政府";
  let nodeIds: number[] | undefined;
  let departmentId: number | undefined;
  if (scope.kind === "department") {
    const dept = await db.department.findUnique({
      where: { slug: scope.slug },
      select: { id: true, nameZh: true },
    });
    if (!dept) return null;
    title = dept.nameZh;
    departmentId = dept.id;
  } else if (scope.kind === "node") {
    const node = await db.planNode.findUnique({
      where: { id: scope.id },
      select: {
        id: true,
        title: true,
        text: true,
        linksTo: { where: { origin: "confirmed" }, select: { fromNodeId: true } }, // what people confirmed serves it
      },
    });
    if (!node) return null;
    title = node.title ?? node.text.slice(0, 40);
    nodeIds = [node.id, ...node.linksTo.map((l) => l.fromNodeId)];
  }
  const entries = await db.progressEntry.findMany({
    where: {
      ...PUBLIC_ENTRY,
      nodeId: nodeIds ? { in: nodeIds } : undefined,
      node: departmentId ? { departmentId } : undefined,
    },
    orderBy: { updatedAt: "desc" },
    take: limit,
    select: {
      id: true,
      version: true,
      status: true,
      percent: true,
      narrative: true,
      updatedAt: true,
      node: {
        select: {
          id: true,
          numberLabel: true,
          title: true,
          text: true,
          department: { select: { slug: true, nameZh: true, nameEn: true } },
        },
      },
    },
  });
  return {
    title,
    updates: entries.map((e) => ({
      entryId: e.id,
      version: e.version,
      status: e.status,
      percent: e.percent,
      narrative: e.narrative,
      updatedAt: e.updatedAt.toISOString(),
      node: { id: e.node.id, numberLabel: e.node.numberLabel, title: e.node.title ?? e.node.text },
      department: e.node.department,
    })),
  };
}
