import "server-only";
import type { Db } from "@/lib/db/client";
import { type BudgetBreakdown, budgetBreakdown } from "@/lib/domain/budget";
import { kindFromDb, kindToDb, type DocumentKindSlug } from "@/lib/domain/document-kind";
import { buildTree, type TreeOf } from "@/lib/domain/tree";
import { rocToGregorianOrNull } from "@/lib/domain/years";
import type { NodeKind } from "@/lib/generated/prisma/enums";
import { budgetLineOrder, budgetLineSelect } from "./fragments";

export type DepartmentRef = { slug: string; nameZh: string; nameEn: string };

export type DocumentSummary = {
  id: number;
  kind: DocumentKindSlug;
  title: string;
  yearFrom: number | null;
  yearTo: number | null;
  department: DepartmentRef | null;
  presentedOn: string | null;
  version: number;
};

const summarySelect = {
  id: true,
  kind: true,
  title: true,
  rocYearFrom: true,
  rocYearTo: true,
  presentedOn: true,
  version: true,
  department: { select: { slug: true, nameZh: true, nameEn: true } },
} as const;

type SummaryRow = {
  id: number;
  kind: Parameters<typeof kindFromDb>[0];
  title: string;
  rocYearFrom: number | null;
  rocYearTo: number | null;
  presentedOn: Date | null;
  version: number;
  department: DepartmentRef | null;
};

const isoDay = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

function toSummary(row: SummaryRow): DocumentSummary {
  return {
    id: row.id,
    kind: kindFromDb(row.kind),
    title: row.title,
    // The year a document is about: its plan years, or for a report without a stated period the
    // year it was presented (the parser records both as ROC years).
    yearFrom: rocToGregorianOrNull(row.rocYearFrom),
    yearTo: rocToGregorianOrNull(row.rocYearTo),
    department: row.department,
    presentedOn: isoDay(row.presentedOn),
    version: row.version,
  };
}

/** Imported documents, newest first, optionally of some kinds or one department only. */
export async function listDocuments(
  db: Db,
  filter: { kinds?: DocumentKindSlug[]; departmentSlug?: string } = {},
): Promise<DocumentSummary[]> {
  const rows = await db.sourceDocument.findMany({
    where: {
      kind: filter.kinds ? { in: filter.kinds.map(kindToDb) } : undefined,
      department: filter.departmentSlug ? { slug: filter.departmentSlug } : undefined,
    },
    select: summarySelect,
    orderBy: [
      { rocYearFrom: { sort: "desc", nulls: "last" } },
      { presentedOn: { sort: "desc", nulls: "last" } },
      { id: "asc" },
    ],
  });
  return rows.map(toSummary);
}

export type DocumentNode = {
  id: number;
  parentId: number | null;
  kind: NodeKind;
  numberLabel: string | null;
  title: string | null;
  text: string;
  lineFrom: number;
  lineTo: number;
  retired: boolean;
};

export type ReportFigureRow = {
  id: number;
  valueText: string;
  value: number;
  unit: string;
  label: string | null;
  sentence: string;
  lineFrom: number;
  node: { id: number; numberLabel: string | null; title: string | null } | null;
};

export type DocumentPage = DocumentSummary & {
  presenter: string | null;
  councilSession: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  lineCount: number;
  nodes: TreeOf<DocumentNode>[];
  budget: BudgetBreakdown | null;
  figures: ReportFigureRow[];
};

/** Everything a document's page shows: its tree, its budget and its figures. Null when unknown. */
export async function getDocumentPage(db: Db, id: number): Promise<DocumentPage | null> {
  const doc = await db.sourceDocument.findUnique({
    where: { id },
    select: {
      ...summarySelect,
      presenter: true,
      councilSession: true,
      periodFrom: true,
      periodTo: true,
      lineCount: true,
    },
  });
  if (!doc) return null;
  const [nodes, budgetLines, figures] = await Promise.all([
    db.planNode.findMany({
      where: { documentId: id },
      select: {
        id: true,
        parentId: true,
        kind: true,
        numberLabel: true,
        title: true,
        text: true,
        lineFrom: true,
        lineTo: true,
        retiredAt: true,
      },
      orderBy: [{ depth: "asc" }, { position: "asc" }],
    }),
    db.budgetLine.findMany({
      where: { documentId: id },
      select: budgetLineSelect,
      orderBy: budgetLineOrder,
    }),
    db.reportFigure.findMany({
      where: { documentId: id },
      select: {
        id: true,
        valueText: true,
        value: true,
        unit: true,
        label: true,
        sentence: true,
        lineFrom: true,
        node: { select: { id: true, numberLabel: true, title: true } },
      },
      orderBy: [{ lineFrom: "asc" }, { id: "asc" }],
    }),
  ]);
  return {
    ...toSummary(doc),
    presenter: doc.presenter,
    councilSession: doc.councilSession,
    periodFrom: isoDay(doc.periodFrom),
    periodTo: isoDay(doc.periodTo),
    lineCount: doc.lineCount,
    nodes: buildTree(nodes.map(({ retiredAt, ...n }) => ({ ...n, retired: retiredAt !== null }))),
    budget: budgetBreakdown(budgetLines),
    figures,
  };
}

/** A document's original text as lines (1-based numbering is the index + 1). */
export async function getDocumentSource(
  db: Db,
  id: number,
): Promise<{ id: number; title: string; lines: string[] } | null> {
  const doc = await db.sourceDocument.findUnique({
    where: { id },
    select: { id: true, title: true, rawText: true },
  });
  if (!doc) return null;
  return { id: doc.id, title: doc.title, lines: doc.rawText.split("\n") };
}
