import { describe, expect, it } from "vitest";
import { parseSearchInput, SEARCH_ERROR_MESSAGES, SEARCH_MAX_LENGTH, type SearchErrorCode } from "./schemas";

describe("parseSearchInput: the text", () => {
  it.each<[Record<string, unknown>, SearchErrorCode]>([
    [{}, "search.empty"],
    [{ q: "" }, "search.empty"],
    [{ q: "   \u3000 " }, "search.empty"],
    [{ q: "！？。，" }, "search.noWords"],
    [{ q: "「」" }, "search.noWords"],
    [{ q: '""' }, "search.noWords"],
    [{ q: "🚇🚇" }, "search.noWords"],
    [{ q: "捷".repeat(SEARCH_MAX_LENGTH + 1) }, "search.tooLong"],
    [{ q: 42 }, "search.empty"],
  ])("%j → %s", (params, code) => {
    const parsed = parseSearchInput(params);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe(code);
    expect(parsed.error.messages).toEqual({
      "zh-Hant": SEARCH_ERROR_MESSAGES["zh-Hant"][code],
      en: SEARCH_ERROR_MESSAGES.en[code],
    });
  });

  it.each([
    ["捷運", "捷運"],
    ["  捷运 ", "捷运"],
    ["ＭｅＮＧｏ", "MeNGo"], // NFKC
    ["捷".repeat(SEARCH_MAX_LENGTH), "捷".repeat(SEARCH_MAX_LENGTH)],
    ["𠀋".repeat(SEARCH_MAX_LENGTH), "𠀋".repeat(SEARCH_MAX_LENGTH)], // counted in characters, not UTF-16 units
  ])("accepts %s", (q, text) => {
    const parsed = parseSearchInput({ q });
    expect(parsed.ok && parsed.input.q).toBe(text);
  });
});

describe("parseSearchInput: filters and paging", () => {
  it("reads the filters, the first value of a repeated parameter", () => {
    const parsed = parseSearchInput({
      q: ["捷運", "輕軌"],
      kind: "agenda_item",
      department: "mass-rapid-transit",
      year: "2013",
      status: "no_update",
      page: "2",
      size: "50",
    });
    expect(parsed).toEqual({
      ok: true,
      input: {
        q: "捷運",
        kind: "agenda_item",
        department: "mass-rapid-transit",
        year: 2013,
        status: "no_update",
        page: 2,
        size: 50,
      },
    });
  });

  it("drops a malformed filter instead of failing, and clamps paging to the defaults", () => {
    const parsed = parseSearchInput({
      q: "捷運",
      kind: "nonsense",
      department: "DROP TABLE",
      year: "twenty",
      status: "late",
      page: "-3",
      size: "5000",
    });
    expect(parsed).toEqual({ ok: true, input: { q: "捷運", page: 1, size: 20 } });
  });
});
