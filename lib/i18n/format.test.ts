import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDay, formatShare, formatYear, formatYearRange } from "./format";

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

describe("instants in Taipei time", () => {
  // 17:30 UTC on 28 Nov is 01:30 on 29 Nov in Taipei: the UTC day would be a day early.
  const acrossMidnight = new Date("2026-11-28T17:30:00Z");

  it.each([
    ["zh-Hant", "民國 115 年 11 月 29 日 01:30"],
    ["en", "29 Nov 2026, 01:30"],
  ] as const)("%s date-time across the UTC day boundary", (locale, expected) => {
    expect(formatDateTime(locale, acrossMidnight)).toBe(expected);
  });

  it.each([
    ["zh-Hant", "民國 115 年 11 月 29 日（2026-11-29）"],
    ["en", "29 Nov 2026"],
  ] as const)("%s day of an instant across the UTC day boundary", (locale, expected) => {
    expect(formatDay(locale, acrossMidnight)).toBe(expected);
    expect(formatDay(locale, acrossMidnight.toISOString())).toBe(expected);
  });

  it("shows midnight as 00:00 and a missing instant as a dash", () => {
    expect(formatDateTime("en", new Date("2026-12-31T16:00:00Z"))).toBe("1 Jan 2027, 00:00");
    expect(formatDateTime("zh-Hant", null)).toBe("—");
    expect(formatDay("en", null)).toBe("—");
  });
});

describe("shares", () => {
  it.each([
    [2 / 3, "66.7%"],
    [1, "100%"],
    [0, "0%"],
    [0.0004, "0%"],
    [null, "—"],
  ] as const)("%s → %s", (share, expected) => {
    expect(formatShare("zh-Hant", share)).toBe(expected);
    expect(formatShare("en", share)).toBe(expected);
  });
});
