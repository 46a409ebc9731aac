import { PUBLIC_ENTRY } from "@/lib/domain/updates";
import type { Db } from "@/lib/db/client";
import { planYears } from "@/lib/domain/plan-years";
import type { Prisma } from "@/lib/generated/prisma/client";
import { displayText, fold, searchForm, squeezeWithMap } from "./normalise";
import { entryBoost } from "./ranking";
import type { SearchEntityType, SearchKind } from "./schemas";
import { entryVector } from "./vector";

/**
 * Writes the search index (the SearchEntry table). Everything here runs inside the caller's
 * transaction: an import that fails leaves the index as it was, and one that commits has its
 * entries with it.
 *
 * Bump SEARCH_INDEX_VERSION whenever what is written changes (normalisation, segmentation, fields):
 * `ensureSearchIndex`, run on every start, then rebuilds every document written by an older one.
 */
// 2: years from lib/domain/plan-years.ts; nodes' departments as stored at import (migration 20261128230000).
export const SEARCH_INDEX_VERSION = 2;

type Tx = Prisma.TransactionClient;

/** One row of the index before it is written. */
export type EntryDraft = {
  entityType: SearchEntityType;
  entityId: number;
  kind: SearchKind;
  documentId: number;
  nodeId: number | null;
  departmentId: number | null;
  yearFrom: number | null;
  yearTo: number | null;
  status: string | null;
  retired: boolean;
  /** What the result is called; its words rank higher when `titleIsText` (a real title, not a cut of the body). */
  title: string;
  titleIsText: boolean;
  body: string;
  /**
   * Words about the thing that are not in its text, found at the lowest weight: the department's
   * name, so 捷運 also finds the MRT bureau's light-rail items.
   */
  context: string;
};

export type EntryRow = Omit<EntryDraft, "titleIsText" | "context"> & {
  boost: number;
  folded: string;
  /** tsvector literal (vector.ts). */
  vector: string;
};

const HEADING_LENGTH = 80;

/** What a node is called in results: its title, else the start of its text. */
export function nodeHeading(node: {
  numberLabel: string | null;
  title: string | null;
  text: string;
}): string {
  const text = displayText(node.title ?? node.text);
  const cut = text.length > HEADING_LENGTH ? `${text.slice(0, HEADING_LENGTH)}…` : text;
  return node.numberLabel ? `${displayText(node.numberLabel)} ${cut}` : cut;
}

/** Display text, folded text and terms of a draft: the CPU half of indexing, no database. */
export function prepareEntry(draft: EntryDraft): EntryRow {
  const { titleIsText, context, ...rest } = draft;
  const title = displayText(draft.title);
  const body = displayText(draft.body);
  const foldedTitle = squeezeWithMap(fold(title)).text;
  const foldedBody = squeezeWithMap(fold(body)).text;
  const vector = entryVector({
    title: titleIsText ? foldedTitle : null,
    body: foldedBody,
    context: searchForm(context),
  });
  return {
    ...rest,
    boost: entryBoost(draft.kind, draft.retired, vector.length),
    title,
    body,
    // One line each: a phrase never matches across the two (queries have no line breaks). A title
    // cut from the body is left out: the body has those words, and it earns no title bonus.
    folded: `${titleIsText ? foldedTitle : ""}\n${foldedBody}`,
    vector: vector.literal,
  };
}

/** Rows per INSERT: one statement of 15 arrays, so the size is about memory, not parameters. */
const BATCH = 2000;

/** Writes prepared rows with one INSERT … SELECT FROM unnest(arrays) per batch. */
export async function insertEntries(tx: Tx | Db, rows: readonly EntryRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const col = <K extends keyof EntryRow>(key: K) => batch.map((r) => r[key]);
    await tx.$executeRaw`
      INSERT INTO "SearchEntry" ("entityType", "entityId", "kind", "documentId", "nodeId", "departmentId",
        "yearFrom", "yearTo", "status", "retired", "boost", "title", "body", "folded", "vector", "indexVersion")
      SELECT t.entity_type, t.entity_id, t.kind, t.document_id, t.node_id, t.department_id,
        t.year_from, t.year_to, t.status, t.retired, t.boost, t.title, t.body, t.folded,
        t.vector::tsvector,
        ${SEARCH_INDEX_VERSION}::int
      FROM unnest(
        ${col("entityType")}::text[], ${col("entityId")}::int[], ${col("kind")}::text[],
        ${col("documentId")}::int[], ${col("nodeId")}::int[], ${col("departmentId")}::int[],
        ${col("yearFrom")}::int[], ${col("yearTo")}::int[], ${col("status")}::text[],
        ${col("retired")}::boolean[], ${col("boost")}::real[], ${col("title")}::text[], ${col("body")}::text[],
        ${col("folded")}::text[], ${col("vector")}::text[]
      ) AS t(entity_type, entity_id, kind, document_id, node_id, department_id, year_from, year_to, status,
        retired, boost, title, body, folded, vector)`;
  }
}

