import { describe, expect, it } from "vitest";
import { compileQuery } from "./compile";
import { displayText } from "./normalise";
import { highlight, markedText, snippet } from "./highlight";

const terms = (query: string) => compileQuery(query).highlight;

// Texts as indexed (display form) from the seeds.
const STRATEGY_6 =
  "健全大眾運輸捷運路網: 建構綠色運具低碳城市,推動環狀輕軌、捷運岡山路竹延伸線、黃線、小港林園線四線齊發,大幅提升市區內綠色低碳大眾運輸路網覆蓋率。";
const CALL_CENTRE =
  "服務不打烊 1999 萬事通 本府為強化服務品質、落實 市長弱勢優先之施政理念,業於 97 年4 月 1 日成立高雄市政府話務中心,透過電腦電話整合系統、知識庫的建置及專業人員的訓練,提供市民 24 小時全年無休的服務,並自 98 年 10 月 1 日起實施撥打 1999 免付費(手機預付型不適用),自 101 年 3 月至 101 年 8 月,話務中心總電話處理量計405,286 通。";

describe("highlight", () => {
  it.each([
    ["捷运", "(六) 健全大眾運輸捷運路網", "(六) 健全大眾運輸【捷運】路網"],
    ["捷運 輕軌", "推動環狀輕軌、捷運岡山路竹延伸線", "推動環狀【輕軌】、【捷運】岡山路竹延伸線"],
    // Matched on the squeezed form, marked on the text as printed, spaces and all.
    ["民政", "二十二、民  政", "二十二、【民  政】"],
    ["長照", "整備長期照顧資源", "整備【長期照顧】資源"],
    ['"1999 萬事通"', "服務不打烊 1999 萬事通", "服務不打烊 【1999 萬事通】"],
    ["MeNGo", "整合MeNGo公共運輸生活圈套票", "整合【MeNGo】公共運輸生活圈套票"],
    // Compatibility ideographs are gone by the time text is indexed (NFKC): 館 and 串聯 mark.
    [
      "串聯",
      displayText("\uFA2C總\uFA2C等四座國際級地標建築,並規劃輕軌捷運\uF905\uF997"),
      "館總館等四座國際級地標建築,並規劃輕軌捷運【串聯】",
    ],
  ])("%s in %s", (query, text, marked) => {
    expect(markedText(highlight(text, terms(query)))).toBe(marked);
  });

  it("merges overlapping matches", () => {
    expect(markedText(highlight("高雄市政府", ["高雄市", "市政府"]))).toBe("【高雄市政府】");
  });

  it("returns the text unmarked when nothing matches", () => {
    expect(highlight("宜居高雄", ["捷运"])).toEqual([{ text: "宜居高雄", match: false }]);
  });
});

describe("snippet", () => {
  it("shows a short text whole", () => {
    expect(markedText(snippet("辦理捷運鳳山線建設", terms("捷運")))).toBe("辦理【捷運】鳳山線建設");
  });

  it("cuts a long text around the passage with the most different terms, marking the cuts", () => {
    const parts = snippet(CALL_CENTRE, terms("1999 話務"), 60);
    const text = markedText(parts);
    expect(text.startsWith("…")).toBe(true);
    expect(text.endsWith("…")).toBe(true);
    expect(text).toContain("【話務】");
    expect(text).toContain("【1999】");
    expect(parts.filter((p) => !p.match && p.text !== "…").every((p) => !p.text.includes("【"))).toBe(true);
  });

  it("starts at the beginning when the first match is there", () => {
    expect(markedText(snippet(STRATEGY_6, terms("捷運"), 30))).toBe(
      "健全大眾運輸【捷運】路網: 建構綠色運具低碳城市,推動環狀輕軌、…",
    );
  });

  it("never splits a surrogate pair", () => {
    const text = `${"𠀋".repeat(100)}捷運`;
    const parts = snippet(text, terms("捷運"), 21);
    expect(parts.map((p) => p.text).join("")).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/u);
  });
});
