import { describe, expect, it } from "vitest";
import { displayText, escapeLike, fold, searchForm, squeezeWithMap } from "./normalise";

// Fragments of the seeds as the files spell them: seed 000 writes 館, 串, 聯 and 落 as CJK
// compatibility ideographs (U+F900 block), full-width punctuation and PDF spacing everywhere.
const OUTLINE_LINE_42 = "\uFA2C總\uFA2C等四座國際級地標建築，並規劃輕軌捷運\uF905\uF997";
const OUTLINE_LINE_143 = "重視教育，推動校舍整建、\uF918實教師專業發展";

describe("displayText", () => {
  it.each([
    [OUTLINE_LINE_42, "館總館等四座國際級地標建築,並規劃輕軌捷運串聯"],
    [OUTLINE_LINE_143, "重視教育,推動校舍整建、落實教師專業發展"],
    ["  二十二、環  保 \n", "二十二、環 保"],
    ["受理 １,０４３ 件", "受理 1,043 件"],
  ])("%s → %s", (raw, display) => {
    expect(displayText(raw)).toBe(display);
  });
});

describe("fold", () => {
  it.each([
    ["推動環狀輕軌、捷運岡山路竹延伸線", "推动环状轻轨、捷运冈山路竹延伸线"],
    ["整合MeNGo公共運輸生活圈套票", "整合mengo公共运输生活圈套票"],
    ["臺灣", "台湾"],
    // OpenCC converts words in context: 計畫 is a word (计划), 畫 alone a character (画).
    ["鳳山行政中心新建大樓工程計畫", "凤山行政中心新建大楼工程计划"],
    ["1999 高雄萬事通", "1999 高雄万事通"],
  ])("%s → %s, position for position", (display, folded) => {
    expect(fold(display)).toBe(folded);
    expect(fold(display)).toHaveLength(display.length);
  });

  it("keeps the length even where a mapping is not one-for-one (İ lower-cases to two code units)", () => {
    expect(fold("İ捷運")).toHaveLength(3);
  });
});

describe("squeezeWithMap", () => {
  it.each([
    ["民  政", "民政", [0, 3]],
    ["撥打 1999 免付費", "撥打1999免付費", [0, 1, 3, 4, 5, 6, 8, 9, 10]],
    ["R22 R24", "R22 R24", [0, 1, 2, 3, 4, 5, 6]],
    [" 本府 ", "本府", [1, 2]],
  ])("%s → %s", (text, squeezed, map) => {
    expect(squeezeWithMap(text)).toEqual({ text: squeezed, map });
  });
});

describe("searchForm", () => {
  it("gives Traditional and Simplified, full and half width, spaced and unspaced the same form", () => {
    expect(searchForm("捷運 工程")).toBe(searchForm("捷运工程"));
    expect(searchForm("ＭｅＮＧｏ")).toBe("mengo");
    expect(searchForm(OUTLINE_LINE_42)).toContain("轻轨捷运串联");
  });
});

describe("escapeLike", () => {
  it("takes %, _ and \\ literally", () => {
    expect(escapeLike("100%_a\\b")).toBe("100\\%\\_a\\\\b");
  });
});
