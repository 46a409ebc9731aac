import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { createLimiter, QueueFullError } from "@/lib/concurrency/limiter";
import { ImportRejectedError } from "./import-document";

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

export function isPdf(bytes: Uint8Array): boolean {
  return PDF_MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * What reading one PDF may cost. A city document of a few hundred pages reads in a few seconds,
 * unpacks to tens of megabytes and yields well under a million characters (the largest seed has
 * ~300,000); a file past any of these is refused with the reason, not read.
 */
export const PDF_LIMITS = {
  milliseconds: 30_000,
  /** The worker's JavaScript heap; pdf.js's parsed objects and the text live there. */
  heapMb: 512,
  /** What the non-image compressed streams may unpack to, checked before parsing. */
  inflatedBytes: 100_000_000,
  characters: 3_000_000,
};
export type PdfLimits = typeof PDF_LIMITS;

/**
 * Plain JavaScript loaded by path from the project folder (where `npm start`, `next start`, the
 * CLI and vitest all run): bundlers do not rewrite it, so the built server starts the same file.
 */
const WORKER_FILE = join(/* turbopackIgnore: true */ process.cwd(), "scripts", "pdf-text-worker.mjs");

/** Two PDFs read at once (each a thread with its own heap), four more waiting; beyond that, "busy". */
const readers = createLimiter({ name: "PDF reader", concurrency: 2, queue: 4 });

type WorkerOutcome = { outcome: "text"; text: string } | { outcome: "tooLarge" | "tooSlow" | "unreadable" };

function readInWorker(bytes: Uint8Array, limits: PdfLimits): Promise<WorkerOutcome> {
  return new Promise((resolve) => {
    const copy = new Uint8Array(bytes); // transferred to the worker: the caller keeps its bytes
    const worker = new Worker(WORKER_FILE, {
      workerData: {
        bytes: copy,
        limits: { inflatedBytes: limits.inflatedBytes, characters: limits.characters },
      },
      transferList: [copy.buffer],
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      stdout: true, // pdf.js warns about fonts on the console: not the server log's business
      stderr: true,
    });
    let settled = false;
    const settle = (outcome: WorkerOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(() => settle({ outcome: "tooSlow" }), limits.milliseconds);
    worker.once("message", (message: WorkerOutcome) => settle(message));
    worker.once("error", (error: Error & { code?: string }) =>
      settle({ outcome: error.code === "ERR_WORKER_OUT_OF_MEMORY" ? "tooLarge" : "unreadable" }),
    );
    worker.once("exit", () => settle({ outcome: "unreadable" }));
  });
}

type PdfRefusal = "pdfUnreadable" | "pdfWithoutText" | "pdfTooLarge" | "pdfTooSlow" | "pdfBusy";

const REFUSALS: Record<Exclude<WorkerOutcome["outcome"], "text">, PdfRefusal> = {
  tooLarge: "pdfTooLarge",
  tooSlow: "pdfTooSlow",
  unreadable: "pdfUnreadable",
};

/**
 * The text layer of a PDF, one line per line as the PDF draws them: the same kind of text the
 * seeds are, so the same parser reads it (NFKC folds the radicals some PDFs use, e.g. ⾼ for 高).
 * Read in a worker thread with a time limit, a heap limit and a cap on what it unpacks to and
 * yields, so one hostile file can neither stall the server nor exhaust its memory. Refused with the
 * reason: a scan without text, a damaged file, one too large or too slow to read, or a busy server.
 */
export async function extractPdfText(
  fileName: string,
  bytes: Uint8Array,
  limits: PdfLimits = PDF_LIMITS,
): Promise<string> {
  const refuse = (code: PdfRefusal) => new ImportRejectedError(fileName, { code, params: {} });
  let read: WorkerOutcome;
  try {
    read = await readers.run(() => readInWorker(bytes, limits));
  } catch (error) {
    if (error instanceof QueueFullError) throw refuse("pdfBusy");
    throw error;
  }
  if (read.outcome !== "text") throw refuse(REFUSALS[read.outcome]);
  if (read.text.replace(/\s/gu, "").length < 20) throw refuse("pdfWithoutText");
  return read.text;
}
