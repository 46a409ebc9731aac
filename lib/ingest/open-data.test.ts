import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAnyDocument, parseDocument, UnrecognisedDocumentError } from "./index";

const CSV = fileURLToPath(
  new URL("../../../shared/samples/kaohsiung_105_expenditure_by_agency.csv", import.meta.url),
);

describe("the city's budget as open data (歲出機關別預算表 CSV)", () => {
  it.skipIf(!existsSync(CSV))("reads the 2016 sample as 112 agencies and 120,354,493 千元", () => {
    const doc = parseAnyDocument(readFileSync(CSV, "utf8"));
    expect(doc).toMatchObject({
      kind: "budget-book",
      genre: "budget-open-data",
      city: "高雄市",
      rocYearFrom: 105,
      period: { from: "2016-01-01", to: "2016-12-31" },
      budgetTotalThousand: 120_354_493,
      warnings: [],
    });
    expect(doc.budgetLines).toHaveLength(112);
    expect(doc.budgetLines[0]).toMatchObject({ name: "高雄市議會", lineFrom: 2 });
    expect(doc.budgetLines.map((a) => a.name)).toContain("高雄市林園區公所");
  });

  it("adds up any table, in 元 or with quoted names, whatever the column order", () => {
    const row = fc.record({
      agency: fc.constantFrom("高雄市政府工務局", "高雄市政府社會局", "高雄市鳳山區公所"),
      programme: fc.constantFrom("一般行政", "工程管理", "社會救助"),
      item: fc.constantFrom("行政管理", "道路養護", "急難救助, 特別"),
      yuan: fc.integer({ min: 0, max: 9_000_000 }).map((n) => n * 1000),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), fc.boolean(), (rows, chinese) => {
        const header = chinese ? "機關,金額,年度,業務計畫,工作計畫" : "depname,amount,year,category,name";
        const text = [
          header,
          ...rows.map((r) => `${r.agency},${r.yuan},2017,${r.programme},"${r.item.replaceAll('"', '""')}"`),
        ].join("\r\n");
        const doc = parseAnyDocument(text);
        const total = rows.reduce((s, r) => s + r.yuan, 0) / 1000;
        expect(doc.budgetTotalThousand).toBe(total);
        expect(doc.budgetLines.reduce((s, a) => s + a.amountThousands, 0)).toBe(total);
        expect(doc.budgetLines.map((a) => a.name)).toEqual([...new Set(rows.map((r) => r.agency))]);
        expect(doc.rocYearFrom).toBe(106);
      }),
      { numRuns: 50 },
    );
  });

  it("lists a row it cannot read instead of dropping it silently, and is not imported", () => {
    const text = "year,amount,depname,name\n2016,1000,高雄市政府工務局,道路\n2016,abc,高雄市政府工務局,橋梁";
    expect(parseAnyDocument(text).warnings).toEqual([
      { code: "csvRowUnread", params: { line: 3, text: "2016,abc,高雄市政府工務局,橋梁" } },
    ]);
    expect(() => parseDocument(text)).toThrow(UnrecognisedDocumentError);
  });
});
