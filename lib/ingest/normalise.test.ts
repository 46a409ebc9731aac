import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collapseSpacedOut, normaliseChars, normaliseText, type NormalisedText } from "./normalise";

function texts(raw: string): string[] {
  return normaliseText(raw).lines.map((l) => l.text);
}

describe("normaliseChars", () => {
  it("maps CJK compatibility ideographs back (seed 000's 六 in 六、教育)", () => {
    // Line 524 of seed 000, as extracted: U+F9D1 is a compatibility 六.
    expect(normaliseChars("\uF9D1、教  育 ")).toContain("六、教");
    expect(normaliseChars("高高平、社\uFA1B給付齊一")).toBe("高高平、社福給付齊一");
  });

  it("makes digits half-width and keeps Chinese punctuation full-width", () => {
    expect(normaliseChars("１２３，共計")).toBe("123，共計");
    expect(normaliseChars("民國 101 年，在經歷")).toBe("民國 101 年，在經歷");
    expect(normaliseChars("1,043 個")).toBe("1,043 個");
    expect(normaliseChars("日期︰106")).toBe("日期：106");
  });

  it("keeps ⑴ and ① as numbering glyphs", () => {
    expect(normaliseChars("⑴「高雄市政府")).toBe("⑴「高雄市政府");
    expect(normaliseChars("①辦理")).toBe("①辦理");
  });

  it("collapses spaced-out names but not phrases", () => {
    expect(collapseSpacedOut("民  政")).toBe("民政");
    expect(collapseSpacedOut("報告人：處 長 陳 瓊 華")).toBe("報告人：處長陳瓊華");
    expect(collapseSpacedOut("因應市政趨勢 鼓勵研究創新")).toBe("因應市政趨勢 鼓勵研究創新");
  });
});

describe("normaliseText on seed fragments", () => {
  it("rejoins lines broken mid-sentence without inserting spaces (000, blank lines in between)", () => {
    const raw = [
      "(一)加強與國際友好城市交流，賡續推動本府各局處認養姊妹市計畫，",
      "",
      "深化與廣化姊妹市實質關係，落實城市外交。 ",
      "",
      "(二)辦理國內外籍人士認識高雄活動，宣揚友善之國際都市形象。 ",
    ].join("\n");
    const out = normaliseText(raw).lines;
    expect(out.map((l) => l.text)).toEqual([
      "(一)加強與國際友好城市交流，賡續推動本府各局處認養姊妹市計畫，深化與廣化姊妹市實質關係，落實城市外交。",
      "(二)辦理國內外籍人士認識高雄活動，宣揚友善之國際都市形象。",
    ]);
    expect(out.map((l) => [l.from, l.to])).toEqual([
      [1, 3],
      [5, 5],
    ]);
  });

  it("joins across a page break that leaves a leading space (000 lines 93-94)", () => {
    const raw =
      "企業自願性減碳，成為低碳城市典範；依「高雄市建築物屋頂設置太\n 陽光電設施辦法」推動太陽光電再生能源發展；推動公有建築物立體\n\n綠化改造計畫。 ";
    expect(texts(raw)).toEqual([
      "企業自願性減碳，成為低碳城市典範；依「高雄市建築物屋頂設置太陽光電設施辦法」推動太陽光電再生能源發展；推動公有建築物立體綠化改造計畫。",
    ]);
  });

  it("keeps a heading apart from its paragraph (000: 二、民  政)", () => {
    const raw =
      "二、民  政 \n\n(一)結合社會資源，舉辦各區地方特色活動，發展在地文化特色，活絡\n\n地方商機，行銷高雄。 ";
    expect(texts(raw)).toEqual([
      "二、民政",
      "(一)結合社會資源，舉辦各區地方特色活動，發展在地文化特色，活絡地方商機，行銷高雄。",
    ]);
  });

  it("drops a running header and page number (004 lines 255-257) and joins around them", () => {
    const raw = [
      "本市向來為南向政策之重要基地，推動南向政策不僅需要多與東南亞國家",
      "",
      "市政府各單位業務報告（秘書處）   ",
      "",
      " 4858",
      "",
      "合作，更需要為國留人育才。 ",
      "市政府各單位業務報告（秘書處）   ",
      " 4874",
    ].join("\n");
    const doc = normaliseText(raw);
    expect(doc.lines.map((l) => l.text)).toEqual([
      "本市向來為南向政策之重要基地，推動南向政策不僅需要多與東南亞國家合作，更需要為國留人育才。",
    ]);
    expect(doc.dropped).toEqual([
      { line: 3, reason: "running header" },
      { line: 5, reason: "page number" },
      { line: 8, reason: "running header" },
      { line: 9, reason: "page number" },
    ]);
  });

  it("drops photo captions with their wrapped line and inline photo references (004)", () => {
    const raw = [
      "對包機直航來訪的松本市展現深厚的友誼並行銷高雄。（照片 1） ",
      "照片 1：陳菊市長與首次包機訪高的日本松本市市長菅谷昭及議長犬飼信雄合",
      "",
      "影留念 ",
      " 二、提升公務環境品質 ",
    ].join("\n");
    expect(texts(raw)).toEqual(["對包機直航來訪的松本市展現深厚的友誼並行銷高雄。", "二、提升公務環境品質"]);
  });

  it("strips HTML list markup and bullets but keeps table cells (002)", () => {
    const raw =
      '- 一、推動姊妹市、國際友好城市之實質交流。\n(二)會計業務\t妥編預算\t<ol style="list-style-type: none"> 1.根據年度施政重點。 </ol>\t56\t';
    const lines = normaliseText(raw).lines;
    expect(lines.map((l) => [l.kind, l.text])).toEqual([
      ["bullet", "一、推動姊妹市、國際友好城市之實質交流。"],
      ["table", "(二)會計業務\t妥編預算\t1.根據年度施政重點。\t56\t"],
    ]);
  });

  it("marks ideographic-space headings (003) and keeps them apart", () => {
    const raw = "略。 \n\n\u3000因應市政趨勢 鼓勵研究創新 \n\n1.委託專題研究 ";
    const lines = normaliseText(raw).lines;
    expect(lines.map((l) => [l.text, l.marker])).toEqual([
      ["略。", false],
      ["因應市政趨勢 鼓勵研究創新", true],
      ["1.委託專題研究", false],
    ]);
  });

  it("handles empty text and CR/LF line ends", () => {
    expect(normaliseText("").lines).toEqual([]);
    expect(normaliseText("\r\n\r\n").originalLineCount).toBe(3);
    expect(texts("甲、乙。\r\n丙。")).toEqual(["甲、乙。", "丙。"]);
  });
});

