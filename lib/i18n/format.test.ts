import { describe, expect, it } from "vitest";
import { formatDate, formatYear, formatYearRange } from "./format";

describe("dates in both calendars", () => {
  it.each([
    ["zh-Hant", 2023, "民國 112 年（2023）"],
    ["en", 2023, "2023 (ROC 112)"],
  ] as const)("%s year %d", (locale, year, expected) => {
    expect(formatYear(locale, year)).toBe(expected);
  });

  it.each([
    ["zh-Hant", 2023, 2026, "民國 112–115 年（2023–2026）"],
    ["en", 2023, 2026, "2023–2026 (ROC 112–115)"],
    ["zh-Hant", 2018, 2018, "民國 107 年（2018）"],
    ["en", null, null, "—"],
  ] as const)("%s range %s–%s", (locale, from, to, expected) => {
    expect(formatYearRange(locale, from, to)).toBe(expected);
  });

  it.each([
    ["zh-Hant", "2017-10-18", "民國 106 年 10 月 18 日（2017-10-18）"],
    ["en", "2017-10-18", "18 Oct 2017"],
    ["en", null, "—"],
  ] as const)("%s date %s", (locale, iso, expected) => {
    expect(formatDate(locale, iso)).toBe(expected);
  });
});
