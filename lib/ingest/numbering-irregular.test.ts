import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAnyDocument } from "./index";

const CJK = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四"];
const NAMES = [
  "民政",
  "財政",
  "教育",
  "經濟發展",
  "工務",
  "社會",
  "勞工",
  "衛生",
  "環境保護",
  "文化",
  "交通",
  "警政",
];

/** A policy outline whose area numbers are taken from `ordinals` (repeats, gaps, going back). */
function outline(ordinals: number[]): string {
  return [
    "高雄市政府105年度施政綱要",
    "本府以「最愛生活在高雄」為施政總目標。",
    "施政要項",
    ...ordinals.flatMap((o, i) => [`${CJK[o - 1]}、${NAMES[i]}`, `(一)推動${NAMES[i]}業務，提升服務品質。`]),
  ].join("\n");
}

describe("irregular numbering", () => {
  it("never collapses: every numbered area stays an area, and each irregular one is named in a warning", () => {
    const ordinals = fc
      .array(fc.integer({ min: 1, max: 14 }), { minLength: 2, maxLength: 12 })
      .map((xs) => [1, ...xs.slice(1)]);
    fc.assert(
      fc.property(ordinals, (nums) => {
        const doc = parseAnyDocument(outline(nums));
        const areas = doc.nodes.filter((n) => n.kind === "policy_area");
        expect(areas.map((a) => a.title)).toEqual(NAMES.slice(0, nums.length));
        const irregular = nums.filter(
          (n, i) => i > 0 && n !== nums[i - 1]! + 1 && n !== nums[i - 1]! + 2 && n !== 1,
        );
        const warned = doc.warnings.filter((w) => w.code.startsWith("numbering"));
        expect(warned.length).toBe(irregular.length);
      }),
      { numRuns: 100 },
    );
  });

  it("names the line of a repeated number", () => {
    const doc = parseAnyDocument(outline([1, 2, 2, 3]));
    expect(doc.warnings).toContainEqual({
      code: "numberingRepeated",
      params: { label: "二、", line: 8, text: "二、教育" },
    });
  });
});

describe("visions whose names share no ending", () => {
  it("are named in a warning instead of vanishing", () => {
    const text = [
      "高雄市政府105年度施政綱要",
      "本府以「智慧城市、永續發展、共融社會」為施政願景，",
      "並以「最愛生活在高雄」為施政總目標。",
      "施政要項",
      "一、民政",
      "(一)推動民政業務。",
      "二、財政",
      "(一)推動財政業務。",
    ].join("\n");
    const doc = parseAnyDocument(text);
    expect(doc.warnings).toContainEqual({
      code: "visionsUnnamed",
      params: { text: "智慧城市、永續發展、共融社會", line: 2 },
    });
  });
});
