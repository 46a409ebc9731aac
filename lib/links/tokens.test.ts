import { describe, expect, it } from "vitest";
import { normaliseForMatching, terms } from "./tokens";

describe("terms", () => {
  it.each([
    // [text, expected terms]
    ["捷運路網", ["捷運", "運路", "路網"]],
    // Punctuation breaks runs: no bigram spans the comma; lone characters are dropped.
    ["輕軌,捷運、港", ["輕軌", "捷運"]],
    // Stop words are cut out before bigrams, so 推動 leaves no 動捷 behind.
    ["推動捷運", ["捷運"]],
    ["持續辦理本市老人照顧", ["長輩", "輩照", "照顧"]],
    // Latin words count whole and in lower case; digits do not count.
    ["運用AI與5G科技", ["運用", "科技", "ai"]],
    ["MeNGo套票", ["套票", "mengo"]],
  ])("%s → %j", (text, expected) => {
    expect(terms(text)).toEqual(expected);
  });

  it("reads compatibility ideographs (seed 000) as the ordinary ones", () => {
    // U+F9D1 is the compatibility form of 六, as seed 000 prints it.
    expect(terms("\uF9D1龜")).toEqual(terms("六龜"));
  });

  it("writes one thing one way: 長期照顧 and 長照, 臺 and 台, 公共運輸 and 大眾運輸", () => {
    expect(normaliseForMatching("長期照顧")).toBe("長照");
    expect(normaliseForMatching("長期照護")).toBe("長照");
    expect(normaliseForMatching("南臺灣")).toBe("南台灣");
    expect(terms("公共運輸")).toEqual(terms("大眾運輸"));
    expect(terms("空氣品質")).toEqual(["空品"]);
  });
});
