import { readFileSync } from "node:fs";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { bombPdf, textPdf } from "@/tests/support/pdf";
import { ImportRejectedError } from "./import-document";
import { extractPdfText, isPdf, PDF_LIMITS } from "./pdf-text";

// A blank A4 page printed by Chromium: a valid PDF without any text.
const blank = new Uint8Array(readFileSync("tests/fixtures/blank-page.pdf"));
const LINES = [
  "Kaohsiung City Government policy outline",
  "  spaced   out (and bracketed) text  ",
  "",
  "end",
];

const rejection = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportRejectedError);
  return (error as ImportRejectedError).rejection.code;
};

describe("reading an uploaded PDF", () => {
  it.each([
    ["a PDF", blank, true],
    ["UTF-8 text", new TextEncoder().encode("高雄市政府施政綱要"), false],
    ["an empty file", new Uint8Array(0), false],
  ])("recognises %s by its first bytes", (_name, bytes, expected) => {
    expect(isPdf(bytes)).toBe(expected);
  });

  it("reads the text layer exactly as unpdf's merged extraction did, so checksums stay the same", async () => {
    for (const flate of [false, true]) {
      const pdf = textPdf(LINES, { flate });
      const before = (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true }))
        .text;
      await expect(extractPdfText("plain.pdf", pdf)).resolves.toBe(before);
    }
  });

  it("refuses a PDF without a text layer, saying what to do", async () => {
    await expect(extractPdfText("scan.pdf", blank)).rejects.toThrow(/no text layer/u);
  });

  it("refuses a damaged PDF", async () => {
    const damaged = new TextEncoder().encode("%PDF-1.7\nthis is not really a PDF");
    await expect(extractPdfText("broken.pdf", damaged)).rejects.toBeInstanceOf(ImportRejectedError);
    await expect(extractPdfText("broken.pdf", damaged)).rejects.toThrow(/cannot be read/u);
  });
});

describe("reading a hostile PDF", () => {
  let bomb: Uint8Array;
  // Compressing 250 MB takes seconds itself: done before the clock starts.
  beforeAll(() => {
    bomb = bombPdf(250);
  }, 60_000);

  // How fast, and how long the event loop stalls meanwhile, is measured by `npm run bench:uploads`,
  // not asserted here: a timed assertion fails on a busy machine for reasons of its own.
  it("refuses a bomb (250 KB unpacking to 250 MB) by its unpacked size, before reading it", async () => {
    expect(bomb.byteLength).toBeLessThan(1_000_000);
    expect(await rejection(extractPdfText("bomb.pdf", bomb))).toBe("pdfTooLarge");
  });

  it("stops a read that runs past its time limit", async () => {
    const pdf = textPdf(LINES);
    expect(await rejection(extractPdfText("slow.pdf", pdf, { ...PDF_LIMITS, milliseconds: 1 }))).toBe(
      "pdfTooSlow",
    );
  });

  it("stops a read that runs out of its memory", async () => {
    const pdf = textPdf(LINES);
    expect(await rejection(extractPdfText("big.pdf", pdf, { ...PDF_LIMITS, heapMb: 2 }))).toBe("pdfTooLarge");
  });

  it("stops a read that yields more characters than the cap", async () => {
    const pdf = textPdf(LINES);
    expect(await rejection(extractPdfText("long.pdf", pdf, { ...PDF_LIMITS, characters: 20 }))).toBe(
      "pdfTooLarge",
    );
  });
});
