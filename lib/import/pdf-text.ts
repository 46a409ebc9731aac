import { extractText, getDocumentProxy } from "unpdf";
import { ImportRejectedError } from "./import-document";

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

export function isPdf(bytes: Uint8Array): boolean {
  return PDF_MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * The text layer of a PDF, one line per line as the PDF draws them: the same kind of text the
 * seeds are, so the same parser reads it (NFKC folds the radicals some PDFs use, e.g. ⾼ for 高).
 * A scanned PDF has no text layer: it is refused with that reason rather than imported empty.
 */
export async function extractPdfText(fileName: string, bytes: Uint8Array): Promise<string> {
  let text: string;
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    text = (await extractText(pdf, { mergePages: true })).text;
  } catch {
    throw new ImportRejectedError(fileName, { code: "pdfUnreadable", params: {} });
  }
  if (text.replace(/\s/gu, "").length < 20) {
    throw new ImportRejectedError(fileName, { code: "pdfWithoutText", params: {} });
  }
  return text;
}
