import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CANONICAL_DEPARTMENTS } from "@/lib/domain/departments";
import type { DocumentKindSlug } from "@/lib/domain/document-kind";
import type { ParsedNode, ParseWarning } from "@/lib/ingest";
import type { ReadDocument } from "./import-document";

type Tx = Prisma.TransactionClient;

/** What an upload may weigh: plain text as the city publishes it, or a PDF to extract it from. */
export const UPLOAD_LIMITS = { bytes: 10_000_000 } as const;

export type UploadPreview = {
  fileName: string;
  kind: DocumentKindSlug;
  title: string;
  period: { from: string | null; to: string | null };
  department: { slug: string; nameZh: string } | null;
  counts: { nodes: number; budgetLines: number; figures: number };
  /** The first two levels of the tree, enough to see the parse is right. */
  outline: Array<{ label: string; children: string[] }>;
  budgetLines: Array<{ name: string; amountThousands: number }>;
  figures: Array<{ value: number; unit: string; sentence: string }>;
  /** Codes and parameters: the page renders them in the reader's language. */
  warnings: ParseWarning[];
  /** identical: these bytes are already imported; version: a corrected copy of a known document. */
  existing: { status: "new" } | { status: "identical" | "version"; documentId: number; version: number };
};

/** An uploaded file as the importer reads it: the same reading as the CLI's (see document-file.ts). */

const countTree = <T extends { children: T[] }>(items: T[]): number =>
  items.reduce((n, item) => n + 1 + countTree(item.children), 0);
const labelOf = (n: ParsedNode) => `${n.numberLabel ?? ""} ${n.title ?? n.text}`.trim().slice(0, 120);

/** What importing a read document would do: its parse, summarised, and whether it is new. */
export async function previewOf(db: Db | Tx, read: ReadDocument): Promise<UploadPreview> {
  const parsed = read.parsed;
  const [identical, sameDocument] = await Promise.all([
    db.sourceDocument.findUnique({
      where: { checksum: read.checksum },
      select: { id: true, version: true },
    }),
    db.sourceDocument.findUnique({
      where: { documentKey: parsed.documentKey },
      select: { id: true, version: true },
    }),
  ]);
  const department = CANONICAL_DEPARTMENTS.find((d) => d.slug === parsed.departmentSlug) ?? null;
  return {
    fileName: read.fileName,
    kind: parsed.kind,
    title: parsed.title,
    period: parsed.period,
    department: department ? { slug: department.slug, nameZh: department.nameZh } : null,
    counts: {
      nodes: countTree(parsed.nodes),
      budgetLines: countTree(parsed.budgetLines),
      figures: parsed.figures.length,
    },
    outline: parsed.nodes
      .slice(0, 40)
      .map((n) => ({ label: labelOf(n), children: n.children.slice(0, 40).map(labelOf) })),
    budgetLines: parsed.budgetLines
      .slice(0, 40)
      .map((b) => ({ name: b.name, amountThousands: b.amountThousands })),
    figures: parsed.figures.slice(0, 40).map((f) => ({ value: f.value, unit: f.unit, sentence: f.sentence })),
    warnings: parsed.warnings,
    existing: identical
      ? { status: "identical", documentId: identical.id, version: identical.version }
      : sameDocument
        ? { status: "version", documentId: sameDocument.id, version: sameDocument.version }
        : { status: "new" },
  };
}
