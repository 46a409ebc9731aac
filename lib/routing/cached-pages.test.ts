import { describe, expect, it } from "vitest";
import { config } from "@/proxy";
import { CACHED_PAGES } from "./cached-pages";

// Next compiles the matcher with path-to-regexp; the single pattern here is a plain regex group.
const pattern = config.matcher[0] as string;
const proxyRuns = (path: string) => new RegExp(`^${pattern.replace("/(", "/(?:")}$`, "u").test(path);
const example = (source: string) => source.replace(":slug", "secretariat").replace(":id", "36");

describe("who rewrites which page to its [locale] path", () => {
  it.each(CACHED_PAGES.map((p) => [example(p)]))("next.config, not the proxy, for %s", (path) => {
    expect(proxyRuns(path)).toBe(false);
  });

  it.each([
    ["/items"],
    ["/budgets"],
    ["/search"],
    ["/documents/3/source"],
    ["/staff"],
    ["/staff/items/12"],
    ["/admin/audit"],
    ["/council/departments/secretariat"],
    ["/sign-in"],
    ["/no-such-page"],
  ])("the proxy for %s", (path) => {
    expect(proxyRuns(path)).toBe(true);
  });

  it.each([["/api/v1/nodes"], ["/_next/static/x.js"], ["/feeds/progress"], ["/lang"], ["/icon.svg"]])(
    "nobody for %s",
    (path) => {
      expect(proxyRuns(path)).toBe(false);
    },
  );
});
