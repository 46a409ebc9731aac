import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseChineseNumeral } from "./numerals";
import { labelKey, parseNumberLabel } from "./numbering";

describe("parseChineseNumeral", () => {
  it.each([
    ["一", 1],
    ["十", 10],
    ["十一", 11],
    ["二十六", 26],
    ["三十", 30],
    ["三十一", 31],
    ["九十九", 99],
    ["一百零五", 105],
    ["一○二", 102], // ROC year written digit by digit (seed 000's title)
    ["壹", 1],
    ["拾貳", 12],
  ])("%s → %i", (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it("rejects non-numerals", () => {
    expect(parseChineseNumeral("秘書")).toBeNull();
    expect(parseChineseNumeral("")).toBeNull();
  });
});

describe("parseNumberLabel", () => {
  // Real heading lines from the seeds (after normalisation where the seed needs it).
  it.each([
    ["壹、施政目標", "formal", 1, "壹、", "施政目標"], // 001
    ["貳、施政願景與推動策略", "formal", 2, "貳、", "施政願景與推動策略"], // 001
    ["二、民  政", "cjk", 2, "二、", "民  政"], // 000: spaced-out name
    ["十、 農業發展", "cjk", 10, "十、", "農業發展"], // 000: space after the comma
    ["三十一、研  考", "cjk", 31, "三十一、", "研  考"], // 000
    ["(十一)賡續推動檔案電腦化建置工作", "paren-cjk", 11, "(十一)", "賡續推動檔案電腦化建置工作"], // 000
    ["（一）加強與國際友好城市交流", "paren-cjk", 1, "(一)", "加強與國際友好城市交流"], // full-width form
    ["(一) 科技產業帶動優質就業：", "paren-cjk", 1, "(一)", "科技產業帶動優質就業："], // 001
    ["1.委託專題研究", "arabic", 1, "1.", "委託專題研究"], // 003
    [
      "10.預計於 12 月底前動工改善鳳山行政中心前庭景觀",
      "arabic",
      10,
      "10.",
      "預計於 12 月底前動工改善鳳山行政中心前庭景觀",
    ], // 004
    ["2. 擴大辦理租金補貼業務", "arabic", 2, "2.", "擴大辦理租金補貼業務"], // 001
    ["1.106 年 3 月 21 日配合監察院辦理", "arabic", 1, "1.", "106 年 3 月 21 日配合監察院辦理"], // 004: item starting with a year
    ["⑴「高雄市政府工程施工查核小組」", "paren-glyph", 1, "⑴", "「高雄市政府工程施工查核小組」"], // 003
    ["(2)其他", "paren-arabic", 2, "(2)", "其他"],
    ["③辦理", "circled", 3, "③", "辦理"],
  ])("%s", (line, system, ordinal, label, rest) => {
    expect(parseNumberLabel(line)).toEqual({ system, ordinal, label, rest });
  });

  it.each([
    "高雄市政府秘書處 107 年度施政計畫提要", // a title
    "(勞工)因受不當解僱或處分", // 000: parenthesised word, not a numeral
    "106.7.1.", // a date
    "3.5 億元", // a decimal
    "民國 101 年，在經歷高雄縣市合併",
    "",
  ])("no label in %j", (line) => {
    expect(parseNumberLabel(line)).toBeNull();
  });

  it("keys drop the separator", () => {
    expect(labelKey("三十一、")).toBe("三十一");
    expect(labelKey("3.")).toBe("3");
    expect(labelKey("(三)")).toBe("(三)");
  });

  it("never throws and returns a positive ordinal on any input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (s) => {
        const label = parseNumberLabel(s);
        if (label) expect(label.ordinal).toBeGreaterThan(0);
      }),
    );
    fc.assert(
      fc.property(
        fc
          .array(fc.constantFrom("一", "二", "十", "(", ")", "、", "1", ".", " ", "壹", "⑴", "（"), {
            maxLength: 12,
          })
          .map((a) => a.join("")),
        (s) => {
          const label = parseNumberLabel(s);
          if (label) expect(s.trimStart().length).toBeGreaterThan(0);
        },
      ),
    );
  });
});
