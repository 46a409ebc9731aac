import "server-only";
import type { Db } from "@/lib/db/client";
import { type DocumentKindSlug, kindToDb } from "@/lib/domain/document-kind";
import { type PageRequest, type Paged, skipTake } from "../pagination";
import type { DocumentRecord } from "../schemas";
import { coversYear, departmentRefSelect, documentRefSelect, isoDayOrNull, toDocumentRef } from "./shared";

export type DocumentFilter = { kind?: DocumentKindSlug; department?: string; year?: number };

const documentSelect = {
  ...documentRefSelect,
  documentKey: true,
  version: true,
  periodFrom: true,
  periodTo: true,
  presentedOn: true,
  presenter: true,
  councilSession: true,
  lineCount: true,
  importedAt: true,
  department: departmentRefSelect,
  _count: { select: { nodes: true, budgetLines: true, figures: true } },
} as const;

type DocumentRow = Parameters<typeof toDocumentRef>[0] & {
  documentKey: string;
  version: number;
  periodFrom: Date | null;
  periodTo: Date | null;
  presentedOn: Date | null;
  presenter: string | null;
  councilSession: string | null;
  lineCount: number;
  importedAt: Date;
  department: { slug: string; nameZh: string; nameEn: string } | null;
  _count: { nodes: number; budgetLines: number; figures: number };
};

function toRecord(row: DocumentRow): DocumentRecord {
  return {
    ...toDocumentRef(row),
    documentKey: row.documentKey,
    version: row.version,
    periodFrom: isoDayOrNull(row.periodFrom),
    periodTo: isoDayOrNull(row.periodTo),
    presentedOn: isoDayOrNull(row.presentedOn),
    presenter: row.presenter,
    councilSession: row.councilSession,
    department: row.department,
    lineCount: row.lineCount,
    importedAt: row.importedAt.toISOString(),
    counts: { nodes: row._count.nodes, budgetLines: row._count.budgetLines, figures: row._count.figures },
  };
}

/** Imported documents, newest period first (as the documents page lists them). */
export async function listApiDocuments(
  db: Db,
  query: DocumentFilter & PageRequest,
): Promise<Paged<DocumentRecord>> {
  const where = {
    kind: query.kind ? kindToDb(query.kind) : undefined,
    department: query.department ? { slug: query.department } : undefined,
    ...coversYear(query.year),
  };
  const [total, rows] = await Promise.all([
    db.sourceDocument.count({ where }),
    db.sourceDocument.findMany({
      where,
      select: documentSelect,
      orderBy: [
        { rocYearFrom: { sort: "desc", nulls: "last" } },
        { presentedOn: { sort: "desc", nulls: "last" } },
        { id: "asc" },
      ],
      ...skipTake(query),
    }),
  ]);
  return { rows: rows.map(toRecord), total };
}

export async function getApiDocument(db: Db, id: number): Promise<DocumentRecord | null> {
  const row = await db.sourceDocument.findUnique({ where: { id }, select: documentSelect });
  return row ? toRecord(row) : null;
}
