import { describe, expect, it } from "vitest";
import { compileQuery, isEmptyQuery } from "./compile";

describe("compileQuery", () => {
  it.each([
    // query, required lexemes, words that may also be substrings, phrases
    ["捷運", "'捷运'", [], []],
    ["捷运", "'捷运'", [], []],
    ["捷運 輕軌", "'捷运' & '轻轨'", [], []],
    ["1999", "'1999'", [], []],
    // Three characters or more: also found inside 高雄市|政府, which the segmenter cut differently.
    ["市政府", null, [{ lexeme: "'市政府'", substrings: ["市政府"] }], []],
    // An abbreviation also finds its long forms.
    ["長照", null, [{ lexeme: "'长照'", substrings: ["长期照顾", "长期照护"] }], []],
    ['"社會住宅"', null, [], ["社会住宅"]],
    ["「社會住宅」 捷運", "'捷运'", [], ["社会住宅"]],
    ["“1999 萬事通”", null, [], ["1999万事通"]],
    ["『话务中心』『話務中心』", null, [], ["话务中心"]],
  ])("%s", (query, lexemes, flexible, phrases) => {
    const q = compileQuery(query);
    expect(q.lexemes).toBe(lexemes);
    expect(q.flexible).toEqual(flexible);
    expect(q.phrases).toEqual(phrases);
  });

  // The abbreviation table is a plain object: a word naming a prototype member once threw (a 500).
  it.each([
    ["constructor", "constructor"],
    ["__proto__", "proto"],
    ["toString", "tostring"],
    ["hasOwnProperty", "hasownproperty"],
  ])("compiles %s as an ordinary word", (query, word) => {
    const q = compileQuery(query);
    expect(q.words).toEqual([word]);
    expect(q.flexible).toEqual([]);
    expect(q.lexemes).toBe(`'${word}'`);
  });

  it("ranks on every word, its parts and the phrases' words", () => {
    expect(compileQuery("市政府").rank).toBe("'市政府' | '市政' | '政府'");
    expect(compileQuery('"社會住宅" 捷運').rank).toBe("'捷运' | '社会' | '住宅'");
  });

  it("highlights phrases and long forms before the words inside them", () => {
    expect(compileQuery("長照").highlight).toEqual(["长期照顾", "长期照护", "长照"]);
    expect(compileQuery("「社會住宅」 住宅").highlight).toEqual(["社会住宅", "住宅"]);
  });

  it("gives the whole query, without quotes, for the title bonus", () => {
    expect(compileQuery("「捷運」 工程").whole).toBe("捷运工程");
  });

  it("treats an unbalanced quote as punctuation", () => {
    expect(compileQuery('"捷運').lexemes).toBe("'捷运'");
  });

  it.each(['""', "「」", "「，」", "！？"])("has nothing to search in %s", (query) => {
    expect(isEmptyQuery(compileQuery(query))).toBe(true);
  });
});
