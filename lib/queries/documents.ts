import type { Db } from "@/lib/db/client";
import { kindFromDb, type DocumentKindSlug } from "@/lib/domain/document-kind";

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
      periodFrom: true,
      periodTo: true,
      presentedOn: true,
      version: true,
      department: { select: { slug: true, nameZh: true, nameEn: true } },
    },
    orderBy: [{ periodFrom: { sort: "desc", nulls: "last" } }, { id: "asc" }],
  });
  return rows.map((row) => ({
    id: row.id,
    kind: kindFromDb(row.kind),
    title: row.title,
    yearFrom: row.periodFrom?.getUTCFullYear() ?? null,
    yearTo: row.periodTo?.getUTCFullYear() ?? null,
    department: row.department,
    presentedOn: row.presentedOn?.toISOString().slice(0, 10) ?? null,
    version: row.version,
  }));
}
