import { describe, expect, it } from "vitest";
import {
  currentTaipeiQuarter,
  currentTaipeiYear,
  hasPeriodBegun,
  startOfTaipeiDay,
  taipeiDay,
  taipeiToday,
  toTaipeiIso,
} from "./time";

describe("the city's clock (Asia/Taipei)", () => {
  it("gives an instant's Taipei calendar day, not its UTC day", () => {
    expect(taipeiDay(new Date("2026-11-28T15:59:59Z"))).toBe("2026-11-28");
    expect(taipeiDay(new Date("2026-11-28T17:30:00Z"))).toBe("2026-11-29");
    expect(taipeiToday(new Date("2026-11-28T16:00:00Z"))).toBe("2026-11-29");
  });

  it("starts a Taipei day at midnight there, where taipeiDay turns over", () => {
    const start = startOfTaipeiDay("2027-01-11");
    expect(start.toISOString()).toBe("2027-01-10T16:00:00.000Z");
    expect(taipeiDay(start)).toBe("2027-01-11");
    expect(taipeiDay(new Date(start.getTime() - 1))).toBe("2027-01-10");
    expect(() => startOfTaipeiDay("2027-13-01")).toThrow(RangeError);
  });

  it("turns the quarter and the year over at midnight in Taipei", () => {
    // 2026-12-31 23:30 in Taipei
    expect(currentTaipeiQuarter(new Date("2026-12-31T15:30:00Z"))).toEqual({ year: 2026, quarter: 4 });
    expect(currentTaipeiYear(new Date("2026-12-31T15:30:00Z"))).toBe(2026);
    // 2027-01-01 00:30 in Taipei, still 2026 in UTC
    expect(currentTaipeiQuarter(new Date("2026-12-31T16:30:00Z"))).toEqual({ year: 2027, quarter: 1 });
    expect(currentTaipeiYear(new Date("2026-12-31T16:30:00Z"))).toBe(2027);
    expect(currentTaipeiQuarter(new Date("2026-06-30T16:00:00Z"))).toEqual({ year: 2026, quarter: 3 });
  });

  it("says a period has begun once its first day has started in Taipei", () => {
    const q1 = new Date(Date.UTC(2027, 0, 1)); // a DATE column: UTC midnight
    expect(hasPeriodBegun(q1, new Date("2026-12-31T15:59:00Z"))).toBe(false);
    expect(hasPeriodBegun(q1, new Date("2026-12-31T16:00:00Z"))).toBe(true);
    expect(hasPeriodBegun(q1, new Date("2027-03-01T00:00:00Z"))).toBe(true);
  });

  it("writes ISO 8601 with the +08:00 offset for the same instant", () => {
    const iso = toTaipeiIso(new Date("2026-11-28T20:59:07.500Z"));
    expect(iso).toBe("2026-11-29T04:59:07+08:00");
    expect(new Date(iso).getTime()).toBe(new Date("2026-11-28T20:59:07Z").getTime());
    expect(toTaipeiIso(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01T00:00:00+08:00");
  });
});
