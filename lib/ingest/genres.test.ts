import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAnyDocument, parseDocument, UnrecognisedDocumentError } from "./index";
import {
  anyGenre,
  councilReport,
  departmentPlan,
  departmentPlanWithBudget,
  policyOutline,
  TRANSFORMS,
} from "./testing/genres";

function rejectionOf(parse: () => unknown) {
  try {
    parse();
  } catch (error) {
    if (error instanceof UnrecognisedDocumentError) return error.rejection;
    throw error;
  }
  return undefined;
}

describe("genre profiles: detection from wording and structure", () => {
  it("recognises every genre's generated documents, whatever their title's wording", () => {
    fc.assert(
      fc.property(anyGenre, (doc) => {
        expect(parseAnyDocument(doc.text).genre).toBe(doc.genre);
      }),
      { numRuns: 80 },
    );
  });

  it.each(Object.entries(TRANSFORMS))("keeps the genre and the top level through %s", (_name, transform) => {
    fc.assert(
      fc.property(fc.oneof(councilReport, departmentPlan, policyOutline), (doc) => {
        const plain = parseAnyDocument(doc.text);
        const changed = parseAnyDocument(transform(doc.text));
        expect(changed.genre).toBe(doc.genre);
        expect(changed.nodes.map((n) => n.title ?? n.text)).toEqual(
          plain.nodes.map((n) => n.title ?? n.text),
        );
      }),
      { numRuns: 25 },
    );
  });

  it("finds the title after a cover page and a table of contents, and says what it skipped", () => {
    const text = [
      "機 密 ",
      "高 雄 市 政 府 ",
      "中 華 民 國 一 ○ 五 年 三 月 ",
      "%$#@ 亂碼 ### ",
      "目 次 ",
      "壹、重要施政成果 ........ 1",
      "一、道路養護 ........ 2",
      "二、人行道 ........ 4",
      "貳、未來施政重點 ........ 9",
      "參、結語 ........ 12",
      "",
      "高雄市政府工務局業務報告 ",
      "日期：105 年 3 月 8 日",
      "報告人：局長 王大明",
      "壹、重要施政成果",
      "一、完成道路養護 120 件。",
      "貳、未來施政重點",
      "一、持續推動人行道改善。",
    ].join("\n");
    const doc = parseAnyDocument(text);
    expect(doc).toMatchObject({ kind: "council-report", genre: "council-report", city: "高雄市" });
    expect(doc.nodes.map((n) => n.title)).toEqual(["重要施政成果", "未來施政重點"]);
    expect(doc.warnings).toContainEqual({ code: "coverSkipped", params: { titleLine: 12, skipped: 11 } });
  });

  it("reads a single chapter of a mayor's report that starts at 肆、", () => {
    const text = [
      "高雄市政府施政報告",
      "肆、工務建設",
      "一、完成道路養護 120 件。",
      "二、人行道改善 3 公里。",
      "伍、社會福利",
      "一、發放敬老津貼 1,200 人。",
    ].join("\n");
    const doc = parseAnyDocument(text);
    expect(doc.nodes.map((n) => n.numberLabel)).toEqual(["肆、", "伍、"]);
  });

  it("reads mid-term plans with the years after the words", () => {
    const text = [
      "高雄市政府中程施政計畫（113至116年度）",
      "壹、施政目標",
      "以「宜居城市」為施政總目標。",
      "貳、施政願景與推動策略",
      "一、宜居高雄",
      "1.推動綠色運輸",
      "2.改善人行環境",
    ].join("\n");
    const doc = parseAnyDocument(text);
    expect(doc).toMatchObject({ kind: "mid-term-plan", rocYearFrom: 113, rocYearTo: 116 });
  });

  it("refuses another city's document for import, and previews it", () => {
    const text =
      "臺北市政府工務局業務報告\n日期：105 年 3 月 8 日\n報告人：局長 王大明\n壹、成果\n一、完成 1 件。\n貳、展望\n一、再 2 件。";
    expect(parseAnyDocument(text).city).toBe("臺北市");
    expect(parseAnyDocument(text).documentKey).toContain("臺北市");
    expect(rejectionOf(() => parseDocument(text))).toEqual({ code: "cityOther", params: { city: "臺北市" } });
  });

  it("splits two documents pasted into one file, with a warning naming the second", () => {
    const first =
      "高雄市政府工務局業務報告\n日期：105 年 3 月 8 日\n報告人：局長 王大明\n壹、成果\n一、完成 1 件。\n貳、展望\n一、再 2 件。";
    const second =
      "高雄市政府社會局業務報告\n日期：105 年 3 月 8 日\n報告人：局長 李小華\n壹、福利\n一、發放 3 件。\n貳、照顧\n一、服務 4 人。";
    const doc = parseAnyDocument(`${first}\n${second}`);
    expect(doc.nodes.map((n) => n.title)).toEqual(["成果", "展望"]);
    expect(doc.warnings).toContainEqual({
      code: "secondDocumentIgnored",
      params: { title: "高雄市政府社會局業務報告", line: 8 },
    });
  });
});

describe("department plans' budget tables", () => {
  it("read the same whether cells are separated by tabs or by runs of spaces", () => {
    fc.assert(
      fc.property(departmentPlanWithBudget, (doc) => {
        const parsed = parseAnyDocument(doc.text);
        const [total] = parsed.budgetLines;
        expect(total?.amountThousands).toBe(doc.lines.reduce((s, [, a]) => s + a, 0));
        expect(total?.children.map((c) => [c.name, c.amountThousands])).toEqual(doc.lines);
        expect(parsed.nodes.filter((n) => n.kind === "key_point")).toHaveLength(2);
      }),
      { numRuns: 60 },
    );
  });
});
