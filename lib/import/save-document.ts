import { recordAudit, type RequestMeta } from "@/lib/audit";
import type { Db } from "@/lib/db/client";
import { kindToDb } from "@/lib/domain/document-kind";
import { nodeOwner } from "@/lib/domain/nodes";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PARSER_VERSION, type ParsedBudgetLine, type ParsedDocument, type ParsedNode } from "@/lib/ingest";
import { rebuildSearchIndexForDocument } from "@/lib/search/indexing";

type Tx = Prisma.TransactionClient;

export type SaveInput = {
  fileName: string;
  checksum: string;
  rawText: string;
  parsed: ParsedDocument;
  importedById: number | null;
  /** Who imported it from where, for the audit log (absent for the seed and the CLI). */
  meta?: RequestMeta;
};

export type SaveOutcome = {
  status: "imported" | "updated";
  documentId: number;
  title: string;
  version: number;
  counts: { nodes: number; retiredNodes: number; budgetLines: number; figures: number };
};

type Flat<T> = { item: T; parentKey: string | null; depth: number; position: number };

/** A tree as levels, parents before children, each item knowing its parent's key and its position. */
function levels<T extends { key: string; children: T[] }>(roots: T[]): Flat<T>[][] {
  const out: Flat<T>[][] = [];
  let current: Flat<T>[] = roots.map((item, position) => ({ item, parentKey: null, depth: 0, position }));
  while (current.length > 0) {
    out.push(current);
    current = current.flatMap((parent) =>
      parent.item.children.map((item, position) => ({
        item,
        parentKey: parent.item.key,
        depth: parent.depth + 1,
        position,
      })),
    );
  }
  return out;
}

const toDate = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/**
 * Writes a parsed document in the caller's transaction: all of it or nothing. A document already known by
 * its key (same kind, department and period) is replaced as its next version; its nodes are matched
 * by path so their ids, and the progress entries staff attached to them, survive. A node the new
 * version no longer has is deleted, unless progress hangs off it or below it: then it is kept as
 * retired, because staff work is never lost.
 */
export async function saveParsedDocumentIn(tx: Tx, input: SaveInput): Promise<SaveOutcome> {
  const { parsed } = input;
  const departmentIds = new Map(
    (await tx.department.findMany({ select: { id: true, slug: true } })).map((d) => [d.slug, d.id]),
  );
  const documentDepartmentId = parsed.departmentSlug
    ? (departmentIds.get(parsed.departmentSlug) ?? null)
    : null;
  const fields = {
    kind: kindToDb(parsed.kind),
    title: parsed.title,
    checksum: input.checksum,
    parserVersion: PARSER_VERSION,
    fileName: input.fileName,
    rocYearFrom: parsed.rocYearFrom,
    rocYearTo: parsed.rocYearTo,
    periodFrom: toDate(parsed.period.from),
    periodTo: toDate(parsed.period.to),
    departmentId: documentDepartmentId,
    presenter: parsed.presenter,
    presentedOn: toDate(parsed.presentedOn),
    councilSession: parsed.councilSession,
    rawText: input.rawText,
    lineCount: input.rawText.split("\n").length,
    importedById: input.importedById,
    importedAt: new Date(),
  };
  // The same document by its identity, or the same file read by an older parser under another key.
  const previous = await tx.sourceDocument.findFirst({
    where: { OR: [{ documentKey: parsed.documentKey }, { checksum: input.checksum }] },
    orderBy: { id: "asc" },
    select: { id: true, version: true, checksum: true },
  });
  const document = previous
    ? await tx.sourceDocument.update({
        where: { id: previous.id },
        data: {
          ...fields,
          documentKey: parsed.documentKey,
          // A newer parser re-reading the same file is not a new version of the document.
          version: previous.checksum === input.checksum ? undefined : { increment: 1 },
        },
        select: { id: true, version: true, title: true },
      })
    : await tx.sourceDocument.create({
        data: { ...fields, documentKey: parsed.documentKey },
        select: { id: true, version: true, title: true },
      });

  const nodeIds = await saveNodes(tx, document.id, parsed.nodes, departmentIds, documentDepartmentId);
  const retiredNodes = previous ? await retireMissingNodes(tx, document.id, new Set(nodeIds.keys())) : 0;
  const budgetLines = await saveBudgetLines(tx, document.id, parsed, nodeIds, documentDepartmentId);

  await tx.reportFigure.deleteMany({ where: { documentId: document.id } });
  await tx.reportFigure.createMany({
    data: parsed.figures.map((f) => ({
      documentId: document.id,
      nodeId: f.nodeKey ? (nodeIds.get(f.nodeKey) ?? null) : null,
      value: f.value,
      valueText: f.valueText,
      unit: f.unit,
      label: f.label,
      sentence: f.sentence,
      lineFrom: f.lineFrom,
      lineTo: f.lineTo,
    })),
  });

  const counts = { nodes: nodeIds.size, retiredNodes, budgetLines, figures: parsed.figures.length };
  await recordAudit(tx, {
    actorId: input.importedById,
    action: previous ? "document.reimport" : "document.import",
    entityType: "SourceDocument",
    entityId: document.id,
    meta: input.meta ?? { ip: null, userAgent: null },
    before: previous ? { version: previous.version, checksum: previous.checksum } : undefined,
    after: {
      version: document.version,
      checksum: input.checksum,
      fileName: input.fileName,
      documentKey: parsed.documentKey,
      ...counts,
      warnings: parsed.warnings,
    },
  });

  // Last, so it sees everything above; in this transaction, so the index commits or fails with it.
  await rebuildSearchIndexForDocument(tx, document.id);

  return {
    status: previous ? ("updated" as const) : ("imported" as const),
    documentId: document.id,
    title: document.title,
    version: document.version,
    counts,
  };
}

