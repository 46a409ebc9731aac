import "server-only";
import { PUBLIC_ENTRY } from "@/lib/domain/updates";
import type { Db } from "@/lib/db/client";
import type { StatusOrNone } from "@/lib/domain/progress";
import { buildTree, type TreeOf } from "@/lib/domain/tree";
import type { NodeKind, ProgressStatus } from "@/lib/generated/prisma/enums";
import { ancestorsOf } from "@/lib/queries/ancestors";
import { latestProgressEntry } from "@/lib/queries/fragments";
import { type PageRequest, type Paged, skipTake } from "../pagination";
import type { NodeDetailRecord, NodeRecord, NodeRefRecord, NodeTreeRecord } from "../schemas";
import {
  coversYear,
  departmentRefSelect,
  documentRefSelect,
  type DocumentRefRow,
  toDocumentRef,
} from "./shared";

export type NodeFilter = {
  kind?: NodeKind;
  department?: string;
  year?: number;
  document?: number;
  status?: StatusOrNone;
};

const nodeSelect = {
  id: true,
  kind: true,
  numberLabel: true,
  ordinal: true,
  title: true,
  text: true,
  parentId: true,
  depth: true,
  position: true,
  stableKey: true,
  lineFrom: true,
  lineTo: true,
  retiredAt: true,
  document: { select: documentRefSelect },
  department: departmentRefSelect,
  // The latest entry decides a node's status, as on every page.
  progressEntries: latestProgressEntry,
} as const;

type NodeRow = {
  id: number;
  kind: NodeKind;
  numberLabel: string | null;
  ordinal: number | null;
  title: string | null;
  text: string;
  parentId: number | null;
  depth: number;
  position: number;
  stableKey: string;
  lineFrom: number;
  lineTo: number;
  retiredAt: Date | null;
  document: DocumentRefRow;
  department: { slug: string; nameZh: string; nameEn: string } | null;
  progressEntries: Array<{ status: ProgressStatus; percent: number | null; updatedAt: Date }>;
};

function toRecord(row: NodeRow): NodeRecord {
  const latest = row.progressEntries[0];
  return {
    id: row.id,
    kind: row.kind,
    numberLabel: row.numberLabel,
    title: row.title,
    text: row.text,
    ordinal: row.ordinal,
    parentId: row.parentId,
    depth: row.depth,
    position: row.position,
    stableKey: row.stableKey,
    lineFrom: row.lineFrom,
    lineTo: row.lineTo,
    retired: row.retiredAt !== null,
    document: toDocumentRef(row.document),
    department: row.department,
    status: latest?.status ?? "no_update",
    percent: latest?.percent ?? null,
    statusUpdatedAt: latest?.updatedAt.toISOString() ?? null,
  };
}

/**
 * The ids a status filter allows, from each node's latest non-withdrawn entry (same order as
 * `latestProgressEntry`). Entries are few next to nodes, so they are read whole.
 */
async function statusCondition(db: Db, status: StatusOrNone | undefined) {
  if (!status) return undefined;
  const entries = await db.progressEntry.findMany({
    where: PUBLIC_ENTRY,
    select: { nodeId: true, status: true },
    orderBy: [{ nodeId: "asc" }, ...latestProgressEntry.orderBy],
  });
  const latest = new Map<number, ProgressStatus>();
  for (const e of entries) if (!latest.has(e.nodeId)) latest.set(e.nodeId, e.status);
  if (status === "no_update") return { notIn: [...latest.keys()] };
  return { in: [...latest].filter(([, s]) => s === status).map(([nodeId]) => nodeId) };
}

/** Nodes of every document in document order, filtered like the items listing. */
export async function listApiNodes(db: Db, query: NodeFilter & PageRequest): Promise<Paged<NodeRecord>> {
  const where = {
    id: await statusCondition(db, query.status),
    kind: query.kind,
    documentId: query.document,
    department: query.department ? { slug: query.department } : undefined,
    document: query.year === undefined ? undefined : coversYear(query.year),
  };
  const [total, rows] = await Promise.all([
    db.planNode.count({ where }),
    db.planNode.findMany({
      where,
      select: nodeSelect,
      orderBy: [{ documentId: "asc" }, { lineFrom: "asc" }, { id: "asc" }],
      ...skipTake(query),
    }),
  ]);
  return { rows: rows.map(toRecord), total };
}

type TreeRow = NodeRefRecord & { parentId: number | null; retiredAt: Date | null };

function toTree(node: TreeOf<TreeRow>): NodeTreeRecord {
  return {
    id: node.id,
    kind: node.kind,
    numberLabel: node.numberLabel,
    title: node.title,
    text: node.text,
    retired: node.retiredAt !== null,
    children: node.children.map(toTree),
  };
}

/** One node with the path to it from its document's root and its whole subtree; null when unknown. */
export async function getApiNode(db: Db, id: number): Promise<NodeDetailRecord | null> {
  const row = await db.planNode.findUnique({ where: { id }, select: nodeSelect });
  if (!row) return null;
  // A document has hundreds of nodes, not thousands: one read gives the whole subtree.
  const family = await db.planNode.findMany({
    where: { documentId: row.document.id },
    select: {
      id: true,
      parentId: true,
      kind: true,
      numberLabel: true,
      title: true,
      text: true,
      retiredAt: true,
    },
    orderBy: [{ depth: "asc" }, { position: "asc" }, { id: "asc" }],
  });
  const byId = new Map<number, TreeOf<TreeRow>>();
  const visit = (nodes: TreeOf<TreeRow>[]) => {
    for (const n of nodes) {
      byId.set(n.id, n);
      visit(n.children);
    }
  };
  visit(buildTree(family));

  const ancestors: NodeRefRecord[] = (await ancestorsOf(db, row.id)).map((a) => ({
    id: a.id,
    kind: a.kind,
    numberLabel: a.numberLabel,
    title: a.title,
    text: a.text,
  }));
  return { ...toRecord(row), ancestors, children: (byId.get(row.id)?.children ?? []).map(toTree) };
}
