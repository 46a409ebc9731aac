import "server-only";
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { createLimiter, QueueFullError } from "@/lib/concurrency/limiter";

/** Debian's Chromium: the only browser these machines can install (no downloads at run time). */
export const CHROMIUM_PATH = "/usr/bin/chromium";

export class PdfUnavailableError extends Error {
  constructor() {
    super(`PDF export needs Chromium at ${CHROMIUM_PATH} (apt-get install chromium fonts-noto-cjk).`);
    this.name = "PdfUnavailableError";
  }
}

/** Too many PDFs are being printed or waiting: the route answers 503 with Retry-After. */
export { QueueFullError as PdfBusyError };
export const PDF_RETRY_AFTER_SECONDS = 30;

/**
 * Two pages printed at once, six more waiting; beyond that the reader is asked to retry. A page
 * takes about a second; each one at once is another renderer process competing with the server.
 */
const printing = createLimiter({ name: "PDF printer", concurrency: 2, queue: 6 });

let shared: Promise<Browser> | null = null;

/**
 * One Chromium per server process, started on the first PDF (each request used to launch its own:
 * four at once started 48 processes). A browser that dies is forgotten and the next PDF starts a
 * new one; the process closes it when it stops.
 */
export function sharedBrowser(): Promise<Browser> {
  shared ??= chromium
    .launch({
      executablePath: CHROMIUM_PATH,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    })
    .then(
      (browser) => {
        browser.on("disconnected", () => {
          shared = null;
        });
        return browser;
      },
      (error: unknown) => {
        shared = null;
        throw error;
      },
    );
  return shared;
}

/** Closes the shared browser, if one is running (on shutdown, and in tests). */
export async function closeSharedBrowser(): Promise<void> {
  const running = shared;
  shared = null;
  if (running) await (await running.catch(() => null))?.close();
}

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  // Next (or instrumentation.ts's job worker) decides when the process exits; this only tidies up.
  process.once(signal, () => void closeSharedBrowser());
}

const escape = (text: string) =>
  text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/"/gu, "&quot;");

/**
 * Prints one of the portal's own pages to an A4 PDF, as the signed-in reader sees it (their cookie
 * is passed on, so private notes are included for their author only), with a running header and
 * page numbers. The page's print styles decide the layout; this only adds the margins' content.
 * Each print is its own browser context (cookies not shared) in the one shared browser, two at a
 * time; throws PdfBusyError when too many wait.
 */
export async function printPageToPdf(options: {
  url: string;
  cookieHeader: string | null;
  header: string;
}): Promise<Uint8Array> {
  if (!existsSync(CHROMIUM_PATH)) throw new PdfUnavailableError();
  return printing.run(async () => {
    const browser = await sharedBrowser();
    const context = await browser.newContext({
      extraHTTPHeaders: options.cookieHeader ? { cookie: options.cookieHeader } : {},
    });
    try {
      const page = await context.newPage();
      const response = await page.goto(options.url, { waitUntil: "load" });
      if (!response?.ok()) throw new Error(`Printing ${options.url} failed: ${response?.status()}`);
      const style =
        "font-size:8px;width:100%;margin:0 12mm;color:#444;font-family:'Noto Sans CJK TC',sans-serif";
      return await page.pdf({
        format: "A4",
        printBackground: true,
        displayHeaderFooter: true,
        margin: { top: "18mm", bottom: "16mm", left: "12mm", right: "12mm" },
        headerTemplate: `<div style="${style}">${escape(options.header)}</div>`,
        footerTemplate: `<div style="${style};text-align:center"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
      });
    } finally {
      await context.close().catch(() => {});
    }
  });
}

/** The answer when the printer is busy: 503, when to retry, and why in the reader's language. */
export function pdfBusyResponse(message: string): Response {
  return Response.json(
    { error: message },
    { status: 503, headers: { "Retry-After": String(PDF_RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } },
  );
}
