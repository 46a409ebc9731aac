import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ImportRejectedError } from "./import-document";
import { extractPdfText, isPdf } from "./pdf-text";

// A blank A4 page printed by Chromium: a valid PDF without any text.
const blank = new Uint8Array(readFileSync("tests/fixtures/blank-page.pdf"));

describe("reading an uploaded PDF", () => {
  it.each([
    ["a PDF", blank, true],
    ["UTF-8 text", new TextEncoder().encode("高雄市政府施政綱要"), false],
    ["an empty file", new Uint8Array(0), false],
  ])("recognises %s by its first bytes", (_name, bytes, expected) => {
    expect(isPdf(bytes)).toBe(expected);
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
