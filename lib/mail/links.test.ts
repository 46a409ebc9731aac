import { afterEach, describe, expect, it, vi } from "vitest";
import { portalLink, shortItemTitle } from "./links";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("what every e-mail about an item shares", () => {
  it("links to the portal's public address, with or without its trailing slash", () => {
    vi.stubEnv("NEXTAUTH_URL", "https://tracker.kcg.example/");
    expect(portalLink("/staff/items/7")).toBe("https://tracker.kcg.example/staff/items/7");
    vi.stubEnv("NEXTAUTH_URL", "https://tracker.kcg.example");
    expect(portalLink("/review#reviews")).toBe("https://tracker.kcg.example/review#reviews");
  });

  it("names an item by its number and at most 40 characters of its title, marking a cut", () => {
    expect(shortItemTitle({ numberLabel: "(三)", title: "推動環狀輕軌" })).toBe("(三) 推動環狀輕軌");
    expect(shortItemTitle({ numberLabel: null, title: "推動環狀輕軌" })).toBe("推動環狀輕軌");
    const long = "一".repeat(41);
    expect(shortItemTitle({ numberLabel: "1.", title: long })).toBe(`1. ${"一".repeat(40)}…`);
    expect(shortItemTitle({ numberLabel: null, title: "一".repeat(40) })).toBe("一".repeat(40));
  });
});