const latestEntryFirst = [{ periodFrom: "desc" as const }, { updatedAt: "desc" as const }];

/**
 * Replaces a document's entries with fresh ones for its nodes (every kind, retired ones marked),
 * budget lines, report figures and the live progress entries on its nodes. Call it inside the
 * transaction that changed the document, after the change. Returns the number of entries.
 */
export async function rebuildSearchIndexForDocument(tx: Tx, documentId: number): Promise<number> {
  await tx.$executeRaw`DELETE FROM "SearchEntry" WHERE "documentId" = ${documentId}`;
  const doc = await tx.sourceDocument.findUnique({
    where: { id: documentId },
    select: { rocYearFrom: true, rocYearTo: true, periodFrom: true, periodTo: true, departmentId: true },
  });
  if (!doc) return 0;
  const years = planYears(doc);
  const yearFrom = years?.from ?? null;
  const yearTo = years?.to ?? null;

  // One after another: a transaction is one connection.
  const nodes = await tx.planNode.findMany({
    where: { documentId },
    select: {
      id: true,
      kind: true,
      numberLabel: true,
      title: true,
      text: true,
      departmentId: true,
      retiredAt: true,
      progressEntries: {
        where: PUBLIC_ENTRY,
        orderBy: latestEntryFirst,
        select: { id: true, status: true, narrative: true, periodYear: true },
      },
    },
  });
  const budgetLines = await tx.budgetLine.findMany({
    where: { documentId },
    select: {
      id: true,
      nodeId: true,
      departmentId: true,
      fiscalYear: true,
      tableName: true,
      label: true,
      name: true,
      amountThousands: true,
      note: true,
    },
  });
  const figures = await tx.reportFigure.findMany({
    where: { documentId },
    select: { id: true, nodeId: true, valueText: true, unit: true, label: true, sentence: true },
  });
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const departmentNames = await departmentNamesById(tx);
  const context = (departmentId: number | null) =>
    departmentId === null ? "" : (departmentNames.get(departmentId) ?? "");

  const drafts: EntryDraft[] = [];
  for (const node of nodes) {
    const latest = node.progressEntries[0];
    drafts.push({
      entityType: "node",
      entityId: node.id,
      kind: node.kind,
      documentId,
      nodeId: node.id,
      departmentId: node.departmentId,
      yearFrom,
      yearTo,
      status: latest?.status ?? "no_update",
      retired: node.retiredAt !== null,
      title: nodeHeading(node),
      titleIsText: node.title !== null,
      body: node.text,
      context: context(node.departmentId),
    });
    for (const entry of node.progressEntries) {
      drafts.push(progressDraft(entry, node, documentId, context(node.departmentId)));
    }
  }
  for (const line of budgetLines) {
    const amount = `${line.amountThousands.toLocaleString("en-US")} 千元`;
    drafts.push({
      entityType: "budget_line",
      entityId: line.id,
      kind: "budget_line",
      documentId,
      nodeId: line.nodeId,
      departmentId: line.departmentId ?? doc.departmentId,
      yearFrom: line.fiscalYear,
      yearTo: line.fiscalYear,
      status: null,
      retired: false,
      title: line.name,
      titleIsText: true,
      body: [line.tableName, line.label, line.name, amount, line.note].filter(Boolean).join(" "),
      context: context(line.departmentId ?? doc.departmentId),
    });
  }
  for (const figure of figures) {
    const node = figure.nodeId === null ? undefined : nodeById.get(figure.nodeId);
    drafts.push({
      entityType: "report_figure",
      entityId: figure.id,
      kind: "report_figure",
      documentId,
      nodeId: figure.nodeId,
      departmentId: node === undefined ? doc.departmentId : node.departmentId,
      yearFrom,
      yearTo,
      status: null,
      retired: false,
      title: `${figure.label ?? ""} ${figure.valueText} ${figure.unit}`.trim(),
      titleIsText: figure.label !== null,
      body: figure.sentence,
      context: context(node === undefined ? doc.departmentId : node.departmentId),
    });
  }
  await insertEntries(tx, drafts.map(prepareEntry));
  return drafts.length;
}

