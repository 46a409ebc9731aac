import { createHash } from "node:crypto";
import type { RequestMeta } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/db/client";
import { describeImportProblemInEnglish } from "@/lib/i18n/import-problems";
import {
  type ImportRejection,
  type AnyParsedDocument,
  PARSER_VERSION,
  parseAnyDocument,
  parseDocument,
  type ParsedDocument,
  UnrecognisedDocumentError,
} from "@/lib/ingest";
import { refreshSuggestedLinks } from "@/lib/links/refresh";
import { saveParsedDocument, type SaveOutcome } from "./save-document";

export type ImportOutcome =
  | SaveOutcome
  | { status: "unchanged"; documentId: number; title: string; version: number; counts?: undefined };

/**
 * A file refused before anything is written. `rejection` is the code pages render in the reader's
 * language; the message is English, for the CLI and logs.
 */
export class ImportRejectedError extends AppError {
  constructor(
    readonly fileName: string,
    readonly rejection: ImportRejection,
  ) {
    super("document_rejected", `${fileName}: ${describeImportProblemInEnglish(rejection)}`);
    this.name = "ImportRejectedError";
  }
}

export type DocumentFile = { fileName: string; bytes: Uint8Array };

export type ReadDocument = { fileName: string; checksum: string; rawText: string; parsed: ParsedDocument };
export type PreviewedDocument = Omit<ReadDocument, "parsed"> & { parsed: AnyParsedDocument };

export function checksumOf(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Decodes and parses a file without touching the database: the dry run, the upload preview and the
 * first half of an import. Throws ImportRejectedError with a reason a person can act on.
 */
export function readDocumentFile(file: DocumentFile): ReadDocument {
  return readWith(file, parseDocument);
}

/**
 * Reads a file as the dry run does: any genre and any city (budget books, other cities' documents),
 * which the import itself refuses.
 */
export function previewDocumentFile(file: DocumentFile): PreviewedDocument {
  return readWith(file, parseAnyDocument);
}

function readWith<T extends AnyParsedDocument>(
  file: DocumentFile,
  parse: (text: string) => T,
): Omit<ReadDocument, "parsed"> & { parsed: T } {
  let rawText: string;
  try {
    rawText = new TextDecoder("utf-8", { fatal: true }).decode(file.bytes).replace(/^\uFEFF/u, "");
    // Valid UTF-8 but not text (UTF-16, a binary file); PostgreSQL cannot store a NUL in text either.
    if (rawText.includes("\u0000")) throw new Error("NUL in text");
  } catch {
    throw new ImportRejectedError(file.fileName, { code: "notUtf8", params: {} });
  }
  try {
    return {
      fileName: file.fileName,
      checksum: checksumOf(file.bytes),
      rawText,
      parsed: parse(rawText),
    };
  } catch (error) {
    if (error instanceof UnrecognisedDocumentError)
      throw new ImportRejectedError(file.fileName, error.rejection);
    // Anything else is the parser's fault, not the file's (a result its own schema refuses).
    const detail = error instanceof Error ? error.message : String(error);
    throw new ImportRejectedError(file.fileName, { code: "parserFailure", params: { detail } });
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
  /** refreshLinks: false when importing a batch; the caller refreshes once at the end. */
  options: { importedById?: number | null; refreshLinks?: boolean; meta?: RequestMeta } = {},
): Promise<ImportOutcome> {
  const known = await db.sourceDocument.findUnique({
    where: { checksum: checksumOf(file.bytes) },
    select: { id: true, title: true, version: true, parserVersion: true },
  });
  if (known && known.parserVersion >= PARSER_VERSION) {
    return { status: "unchanged", documentId: known.id, title: known.title, version: known.version };
  }
  const read = readDocumentFile(file);
  const outcome = await saveParsedDocument(db, {
    ...read,
    importedById: options.importedById ?? null,
    meta: options.meta,
  });
  // Suggested links are derived from every document's text: rebuilt, in their own transaction,
  // after the import has committed.
  if (options.refreshLinks !== false) await refreshSuggestedLinks(db);
  return outcome;
}

/**
 * Re-reads, with the current parser, every document an older parser imported, from the text stored
 * with it. Same checksum, so not a new version; nodes keep their ids where their paths are unchanged.
 * Returns the titles it refreshed. A document the current parser rejects is left as it was.
 */
export async function reparseStaleDocuments(db: Db): Promise<{ refreshed: string[]; failed: string[] }> {
  const stale = await db.sourceDocument.findMany({
    where: { parserVersion: { lt: PARSER_VERSION } },
    select: { id: true, fileName: true, checksum: true, rawText: true, importedById: true },
    orderBy: { id: "asc" },
  });
  const result = { refreshed: [] as string[], failed: [] as string[] };
  for (const doc of stale) {
    try {
      const parsed = parseDocument(doc.rawText);
      const saved = await saveParsedDocument(db, { ...doc, parsed });
      result.refreshed.push(saved.title);
    } catch (error) {
      result.failed.push(`${doc.fileName}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (result.refreshed.length > 0) await refreshSuggestedLinks(db);
  return result;
}
