import { describe, expect, it } from "vitest";
import { itemsQueryString, parseItemsQuery } from "./items-query";

describe("items listing parameters", () => {
  it("reads filters, sort and paging from the URL", () => {
    expect(
      parseItemsQuery({
        year: "2013",
        department: "secretariat",
        kind: "agenda_item",
        status: "no_update",
        sort: "status",
        page: "2",
        size: "20",
      }),
    ).toEqual({
      year: 2013,
      department: "secretariat",
      kind: "agenda_item",
      status: "no_update",
      sort: "status",
      page: 2,
      size: 20,
    });
  });

  it("falls back to no filter for malformed values instead of failing", () => {
    expect(
      parseItemsQuery({
        year: "abc",
        department: "../etc",
        kind: "budget",
        status: "done",
        sort: "x",
        page: "-3",
        size: "7",
      }),
    ).toEqual({
      year: undefined,
      department: undefined,
      kind: undefined,
      status: undefined,
      sort: "document",
      page: 1,
      size: 50,
    });
  });

  it("writes short, stable permalinks without the defaults", () => {
    expect(itemsQueryString(parseItemsQuery({}))).toBe("");
    expect(itemsQueryString({ ...parseItemsQuery({ year: "2013" }), page: 3 })).toBe("?year=2013&page=3");
  });
});
