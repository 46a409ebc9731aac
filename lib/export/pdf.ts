import "server-only";
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";

/** Debian's Chromium: the only browser these machines can install (no downloads at run time). */
export const CHROMIUM_PATH = "/usr/bin/chromium";

export class PdfUnavailableError extends Error {
  constructor() {
    super(`PDF export needs Chromium at ${CHROMIUM_PATH} (apt-get install chromium fonts-noto-cjk).`);
    this.name = "PdfUnavailableError";
  }
}

const escape = (text: string) =>
  text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/"/gu, "&quot;");

/**
 * Prints one of the portal's own pages to an A4 PDF, as the signed-in reader sees it (their cookie
 * is passed on, so private notes are included for their author only), with a running header and
 * page numbers. The page's print styles decide the layout; this only adds the margins' content.
 */
export async function printPageToPdf(options: {
  url: string;
  cookieHeader: string | null;
  header: string;
}): Promise<Uint8Array> {
  if (!existsSync(CHROMIUM_PATH)) throw new PdfUnavailableError();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
  try {
    const context = await browser.newContext({
      extraHTTPHeaders: options.cookieHeader ? { cookie: options.cookieHeader } : {},
    });
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
    await browser.close();
  }
}
