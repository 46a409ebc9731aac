import { describe, expect, it } from "vitest";
import {
  type GenreProblem,
  type GenreProblemCode,
  genreRefusalSchema,
  genreWarningSchema,
} from "@/lib/ingest";
import { describeImportProblem, describeStoredWarning } from "./import-problems";
import { genreProblemsEn, genreProblemsZhHant } from "./import-problems-messages";
import { workspaceEn, workspaceZhHant } from "./workspace-messages";

/** One example of every genre code: the type makes a new code impossible to leave out here. */
const EXAMPLES: { [C in GenreProblemCode]: Extract<GenreProblem, { code: C }>["params"] } = {
  numberingRepeated: { label: "三、", line: 40, text: "三、推動智慧城市" },
  numberingSkipped: { label: "五、", expected: "四、", line: 41, text: "五、文化觀光" },
  numberingOutOfOrder: { label: "二、", expected: "六、", line: 42, text: "二、社會福利" },
  tableOfContentsSkipped: { from: 3, to: 20, entries: 17 },
  coverSkipped: { titleLine: 12, skipped: 11 },
  secondDocumentIgnored: { title: "高雄市政府社會局業務報告", line: 300 },
  visionsUnnamed: { text: "智慧城市、永續發展、共融社會", line: 7 },
  budgetBookTotalMismatch: { table: "歲出預算表", sum: 208_341, total: 208_342, line: 330 },
  budgetBookKeyPointsMissing: {},
  budgetBookWorkPlanUnnamed: { code: "32020040101", line: 340 },
  csvRowUnread: { line: 9, text: "2016,,abc" },
  cityOther: { city: "臺北市" },
  twoDocumentsInOneFile: { first: "工務局業務報告", firstLine: 1, second: "社會局業務報告", secondLine: 90 },
  genreWithoutStructure: {
    genre: "預算書",
    genreEn: "budget book",
    expected: "歲出預算表",
    expectedEn: "an expenditure table",
    found: "臺北市政府主計處 / 目 次",
  },
  budgetBookNotImportable: { title: "116年度臺北市政府主計處單位預算" },
};

const problems = Object.entries(EXAMPLES).map(([code, params]) => ({ code, params }) as GenreProblem);

describe("the genre problems' messages", () => {
  it("cover every genre code, in both languages", () => {
    const codes = [...genreWarningSchema.options, ...genreRefusalSchema.options]
      .map((o) => o.shape.code.value)
      .sort();
    expect(Object.keys(EXAMPLES).sort()).toEqual(codes);
    expect(Object.keys(genreProblemsZhHant).sort()).toEqual(codes);
    expect(Object.keys(genreProblemsEn).sort()).toEqual(codes);
    for (const p of problems) {
      const schema = genreRefusalSchema.options.some((o) => o.shape.code.value === p.code)
        ? genreRefusalSchema
        : genreWarningSchema;
      expect(schema.parse(p)).toEqual(p);
    }
  });

  it.each(problems.map((p) => [p.code, p] as const))("renders %s in the reader's language", (_c, problem) => {
    const zh = describeImportProblem(problem, workspaceZhHant.upload.problems);
    const en = describeImportProblem(problem, workspaceEn.upload.problems);
    for (const sentence of [zh, en]) {
      expect(sentence).not.toMatch(/\{\w+\}/u);
      for (const [name, value] of Object.entries(problem.params)) {
        // "…En" parameters are the English wording of a Chinese one: the Chinese sentence has no use for them.
        if (sentence === zh && name.endsWith("En")) continue;
        const shown =
          typeof value === "number" && /sum|total/u.test(name)
            ? value.toLocaleString("en-US")
            : String(value);
        expect(sentence, `${problem.code}.${name}`).toContain(shown);
      }
    }
    expect(zh).not.toBe(en);
    expect(zh.replace(/「[^」]*」/gu, "")).toMatch(/\p{Script=Han}{2}/u);
    expect(en).toMatch(/[A-Za-z]{3,} [A-Za-z]{2,}/u);
  });

  it("reads stored genre warnings from audit records", () => {
    expect(
      describeStoredWarning({ code: "cityOther", params: { city: "臺北市" } }, workspaceEn.upload.problems),
    ).toBe(genreProblemsEn.cityOther.replace("{city}", "臺北市"));
  });
});
