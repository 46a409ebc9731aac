import { describe, expect, it } from "vitest";
import { entryVector, vectorLiteral, vectorOf } from "./vector";

describe("vectorLiteral", () => {
  it("numbers lexemes in order, one position each, with the part's weight", () => {
    expect(
      vectorLiteral([
        { weight: "A", lexemes: ["捷运", "工程"] },
        { weight: "B", lexemes: ["捷运"] },
      ]),
    ).toBe("'捷运':1A,3B '工程':2A");
  });

  it("quotes what PostgreSQL's literal syntax needs quoted", () => {
    expect(vectorLiteral([{ weight: "B", lexemes: ["o'k", "a\\b"] }])).toBe("'o''k':1B 'a\\\\b':2B");
  });

  it("keeps within PostgreSQL's limits: positions up to 16383, 256 per lexeme", () => {
    const many = vectorLiteral([{ weight: "B", lexemes: Array.from({ length: 20_000 }, () => "的") }]);
    const positions = many.split(":")[1]?.split(",") ?? [];
    expect(positions).toHaveLength(256);
    const long = vectorOf([{ weight: "B", lexemes: Array.from({ length: 20_000 }, (_, i) => `w${i}`) }]);
    expect(long.literal).toContain("'w19999':16383B");
    expect(long.length).toBe(20_000); // as PostgreSQL counts it: one position per lexeme
  });
});

describe("entryVector", () => {
  it("weighs a real title A, the body B, pairs inside long words C and the department D", () => {
    // The outline's policy area 十七、捷運工程 of the MRT bureau, in search form.
    expect(entryVector({ title: "捷运工程", body: "高雄市捷运", context: "捷运工程局" })).toEqual({
      literal: "'捷运':1A,4B,7D '工程':2A,8D '高雄市':3B '高雄':5C '雄市':6C '工程局':9D",
      length: 9,
    });
  });

  it("has no title part when the title is a cut of the body", () => {
    expect(entryVector({ title: null, body: "捷运", context: "" })).toEqual({
      literal: "'捷运':1B",
      length: 1,
    });
  });
});
