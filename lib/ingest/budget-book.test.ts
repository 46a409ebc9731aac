import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compoundAmountsIn, parseCompoundAmount, scaleOfUnitLine } from "./amounts";
import {
  normaliseText,
  parseAnyDocument,
  parseDocument,
  toPublicJson,
  UnrecognisedDocumentError,
} from "./index";
import { budgetBook } from "./testing/genres";

const SAMPLES = fileURLToPath(new URL("../../../shared/samples/", import.meta.url));

describe("amounts as budget documents print them", () => {
  it.each([
    ["2億6,000萬元", 260_000],
    ["1億506萬6千元", 105_066],
    ["3,500萬元", 35_000],
    ["12,000元", 12],
    ["新臺幣 7,145,358,000 元", 7_145_358],
  ])("%s = %d 千元", (text, thousands) => {
    expect(parseCompoundAmount(text)).toBe(thousands);
  });

  it("finds compound amounts inside a sentence, whole", () => {
    expect(
      compoundAmountsIn("總經費2億6,000萬元，其中本年度編列1億506萬6千元。").map((a) => a.thousands),
    ).toEqual([260_000, 105_066]);
  });

  it.each([
    ["單位：新臺幣元", 0.001],
    ["單位：元", 0.001],
    ["單位：新臺幣千元", 1],
    ["單位：千元", 1],
    ["單位：萬元", 10],
    ["中華民國116年度單位：新臺幣千元", 1],
    ["本年度預算數", null],
  ])("%s scales by %s", (text, scale) => {
    expect(scaleOfUnitLine(text)).toBe(scale);
  });
});

describe("budget books from the grammar", () => {
  it("give the printed total and the work programmes in 千元, whether the table is in 元 or 千元", () => {
    fc.assert(
      fc.property(budgetBook, (book) => {
        const doc = parseAnyDocument(book.text);
        expect(doc.kind).toBe("budget-book");
        expect(doc.budgetTotalThousand).toBe(book.totalThousand);
        expect(doc.budgetLines.map((b) => b.name)).toEqual(book.sections);
        expect(doc.nodes.filter((n) => n.kind === "key_point")).toHaveLength(2);
        // The contents page is recognised and left out; nothing else is worth a warning.
        expect(doc.warnings).toEqual([
          { code: "tableOfContentsSkipped", params: { from: 7, to: 9, entries: 2 } },
        ]);
      }),
      { numRuns: 60 },
    );
  });

  it("are read for the dry run but refused for import, saying why", () => {
    fc.assert(
      fc.property(budgetBook, (book) => {
        let code: string | undefined;
        try {
          parseDocument(book.text);
        } catch (error) {
          if (error instanceof UnrecognisedDocumentError) code = error.rejection.code;
        }
        expect(code).toBe("budgetBookNotImportable");
      }),
      { numRuns: 10 },
    );
  });
});

describe.skipIf(!existsSync(SAMPLES))("the sample budget books (../shared/samples)", () => {
  it.each([
    [
      "taipei_dgbas_unit_budget_116.txt",
      "臺北市政府主計處",
      208_342,
      ["一般行政", "主計業務", "一般建築及設備", "第一預備金"],
      16,
    ],
    [
      "taipei_new_construction_office_unit_budget_116.txt",
      "臺北市政府工務局新建工程處",
      7_145_358,
      ["一般行政", "工務行政", "接受中央補助支出", "道路橋梁工程", "一般建築及設備"],
      6,
    ],
  ])("%s gives its printed 歲出 total and work programmes", (file, issuer, total, programmes, keyPoints) => {
    const doc = parseAnyDocument(readFileSync(`${SAMPLES}${file}`, "utf8"));
    expect(doc).toMatchObject({ kind: "budget-book", city: "臺北市", issuer, budgetTotalThousand: total });
    expect(doc.rocYearFrom).toBe(116);
    expect(doc.budgetLines.map((b) => b.name)).toEqual(programmes);
    expect(doc.budgetLines.reduce((s, b) => s + b.amountThousands, 0)).toBe(total);
    for (const b of doc.budgetLines)
      expect(b.children.reduce((s, c) => s + c.amountThousands, 0)).toBe(b.amountThousands);
    expect(doc.nodes.filter((n) => n.kind === "key_point")).toHaveLength(keyPoints);
    expect(doc.documentKey).toBe(`budget-book:臺北市:${issuer}:2027`);
    expect(doc.warnings.map((w) => w.code)).toEqual(["tableOfContentsSkipped"]);
  });
});

describe("page numbers of budget books", () => {
  it.each(["02-004 - 7", "011 - 7", "02-004-1", "- 7 -", "第 7 頁"])("drops %s as a page number", (page) => {
    const doc = normaliseText(`本年度編列經費。\n${page}\n下一頁的文字。`);
    expect(doc.dropped).toEqual([{ line: 2, reason: "page number" }]);
  });
});

describe("a budget book without its tables", () => {
  it("is refused saying what was expected, quoting the file's first lines", () => {
    const text = "高雄市政府工務局單位預算\n中華民國116年度\n本頁空白";
    let rejection: unknown;
    try {
      parseAnyDocument(text);
    } catch (error) {
      if (error instanceof UnrecognisedDocumentError) rejection = error.rejection;
    }
    expect(rejection).toEqual({
      code: "genreWithoutStructure",
      params: expect.objectContaining({
        genreEn: "budget book",
        found: "高雄市政府工務局單位預算 / 中華民國116年度 / 本頁空白",
      }),
    });
  });

  it("shows in the dry-run JSON the kind, city, issuer, printed total and line ranges", () => {
    fc.assert(
      fc.property(budgetBook, (book) => {
        const json = toPublicJson(parseAnyDocument(book.text));
        expect(json).toMatchObject({
          kind: "budget-book",
          city: "高雄市",
          issuer: "高雄市政府主計處",
          budgetTotalThousand: book.totalThousand,
        });
        for (const line of json.budgetLines) expect(line.lines[0]).toBeLessThanOrEqual(line.lines[1]);
      }),
      { numRuns: 10 },
    );
  });
});
