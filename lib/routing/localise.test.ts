import { describe, expect, it } from "vitest";
import { localisedPath } from "./localise";
import { itemsListing, readQuerySegments } from "./query-pages";

const rewrite = (path: string, cookie?: string) => {
  const url = new URL(path, "http://portal.test");
  return localisedPath(url.pathname, url.searchParams, cookie);
};

describe("localisedPath: public URL → internal [locale] path", () => {
  it.each([
    ["/", undefined, "/zh-Hant"],
    ["/plans", undefined, "/zh-Hant/plans"],
    ["/plans", "en", "/en/plans"],
    ["/plans", "fr", "/zh-Hant/plans"],
    ["/nodes/36", "zh-Hant", "/zh-Hant/nodes/36"],
    ["/documents/3/source?from=10&to=12", undefined, "/zh-Hant/documents/3/source?from=10&to=12"],
  ])("%s with cookie %s → %s", (path, cookie, expected) => {
    const target = rewrite(path, cookie);
    expect(target && `${target.pathname}${target.search}`).toBe(expected);
  });

  it("leaves an already internal path alone", () => {
    expect(rewrite("/en/plans", "zh-Hant")).toBeNull();
  });

  it.each([
    ["/items", "/zh-Hant/items"],
    ["/items?year=2013&status=delayed", "/zh-Hant/items/year/2013/status/delayed"],
    // canonical order and defaults dropped: one cached page per distinct listing
    ["/items?status=delayed&year=2013&sort=document&page=1", "/zh-Hant/items/year/2013/status/delayed"],
    // junk and malformed values cannot make new cache entries
    ["/items?utm_source=x&year=abc&department=../etc", "/zh-Hant/items"],
    ["/budgets?year=2018&department=secretariat", "/zh-Hant/budgets/department/secretariat/year/2018"],
    ["/en/budgets?year=2018", "/en/budgets/year/2018"],
  ])("canonicalises the listing %s → %s", (path, expected) => {
    expect(rewrite(path)?.pathname).toBe(expected);
  });

  it("keeps Next's router parameter through the rewrite", () => {
    expect(rewrite("/items?year=2013&_rsc=abc")).toEqual({
      pathname: "/zh-Hant/items/year/2013",
      search: "?_rsc=abc",
    });
  });
});

describe("readQuerySegments", () => {
  it.each([
    [[], {}],
    [["year", "2013"], { year: 2013 }],
    [["year", "2013", "status", "delayed"], { year: 2013, status: "delayed" }],
  ])("reads the canonical %j", (segments, expected) => {
    expect(readQuerySegments(itemsListing, segments)).toMatchObject(expected);
  });

  it.each([
    [["year"]], // odd: a key without a value
    [["status", "delayed", "year", "2013"]], // not canonical order
    [["year", "abc"]], // malformed value (would fall back to defaults)
    [["page", "1"]], // a default spelled out
    [["year", "2013", "year", "2014"]],
  ])("refuses the non-canonical %j", (segments) => {
    expect(readQuerySegments(itemsListing, segments)).toBeNull();
  });
});
