import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { PARSER_VERSION, parseDocument, type ParsedDocument } from "@/lib/ingest";
import { saveParsedDocument, type SaveOutcome } from "./save-document";

export type ImportOutcome =
  | SaveOutcome
  | { status: "unchanged"; documentId: number; title: string; version: number; counts?: undefined };

export class ImportRejectedError extends Error {
  constructor(
    readonly fileName: string,
    reason: string,
  ) {
    super(`${fileName}: ${reason}`);
    this.name = "ImportRejectedError";
  }
}

export type DocumentFile = { fileName: string; bytes: Uint8Array };

export type ReadDocument = { fileName: string; checksum: string; rawText: string; parsed: ParsedDocument };

export function checksumOf(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Decodes and parses a file without touching the database: the dry run, the upload preview and the
 * first half of an import. Throws ImportRejectedError with a reason a person can act on.
 */
export function readDocumentFile(file: DocumentFile): ReadDocument {
  let rawText: string;
  try {
    rawText = new TextDecoder("utf-8", { fatal: true }).decode(file.bytes).replace(/^\uFEFF/u, "");
  } catch {
    throw new ImportRejectedError(
      file.fileName,
      "the file is not UTF-8 text; save it as UTF-8 and try again.",
    );
  }
  try {
    return {
      fileName: file.fileName,
      checksum: checksumOf(file.bytes),
      rawText,
      parsed: parseDocument(rawText),
    };
  } catch (error) {
    throw new ImportRejectedError(file.fileName, error instanceof Error ? error.message : String(error));
  }
}

/**
 * Imports one document file. Idempotent by checksum: the same bytes twice change nothing (unless a
 * newer parser has come since, which re-reads them). A corrected file of the same document (same
 * kind, department and period) becomes its next version. All or nothing.
 */
export async function importDocument(
  db: Db,
  file: DocumentFile,
  options: { importedById?: number | null } = {},
): Promise<ImportOutcome> {
  const known = await db.sourceDocument.findUnique({
    where: { checksum: checksumOf(file.bytes) },
    select: { id: true, title: true, version: true, parserVersion: true },
  });
  if (known && known.parserVersion >= PARSER_VERSION) {
    return { status: "unchanged", documentId: known.id, title: known.title, version: known.version };
  }
  const read = readDocumentFile(file);
  return saveParsedDocument(db, { ...read, importedById: options.importedById ?? null });
}
