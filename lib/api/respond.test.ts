import { describe, expect, it } from "vitest";
import { cachedResponse, etagMatches, wantsCsv, weakEtag } from "./respond";

const request = (headers: Record<string, string> = {}, method = "GET") =>
  new Request("http://portal.test/api/v1/nodes", { headers, method });

describe("weakEtag", () => {
  it("is a weak tag that changes with the body", () => {
    expect(weakEtag("a")).toMatch(/^W\/"[\w-]{32}"$/u);
    expect(weakEtag("a")).toBe(weakEtag("a"));
    expect(weakEtag("a")).not.toBe(weakEtag("b"));
  });
});

describe("etagMatches", () => {
  const tag = 'W/"abc"';
  it.each([
    ['W/"abc"', true],
    ['"abc"', true], // weak comparison ignores W/
    ['"x", W/"abc"', true],
    ["*", true],
    ['"abcd"', false],
    ["", false],
  ])("If-None-Match %s → %s", (header, expected) => {
    expect(etagMatches(header, tag)).toBe(expected);
  });
  it("is false without the header", () => {
    expect(etagMatches(null, tag)).toBe(false);
  });
});

describe("wantsCsv", () => {
  it.each([
    [{}, undefined, false],
    [{ accept: "text/csv" }, undefined, true],
    [{ accept: "text/csv" }, "json", false],
    [{}, "csv", true],
    [{ accept: "application/json, text/csv;q=0.5" }, undefined, false],
    [{ accept: "application/json;q=0.5, text/csv" }, undefined, true],
    [{ accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" }, undefined, false],
    [{ accept: "text/csv;q=0" }, undefined, false],
  ] as const)("%j with format %s → %s", (headers, format, expected) => {
    expect(wantsCsv(request(headers), format)).toBe(expected);
  });
});

describe("cachedResponse", () => {
  it("answers 200 with caching and CORS headers, then 304 without a body for the same tag", async () => {
    const first = cachedResponse(request(), '{"data":[]}', "application/json; charset=utf-8");
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("public, max-age=60, stale-while-revalidate=300");
    expect(first.headers.get("access-control-allow-origin")).toBe("*");
    const etag = first.headers.get("etag") ?? "";
    const second = cachedResponse(request({ "if-none-match": etag }), '{"data":[]}', "application/json");
    expect(second.status).toBe(304);
    expect(await second.text()).toBe("");
    expect(second.headers.get("etag")).toBe(etag);
  });

  it("sends headers but no body to HEAD", async () => {
    const head = cachedResponse(request({}, "HEAD"), "body", "text/plain");
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect(head.headers.get("etag")).toBe(weakEtag("body"));
  });
});