type ProgressForIndex = { id: number; status: string; narrative: string; periodYear: number };
type NodeForProgress = {
  id: number;
  numberLabel: string | null;
  title: string | null;
  text: string;
  departmentId: number | null;
  retiredAt: Date | null;
};

/** A progress entry is found by its narrative and shown under the item it reports on. */
function progressDraft(
  entry: ProgressForIndex,
  node: NodeForProgress,
  documentId: number,
  context: string,
): EntryDraft {
  return {
    entityType: "progress_entry",
    entityId: entry.id,
    kind: "progress_entry",
    documentId,
    nodeId: node.id,
    departmentId: node.departmentId,
    yearFrom: entry.periodYear,
    yearTo: entry.periodYear,
    status: entry.status,
    retired: node.retiredAt !== null,
    title: nodeHeading(node),
    titleIsText: false,
    body: entry.narrative,
    context,
  };
}

/** Department names (canonical, in Chinese) by id: a few dozen rows. */
async function departmentNamesById(tx: Tx): Promise<Map<number, string>> {
  const departments = await tx.department.findMany({ select: { id: true, nameZh: true } });
  return new Map(departments.map((d) => [d.id, d.nameZh]));
}

/**
 * Brings one progress entry's index entry, and its node's status, up to date after the entry was
 * created, edited or withdrawn. Call it inside the transaction that wrote the entry.
 */
export async function indexProgressEntry(tx: Tx, entryId: number): Promise<void> {
  const previous = await tx.$queryRaw<Array<{ nodeId: number | null }>>`
    DELETE FROM "SearchEntry" WHERE "entityType" = 'progress_entry' AND "entityId" = ${entryId}
    RETURNING "nodeId"`;
  const entry = await tx.progressEntry.findUnique({
    where: { id: entryId },
    select: {
      id: true,
      status: true,
      narrative: true,
      periodYear: true,
      withdrawnAt: true,
      state: true,
      node: {
        select: {
          id: true,
          documentId: true,
          numberLabel: true,
          title: true,
          text: true,
          departmentId: true,
          retiredAt: true,
        },
      },
    },
  });
  if (entry && entry.withdrawnAt === null && entry.state === "published") {
    const { node } = entry;
    const context =
      node.departmentId === null ? "" : ((await departmentNamesById(tx)).get(node.departmentId) ?? "");
    await insertEntries(tx, [prepareEntry(progressDraft(entry, node, node.documentId, context))]);
  }
  const nodeIds = new Set([entry?.node.id, ...previous.map((p) => p.nodeId)]);
  for (const nodeId of nodeIds) if (typeof nodeId === "number") await refreshNodeStatus(tx, nodeId);
}

/** A node's entry carries the status of its latest live progress entry (newest period, then newest save). */
async function refreshNodeStatus(tx: Tx, nodeId: number): Promise<void> {
  const latest = await tx.progressEntry.findFirst({
    where: { nodeId, ...PUBLIC_ENTRY },
    orderBy: latestEntryFirst,
    select: { status: true },
  });
  await tx.$executeRaw`
    UPDATE "SearchEntry" SET "status" = ${latest?.status ?? "no_update"}::text, "updatedAt" = now()
    WHERE "entityType" = 'node' AND "entityId" = ${nodeId}`;
}

/**
 * Makes the index complete: rebuilds every document that has no entries or entries written by an
 * older SEARCH_INDEX_VERSION (a database seeded before search existed, or before a pipeline change),
 * one transaction per document, and drops entries of documents that no longer exist. Cheap when
 * the index is current: one query.
 */
export async function ensureSearchIndex(db: Db): Promise<{ rebuilt: number[] }> {
  const stale = await db.$queryRaw<Array<{ id: number }>>`
    SELECT d.id FROM "SourceDocument" d
    WHERE NOT EXISTS (SELECT 1 FROM "SearchEntry" e WHERE e."documentId" = d.id)
       OR EXISTS (SELECT 1 FROM "SearchEntry" e
                  WHERE e."documentId" = d.id AND e."indexVersion" <> ${SEARCH_INDEX_VERSION}::int)
    ORDER BY d.id`;
  for (const { id } of stale) {
    await db.$transaction((tx) => rebuildSearchIndexForDocument(tx, id), {
      timeout: 120_000,
      maxWait: 30_000,
    });
  }
  await db.$executeRaw`
    DELETE FROM "SearchEntry" e WHERE NOT EXISTS (SELECT 1 FROM "SourceDocument" d WHERE d.id = e."documentId")`;
  return { rebuilt: stale.map((s) => s.id) };
}
