import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { kindToDb } from "@/lib/domain/document-kind";
import { detectDocument } from "@/lib/ingest/detect";

export type ImportOutcome = {
  status: "imported" | "updated" | "unchanged";
  documentId: number;
  title: string;
};

export class ImportRejectedError extends Error {
  constructor(
    readonly fileName: string,
    reason: string,
  ) {
    super(`${fileName}: ${reason}`);
    this.name = "ImportRejectedError";
  }
}

function decodeUtf8(fileName: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/u, "");
  } catch {
    throw new ImportRejectedError(fileName, "the file is not UTF-8 text; save it as UTF-8 and try again.");
  }
}

/**
 * Imports one document file. Idempotent by checksum: the same bytes twice change nothing.
 * A corrected file of the same document (same kind, department and period) becomes its next version.
 */
export async function importDocument(
  db: Db,
  file: { fileName: string; bytes: Uint8Array },
): Promise<ImportOutcome> {
  const checksum = createHash("sha256").update(file.bytes).digest("hex");
  const known = await db.sourceDocument.findUnique({
    where: { checksum },
    select: { id: true, title: true },
  });
  if (known) return { status: "unchanged", documentId: known.id, title: known.title };

  const rawText = decodeUtf8(file.fileName, file.bytes);
  let detected;
  try {
    detected = detectDocument(rawText);
  } catch (error) {
    throw new ImportRejectedError(file.fileName, error instanceof Error ? error.message : String(error));
  }

  const periodFrom = detected.yearFrom ? new Date(Date.UTC(detected.yearFrom, 0, 1)) : null;
  const periodTo = detected.yearTo ? new Date(Date.UTC(detected.yearTo, 11, 31)) : null;
  const documentKey = [
    detected.kind,
    detected.department?.slug ?? "city",
    detected.yearFrom,
    detected.yearTo,
  ].join(":");

  return db.$transaction(async (tx) => {
    const department = detected.department
      ? await tx.department.findUnique({ where: { slug: detected.department.slug }, select: { id: true } })
      : null;
    const fields = {
      kind: kindToDb(detected.kind),
      title: detected.title,
      checksum,
      fileName: file.fileName,
      rocYearFrom: detected.yearFrom ? detected.yearFrom - 1911 : null,
      rocYearTo: detected.yearTo ? detected.yearTo - 1911 : null,
      periodFrom,
      periodTo,
      departmentId: department?.id ?? null,
      rawText,
      lineCount: rawText.split("\n").length,
    };
    const previous = await tx.sourceDocument.findUnique({ where: { documentKey }, select: { id: true } });
    if (previous) {
      const doc = await tx.sourceDocument.update({
        where: { id: previous.id },
        data: { ...fields, version: { increment: 1 } },
        select: { id: true, title: true },
      });
      return { status: "updated" as const, documentId: doc.id, title: doc.title };
    }
    const doc = await tx.sourceDocument.create({
      data: { ...fields, documentKey },
      select: { id: true, title: true },
    });
    return { status: "imported" as const, documentId: doc.id, title: doc.title };
  });
}
