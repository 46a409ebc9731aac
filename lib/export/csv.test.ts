import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("csvCell", () => {
  it.each([
    ["加強與國際友好城市交流", "加強與國際友好城市交流"],
    ["a,b", '"a,b"'],
    ['他說"好"', '"他說""好"""'],
    ["line\nbreak", '"line\nbreak"'],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ["+886", "'+886"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    [null, ""],
    [undefined, ""],
  ] as const)("%j → %s", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("leaves numbers as numbers, negative ones included", () => {
    expect(csvCell(-12.5)).toBe("-12.5");
    expect(csvCell(330433)).toBe("330433");
  });
});

describe("toCsv", () => {
  it("starts with a BOM and ends every row with CRLF", () => {
    expect(toCsv(["id", "title"], [[1, "秘書處"]])).toBe("\uFEFFid,title\r\n1,秘書處\r\n");
  });
});
