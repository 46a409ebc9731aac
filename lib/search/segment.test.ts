import { describe, expect, it } from "vitest";
import { searchForm } from "./normalise";
import { bigrams, indexTerms, innerPairs, isHan, queryWords } from "./segment";

// Sentences of the seeds: 001's strategy (六), 003's call-centre heading, 001's strategy (七),
// the outline's MRT items.
describe("indexTerms", () => {
  it.each([
    ["推動環狀輕軌、捷運岡山路竹延伸線", ["推动", "环状", "轻轨", "捷运", "冈山", "路竹", "延伸", "延伸线"]],
    ["服務不打烊 1999 萬事通", ["服务", "不", "打烊", "1999", "万事", "万事通"]],
    [
      "配合 R24 通車營運協助高雄捷運提昇運量",
      ["配合", "r24", "通车", "营运", "协助", "高雄", "捷运", "提升", "运量"],
    ],
    // Search mode adds the dictionary words inside longer ones (新市, 市镇 in 新市镇).
    [
      "推動高雄新市鎮捷運 R22-R24 車站",
      ["推动", "高雄", "新市", "市镇", "新市镇", "捷运", "r22", "r24", "车站"],
    ],
    // Numbers lose their thousands separators' meaning: 405,286 is two tokens (a phrase keeps it).
    ["總電話處理量計405,286 通", ["总", "电话", "处理", "量计", "405", "286", "通"]],
  ])("%s", (text, terms) => {
    expect(indexTerms(searchForm(text))).toEqual(terms);
  });

  it("has nothing to say about an empty text", () => {
    expect(indexTerms("")).toEqual([]);
  });
});

describe("innerPairs", () => {
  it.each([
    [
      ["高雄市", "政府"],
      ["高雄", "雄市"],
    ],
    [
      ["延伸线", "捷运"],
      ["延伸", "伸线"],
    ],
    [["r22", "1999"], []],
  ])("%j → %j", (terms, pairs) => {
    expect(innerPairs(terms)).toEqual(pairs);
  });
});

describe("bigrams and isHan", () => {
  it("pairs characters, surrogate pairs included", () => {
    expect(bigrams("市政府")).toEqual(["市政", "政府"]);
    expect(bigrams("𠀋一")).toEqual(["𠀋一"]);
    expect(bigrams("捷")).toEqual([]);
    expect([isHan("捷运"), isHan("r24"), isHan("捷运2")]).toEqual([true, false, false]);
  });
});

describe("queryWords", () => {
  it.each([
    ["捷運", ["捷运"]],
    ["捷运", ["捷运"]],
    ["捷運與輕軌", ["捷运", "轻轨"]], // 與 is not required
    ["社會住宅 租金補貼", ["社会", "住宅", "租金", "补贴"]],
    ["長照2.0", ["长照", "2", "0"]],
    ["的", ["的"]], // nothing but a common character still means it
    ["MeNGo", ["mengo"]],
  ])("%s → %j", (query, words) => {
    expect(queryWords(searchForm(query))).toEqual(words);
  });
});
