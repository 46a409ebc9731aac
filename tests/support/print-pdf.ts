import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import { CHROMIUM_PATH } from "@/lib/export/pdf";

const escapeHtml = (text: string) =>
  text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;");

/**
 * A real PDF with a Chinese text layer: the text printed in <pre> by Debian's Chromium, as a city
 * PDF would be (the staff e2e test prints its upload the same way).
 */
export async function printTextToPdf(text: string): Promise<Uint8Array> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Printing a PDF needs Chromium at ${CHROMIUM_PATH}: run bash scripts/ensure-chromium.sh`);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ["--no-sandbox"] });
  try {
    const page = await browser.newPage();
    await page.setContent(`<pre style="font-size:9px;white-space:pre-wrap">${escapeHtml(text)}</pre>`);
    return new Uint8Array(await page.pdf({ format: "A4" }));
  } finally {
    await browser.close();
  }
}
