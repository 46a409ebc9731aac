import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";
import { CsvSyntaxError, parseCsv } from "./csv-parse";

describe("parseCsv", () => {
  it.each([
    [
      "plain cells",
      "a,b\r\n1,2\r\n",
      [
        ["a", "b"],
        ["1", "2"],
      ],
    ],
    [
      "LF line ends and no final newline",
      "a,b\n1,2",
      [
        ["a", "b"],
        ["1", "2"],
      ],
    ],
    [
      "quotes, commas and newlines inside a cell",
      'x,"辦理, ""公文""\n線上簽核"\n',
      [["x", '辦理, "公文"\n線上簽核']],
    ],
    ["a byte-order mark", "\uFEFFnode_id\n1\n", [["node_id"], ["1"]]],
    ["empty cells", "a,,c\n", [["a", "", "c"]]],
    ["trailing empty lines from a spreadsheet", "a\n1\n\n,,\n", [["a"], ["1"]]],
  ])("reads %s", (_name, text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it("round-trips what toCsv writes, formula-protected cells included", () => {
    const rows = [["=SUM(A1)", "-3 件", '高雄 "港"', "多\n行"]];
    expect(parseCsv(toCsv(["a", "b", "c", "d"], rows))).toEqual([["a", "b", "c", "d"], ...rows]);
  });

  it("names the line of an unclosed quote", () => {
    expect(() => parseCsv('a\n"unclosed,\nmore')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a\n"unclosed,\nmore')).toThrow(/line 2/u);
  });
});
