import { describe, expect, it } from "vitest";
import { formatYearRange } from "./years";

describe("formatYearRange", () => {
  it.each([
    [2013, 2013, "民國 102 年（2013）"],
    [2023, 2026, "民國 112–115 年（2023–2026）"],
    [2018, null, "民國 107 年（2018）"],
    [null, null, "—"],
  ])("%s–%s → %s", (from, to, expected) => {
    expect(formatYearRange(from, to)).toBe(expected);
  });
});