/** Large documents are thousands of rows; the default 5 s would abort a legitimate import. */
export const IMPORT_TRANSACTION = { timeout: 120_000, maxWait: 30_000 } as const;

/** The same in a transaction of its own (the seed, and re-reading stored documents at start). */
export function saveParsedDocument(db: Db, input: SaveInput): Promise<SaveOutcome> {
  return db.$transaction((tx) => saveParsedDocumentIn(tx, input), IMPORT_TRANSACTION);
}

/** Upserts the node tree level by level (parents first); returns every node's id by its key. */
async function saveNodes(
  tx: Tx,
  documentId: number,
  roots: ParsedNode[],
  departmentIds: Map<string, number>,
  documentDepartmentId: number | null,
): Promise<Map<string, number>> {
  const existing = new Map(
    (await tx.planNode.findMany({ where: { documentId }, select: { id: true, stableKey: true } })).map(
      (n) => [n.stableKey, n.id],
    ),
  );
  const ids = new Map<string, number>();
  // The owner is stored on every node, once (lib/domain/nodes.ts nodeOwner); readers never re-derive it.
  const departmentOf = new Map<string, number | null>();

  for (const level of levels(roots)) {
    const rows = level.map(({ item, parentKey, depth, position }) => {
      const inherited = parentKey ? (departmentOf.get(parentKey) ?? null) : documentDepartmentId;
      const named = item.departmentSlug ? (departmentIds.get(item.departmentSlug) ?? null) : null;
      const departmentId = nodeOwner(named, inherited);
      departmentOf.set(item.key, departmentId);
      return {
        documentId,
        parentId: parentKey ? (ids.get(parentKey) ?? null) : null,
        kind: item.kind,
        numberLabel: item.numberLabel,
        ordinal: item.ordinal,
        position,
        depth,
        stableKey: item.key,
        title: item.title,
        text: item.text,
        departmentId,
        lineFrom: item.lineFrom,
        lineTo: item.lineTo,
        retiredAt: null,
      };
    });
    const toCreate = rows.filter((r) => !existing.has(r.stableKey));
    const toUpdate = rows.filter((r) => existing.has(r.stableKey));
    if (toCreate.length > 0) {
      const created = await tx.planNode.createManyAndReturn({
        data: toCreate,
        select: { id: true, stableKey: true },
      });
      for (const node of created) ids.set(node.stableKey, node.id);
    }
    for (const row of toUpdate) {
      const id = existing.get(row.stableKey) as number;
      await tx.planNode.update({ where: { id }, data: row, select: { id: true } });
      ids.set(row.stableKey, id);
    }
  }
  return ids;
}

/**
 * Nodes of the previous version that the new one lacks: deleted, except those with progress
 * entries or councillors' notes on them or on a descendant, which are kept and marked retired.
 */
async function retireMissingNodes(tx: Tx, documentId: number, keep: Set<string>): Promise<number> {
  const all = await tx.planNode.findMany({
    where: { documentId },
    select: {
      id: true,
      parentId: true,
      stableKey: true,
      _count: { select: { progressEntries: true, councillorNotes: true } },
    },
  });
  const missing = all.filter((n) => !keep.has(n.stableKey));
  if (missing.length === 0) return 0;
  const byId = new Map(all.map((n) => [n.id, n]));
  const mustKeep = new Set<number>();
  for (const node of missing) {
    // Staff progress and councillors' notes are people's work: their node stays, retired.
    if (node._count.progressEntries === 0 && node._count.councillorNotes === 0) continue;
    for (
      let n: (typeof all)[number] | undefined = node;
      n && !keep.has(n.stableKey);
      n = byId.get(n.parentId ?? -1)
    ) {
      mustKeep.add(n.id);
    }
  }
  const retired = missing.filter((n) => mustKeep.has(n.id)).map((n) => n.id);
  const deleted = missing.filter((n) => !mustKeep.has(n.id)).map((n) => n.id);
  if (retired.length > 0) {
    await tx.planNode.updateMany({ where: { id: { in: retired } }, data: { retiredAt: new Date() } });
  }
  if (deleted.length > 0) await tx.planNode.deleteMany({ where: { id: { in: deleted } } });
  return retired.length;
}

/** Budget lines carry no staff work: a new version replaces them all. */
async function saveBudgetLines(
  tx: Tx,
  documentId: number,
  parsed: ParsedDocument,
  nodeIds: Map<string, number>,
  departmentId: number | null,
): Promise<number> {
  await tx.budgetLine.deleteMany({ where: { documentId } });
  const ids = new Map<string, number>();
  let count = 0;
  for (const level of levels<ParsedBudgetLine>(parsed.budgetLines)) {
    const created = await tx.budgetLine.createManyAndReturn({
      data: level.map(({ item, parentKey, position }) => ({
        documentId,
        departmentId,
        nodeId: item.programKey ? (nodeIds.get(item.programKey) ?? null) : null,
        parentId: parentKey ? (ids.get(parentKey) ?? null) : null,
        tableName: item.key.split("/")[0] ?? item.key,
        stableKey: item.key,
        fiscalYear: item.fiscalYear,
        label: item.label,
        name: item.name,
        amountThousands: item.amountThousands,
        note: item.note,
        position,
        lineFrom: item.lineFrom,
        lineTo: item.lineTo,
      })),
      select: { id: true, stableKey: true },
    });
    for (const line of created) ids.set(line.stableKey, line.id);
    count += created.length;
  }
  return count;
}
