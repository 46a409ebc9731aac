import { describe, expect, it } from "vitest";
import {
  type ImportProblem,
  type ImportProblemCode,
  importRejectionSchema,
  parseDocument,
  parseWarningSchema,
  UnrecognisedDocumentError,
} from "@/lib/ingest";
import {
  describeImportProblem,
  describeImportProblemInEnglish,
  describeStoredWarning,
} from "./import-problems";
import { workspaceEn, workspaceZhHant } from "./workspace-messages";

/** One example of every code: the type makes a new code impossible to leave out here. */
const EXAMPLES: { [C in ImportProblemCode]: Extract<ImportProblem, { code: C }>["params"] } = {
  budgetSumMismatch: { table: "對照表甲", name: "合計", sum: 330_433, total: 330_434, line: 36 },
  budgetRowWithoutAmount: { table: "對照表乙", row: "壹、一般行政 | 行政管理", line: 12 },
  budgetItemsNotSplit: { table: "對照表丙", name: "人事費", line: 5, items: 2, amounts: 3 },
  budgetTotalMissing: { table: "對照表丁" },
  budgetTableEmpty: { table: "計畫表戊" },
  budgetTableMissing: {},
  budgetYearUnread: {},
  budgetTablesDisagree: {
    label: "壹、",
    name: "一般行政",
    planAmount: 25_169,
    planLine: 40,
    crosswalkAmount: 25_170,
    crosswalkLine: 29,
  },
  programAmountsMismatch: { table: "計畫表己", line: 51, amounts: 3, programs: 2 },
  diagramUnmatched: { text: "發展太空產業", line: 13 },
  midTermGoalMissing: {},
  outlineAreaUnknownDepartment: { label: "二、", title: "火星事務", line: 5 },
  outlineAreaWithoutItems: { title: "火星事務", line: 6 },
  outlineGoalMissing: {},
  reportDateMissing: {},
  reportPresenterMissing: {},
  reportSessionMissing: {},
  departmentUnknown: {},
  notUtf8: {},
  pdfUnreadable: {},
  pdfWithoutText: {},
  pdfTooLarge: {},
  pdfTooSlow: {},
  pdfBusy: {},
  emptyText: {},
  unknownKind: { headLines: 8, firstLine: "今天天氣很好" },
  outlineWithoutAreas: {},
  midTermWithoutStrategies: {},
  departmentPlanWithoutContent: {},
  reportWithoutSections: {},
  parserFailure: { detail: "lineFrom must not exceed lineTo" },
};

const problems = Object.entries(EXAMPLES).map(([code, params]) => ({ code, params }) as ImportProblem);
const grouped = (n: number) => n.toLocaleString("en-US");

describe("describeImportProblem", () => {
  it("knows every code the schemas allow, and no other", () => {
    const warningCodes = parseWarningSchema.options.map((o) => o.shape.code.value);
    const rejectionCodes = importRejectionSchema.options.map((o) => o.shape.code.value);
    const codes = [...warningCodes, ...rejectionCodes].sort();
    expect(new Set(codes).size).toBe(codes.length); // a warning and a rejection never share a code
    expect(Object.keys(EXAMPLES).sort()).toEqual(codes);
    expect(Object.keys(workspaceZhHant.upload.problems).sort()).toEqual(codes);
    expect(Object.keys(workspaceEn.upload.problems).sort()).toEqual(codes);
    // Every example is a valid problem, so the sentences below are rendered from real shapes.
    for (const problem of problems) {
      const schema = (warningCodes as string[]).includes(problem.code)
        ? parseWarningSchema
        : importRejectionSchema;
      expect(schema.parse(problem)).toEqual(problem);
    }
  });

  it.each(problems.map((p) => [p.code, p] as const))(
    "renders %s in Chinese and in English with every parameter filled in",
    (_code, problem) => {
      const zh = describeImportProblem(problem, workspaceZhHant.upload.problems);
      const en = describeImportProblem(problem, workspaceEn.upload.problems);
      for (const sentence of [zh, en]) {
        expect(sentence.trim().length).toBeGreaterThan(5);
        expect(sentence).not.toMatch(/\{\w+\}/u); // no placeholder left unfilled
        for (const [name, value] of Object.entries(problem.params)) {
          const shown =
            typeof value === "number" && /amount|sum|total/iu.test(name) ? grouped(value) : String(value);
          expect(sentence, `${problem.code}.${name}`).toContain(shown);
        }
      }
      expect(zh).not.toBe(en);
      // The Chinese sentence is Chinese beyond the quoted document text.
      expect(zh.replace(/「[^」]*」/gu, "")).toMatch(/\p{Script=Han}{2}/u);
      expect(en).toMatch(/[A-Za-z]{3,} [A-Za-z]{2,}/u);
    },
  );

  it("shows a parser rejection in the reader's language", () => {
    let rejection: ImportProblem | undefined;
    try {
      parseDocument("今天天氣很好，我們去公園散步。\n一、買菜\n二、煮飯");
    } catch (error) {
      if (error instanceof UnrecognisedDocumentError) rejection = error.rejection;
    }
    expect(rejection).toEqual({
      code: "unknownKind",
      params: { headLines: 8, firstLine: "今天天氣很好，我們去公園散步。" },
    });
    expect(describeImportProblem(rejection!, workspaceZhHant.upload.problems)).toBe(
      "不是市府的施政文件：前 8 行（開頭為「今天天氣很好，我們去公園散步。」）沒有出現施政綱要、中程施政計畫、施政計畫提要／施政計畫與預算配合對照表或業務報告（也沒有日期／報告人表頭）。",
    );
    expect(describeImportProblem(rejection!, workspaceEn.upload.problems)).toBe(
      'Not one of the city\'s document kinds: none of 施政綱要, 中程施政計畫, 施政計畫提要 / 施政計畫與預算配合對照表 or 業務報告 (or a 日期/報告人 header) appears in the first 8 lines, which begin "今天天氣很好，我們去公園散步。".',
    );
  });

  it("shows a parser warning in the reader's language, amounts grouped as printed", () => {
    const warning = { code: "budgetSumMismatch", params: EXAMPLES.budgetSumMismatch } as const;
    expect(describeImportProblem(warning, workspaceZhHant.upload.problems)).toBe(
      "預算表「對照表甲」「合計」（第 36 行）：細項合計 330,433，與總計 330,434 不符。",
    );
    expect(describeImportProblemInEnglish(warning)).toBe(
      "預算表「對照表甲」「合計」: parts sum to 330,433 but total says 330,434 (line 36)",
    );
  });
});

describe("describeStoredWarning", () => {
  it("reads audit records written before warnings were codes, and after", () => {
    const old = "No presenter (報告人：…) was found in the header.";
    expect(describeStoredWarning(old, workspaceZhHant.upload.problems)).toBe(old);
    expect(
      describeStoredWarning({ code: "reportPresenterMissing", params: {} }, workspaceZhHant.upload.problems),
    ).toBe("表頭沒有報告人（報告人：…）。");
    expect(describeStoredWarning({ code: "retired" }, workspaceEn.upload.problems)).toBe(
      '{"code":"retired"}',
    );
  });
});
