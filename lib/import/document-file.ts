import type { DocumentFile } from "./import-document";
import { extractPdfText, isPdf } from "./pdf-text";

/**
 * A file of any accepted format as the importer reads it: text as it came, or a PDF's text layer.
 * From then on the extracted text is the document (its checksum, its stored source lines), as for
 * the seeds. The upload page and the CLI both read files through here, so they accept the same
 * formats and import the same bytes. Throws ImportRejectedError for a PDF without readable text.
 */
export async function readDocumentBytes(fileName: string, bytes: Uint8Array): Promise<DocumentFile> {
  if (!isPdf(bytes)) return { fileName, bytes };
  const text = await extractPdfText(fileName, bytes);
  return { fileName, bytes: new TextEncoder().encode(text) };
}