function checkLineMap(raw: string, doc: NormalisedText): void {
  const count = doc.originalLineCount;
  let previousTo = 0;
  for (const line of doc.lines) {
    expect(line.from).toBeGreaterThanOrEqual(1);
    expect(line.to).toBeLessThanOrEqual(count);
    expect(line.from).toBeLessThanOrEqual(line.to);
    expect(line.from).toBeGreaterThan(previousTo);
    previousTo = line.to;
    let at = -1;
    for (const s of line.segments) {
      expect(s.at).toBeGreaterThan(at);
      expect(s.line).toBeGreaterThanOrEqual(line.from);
      expect(s.line).toBeLessThanOrEqual(line.to);
      at = s.at;
    }
  }
  expect(count).toBe(raw.split(/\r\n|\r|\n|\u2028|\u2029/u).length);
}

describe("normaliseText properties", () => {
  const pieces = fc.constantFrom(
    "一、",
    "(一)",
    "1.",
    "⑴",
    "，",
    "。",
    "：",
    " ",
    "\u3000",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "照片 1：",
    "4858",
    "<p>",
    "</p>",
    "- ",
    "高雄",
    "市政府各單位業務報告（秘書處）",
    "\uF9D1",
    "１２",
    "「",
    "」",
    "(",
    ")",
    "業務報告",
  );
  const docLike = fc
    .array(fc.oneof(pieces, fc.string({ maxLength: 6 })), { maxLength: 80 })
    .map((a) => a.join(""));

  it("never throws and keeps every line mapped to a valid, non-decreasing original range", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "grapheme", maxLength: 300 }),
          fc.string({ unit: "binary", maxLength: 200 }),
          docLike,
        ),
        (raw) => {
          checkLineMap(raw, normaliseText(raw));
        },
      ),
      { numRuns: 300 },
    );
  });
});
