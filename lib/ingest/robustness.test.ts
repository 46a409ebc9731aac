import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectDocument, type ImportRejection, parseDocument, UnrecognisedDocumentError } from "./index";

const SEEDS = fileURLToPath(new URL("../../seeds/", import.meta.url));
const seeds = readdirSync(SEEDS)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(`${SEEDS}${f}`, "utf8"));

/** The code a rejected parse carries: what the reader's language renders. */
function rejectionOf(parse: () => unknown): ImportRejection | undefined {
  try {
    parse();
  } catch (error) {
    if (error instanceof UnrecognisedDocumentError) return error.rejection;
    throw error;
  }
  return undefined;
}

describe("rejecting what is not a city document", () => {
  it.each([
    ["", { code: "emptyText", params: {} }],
    ["\n \n\t\n", { code: "emptyText", params: {} }],
    [
      "Lorem ipsum dolor sit amet.\nConsectetur adipiscing elit.",
      {
        code: "unknownKind",
        params: { headLines: 8, firstLine: "Loremipsumdolorsitamet.Consecteturadipis" },
      },
    ],
    [
      "今天天氣很好，我們去公園散步。\n一、買菜\n二、煮飯",
      { code: "unknownKind", params: { headLines: 8, firstLine: "今天天氣很好，我們去公園散步。" } },
    ],
  ])("%j", (text, rejection) => {
    expect(() => parseDocument(text)).toThrow(UnrecognisedDocumentError);
    expect(rejectionOf(() => parseDocument(text))).toEqual(rejection);
  });

  it("rejects a recognised title with no structure instead of importing it half-parsed", () => {
    expect(rejectionOf(() => parseDocument("高雄市政府一○三年度施政綱要\n\n本年度無資料。"))).toEqual({
      code: "outlineWithoutAreas",
      params: {},
    });
    expect(
      rejectionOf(() => parseDocument("高雄市政府秘書處業務報告\n日期：106 年 10 月 18 日\n謝謝。")),
    ).toEqual({ code: "reportWithoutSections", params: {} });
  });

  it("keeps detectDocument's API", () => {
    expect(detectDocument(seeds[1]!)).toMatchObject({
      kind: "mid-term-plan",
      yearFrom: 2023,
      yearTo: 2026,
      department: null,
    });
    expect(detectDocument(seeds[2]!).department?.slug).toBe("secretariat");
    expect(detectDocument(seeds[3]!)).toMatchObject({ kind: "council-report", yearFrom: 2012 });
  });
});

describe("damaged and unusual input", () => {
  it("parses a plan cut off in the middle of its budget table with warnings, not a crash", () => {
    const lines = seeds[2]!.split("\n");
    const cut = lines.slice(0, 44).join("\n"); // ends inside 壹、一般行政, after (四)職工業務
    const doc = parseDocument(cut);
    expect(doc.kind).toBe("department-plan");
    expect(doc.nodes.filter((n) => n.kind === "key_point")).toHaveLength(18);
    expect(doc.warnings).toContainEqual({
      code: "budgetSumMismatch",
      params: expect.objectContaining({
        name: expect.stringContaining("一般行政"),
        sum: 24_558,
        total: 25_169,
      }),
    });
  });

  it("warns about a table whose parts do not add up, naming it", () => {
    const text = seeds[2]!.replace("合計\t\t330,433\t", "合計\t\t330,434\t");
    const doc = parseDocument(text);
    expect(doc.warnings).toContainEqual({
      code: "budgetSumMismatch",
      params: {
        table: "高雄市政府秘書處 107 年度施政計畫與預算配合對照表",
        name: "合計",
        sum: 330_433,
        total: 330_434,
        line: 36,
      },
    });
  });

  it("parses every seed with its lines shuffled or truncated without throwing anything but UnrecognisedDocumentError", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.nat(), fc.nat(), (which, a, b) => {
        const lines = seeds[which]!.split("\n");
        const from = a % lines.length;
        const to = from + (b % (lines.length - from + 1));
        const text = [...lines.slice(0, 8), ...lines.slice(from, to)].join("\n");
        try {
          parseDocument(text);
        } catch (e) {
          expect(e).toBeInstanceOf(UnrecognisedDocumentError);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("parses a ~20 MB document built from the seeds", () => {
    const body = seeds[4]!;
    const copies = Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(body));
    const big = Array.from({ length: copies }, () => body).join("\n");
    expect(Buffer.byteLength(big)).toBeGreaterThan(20 * 1024 * 1024);
    const started = Date.now();
    const doc = parseDocument(big);
    expect(doc.kind).toBe("council-report");
    expect(doc.nodes.length).toBeGreaterThan(copies);
    const keys = new Set<string>();
    const visit = (nodes: typeof doc.nodes): void =>
      nodes.forEach((n) => (keys.add(n.key), visit(n.children)));
    visit(doc.nodes);
    expect(keys.size).toBeGreaterThan(copies);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 120_000);
});
