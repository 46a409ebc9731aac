import type { Db } from "@/lib/db/client";
import { kindFromDb, type DocumentKindSlug } from "@/lib/domain/document-kind";
import { ROC_YEAR_OFFSET } from "@/lib/domain/years";

export type DocumentSummary = {
  id: number;
  kind: DocumentKindSlug;
  title: string;
  yearFrom: number | null;
  yearTo: number | null;
  department: { slug: string; nameZh: string; nameEn: string } | null;
  presentedOn: string | null;
  version: number;
};

/** Every imported document, newest period first: the home page's proof of life and the documents list. */
export async function listDocuments(db: Db): Promise<DocumentSummary[]> {
  const rows = await db.sourceDocument.findMany({
    select: {
      id: true,
      kind: true,
      title: true,
      rocYearFrom: true,
      rocYearTo: true,
      presentedOn: true,
      version: true,
      department: { select: { slug: true, nameZh: true, nameEn: true } },
    },
    orderBy: [
      { rocYearFrom: { sort: "desc", nulls: "last" } },
      { presentedOn: { sort: "desc", nulls: "last" } },
      { id: "asc" },
    ],
  });
  return rows.map((row) => ({
    id: row.id,
    kind: kindFromDb(row.kind),
    title: row.title,
    // The year a document is about: its plan years, or for a report without a stated period the
    // year it was presented (the parser records both as ROC years).
    yearFrom: row.rocYearFrom === null ? null : row.rocYearFrom + ROC_YEAR_OFFSET,
    yearTo: row.rocYearTo === null ? null : row.rocYearTo + ROC_YEAR_OFFSET,
    department: row.department,
    presentedOn: row.presentedOn?.toISOString().slice(0, 10) ?? null,
    version: row.version,
  }));
}
