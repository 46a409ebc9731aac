import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CHROMIUM_PATH,
  closeSharedBrowser,
  PdfBusyError,
  pdfBusyResponse,
  printPageToPdf,
  sharedBrowser,
} from "@/lib/export/pdf";

let server: Server;
let url = "";
beforeAll(async () => {
  // A page that takes a moment to load, as a report page does: prints overlap.
  server = createServer((_request, response) => {
    setTimeout(() => response.end("<!doctype html><meta charset=utf-8><h1>議會報告</h1>"), 300);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await closeSharedBrowser();
  await new Promise((resolve) => server.close(resolve));
});

const print = () => printPageToPdf({ url, cookieHeader: null, header: "高雄市政追蹤" });
const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString() === "%PDF-";

describe("the PDF printer's busy answer", () => {
  it("is a 503 with Retry-After and the reader's message", async () => {
    const response = pdfBusyResponse("伺服器正在產生其他 PDF");
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("30");
    expect(await response.json()).toEqual({ error: "伺服器正在產生其他 PDF" });
  });
});

describe.skipIf(!existsSync(CHROMIUM_PATH))("the shared PDF printer (needs Chromium)", () => {
  it("prints concurrent requests in one browser", async () => {
    const first = await sharedBrowser();
    const pdfs = await Promise.all([print(), print(), print(), print()]);
    expect(pdfs.every(isPdf)).toBe(true);
    expect(await sharedBrowser()).toBe(first);
    expect(first.contexts()).toHaveLength(0); // each print's context is closed
  });

  it("refuses what does not fit in the queue, and prints the rest", async () => {
    const outcomes = await Promise.allSettled(Array.from({ length: 12 }, print));
    const refused = outcomes.filter((o) => o.status === "rejected");
    expect(refused.length).toBe(4); // 2 printing + 6 waiting
    for (const o of refused) expect((o as PromiseRejectedResult).reason).toBeInstanceOf(PdfBusyError);
    expect(outcomes.filter((o) => o.status === "fulfilled").every((o) => isPdf(o.value))).toBe(true);
  });

  it("starts a new browser when the shared one has died", async () => {
    const dead = await sharedBrowser();
    await dead.close();
    expect(isPdf(await print())).toBe(true);
    expect(await sharedBrowser()).not.toBe(dead);
  });
});
