import { describe, expect, it } from "vitest";
import {
  addDays,
  checkDueOffsets,
  currentPeriod,
  type CyclePeriod,
  DEFAULT_DUE_OFFSETS,
  dueDatesOf,
  isCalendarDay,
  periodContaining,
  periodKey,
  periodOf,
  parsePeriodKey,
  periodsBetween,
  spansOverlap,
  stepState,
} from "./cycles";

/** Midday in Taipei on a calendar day: 04:00 UTC, safely inside the day in both zones. */
const noonTaipei = (day: string) => new Date(`${day}T12:00:00+08:00`);

describe("periods", () => {
  it("builds months, quarters and halves with their real last days", () => {
    expect(periodOf("monthly", 2026, 2)).toEqual({
      cadence: "monthly",
      year: 2026,
      index: 2,
      from: "2026-02-01",
      to: "2026-02-28",
    });
    expect(periodOf("monthly", 2028, 2).to).toBe("2028-02-29");
    expect(periodOf("monthly", 2100, 2).to).toBe("2100-02-28"); // century, not a leap year
    expect(periodOf("quarterly", 2026, 4)).toMatchObject({ from: "2026-10-01", to: "2026-12-31" });
    expect(periodOf("quarterly", 2026, 2)).toMatchObject({ from: "2026-04-01", to: "2026-06-30" });
    expect(periodOf("half_yearly", 2026, 1)).toMatchObject({ from: "2026-01-01", to: "2026-06-30" });
    expect(periodOf("half_yearly", 2026, 2)).toMatchObject({ from: "2026-07-01", to: "2026-12-31" });
  });

  it("refuses indexes a cadence does not have", () => {
    expect(() => periodOf("quarterly", 2026, 5)).toThrow(RangeError);
    expect(() => periodOf("half_yearly", 2026, 0)).toThrow(RangeError);
    expect(() => periodOf("monthly", 2026, 1.5)).toThrow(RangeError);
    expect(() => periodOf("monthly", 1900, 1)).toThrow(RangeError);
  });

  it("finds the period containing a day, including Feb 29 and the edges", () => {
    expect(periodContaining("monthly", "2028-02-29")).toMatchObject({ index: 2, to: "2028-02-29" });
    expect(periodContaining("quarterly", "2028-02-29")).toMatchObject({ year: 2028, index: 1 });
    expect(periodContaining("quarterly", "2026-03-31").index).toBe(1);
    expect(periodContaining("quarterly", "2026-04-01").index).toBe(2);
    expect(periodContaining("half_yearly", "2026-06-30").index).toBe(1);
    expect(periodContaining("half_yearly", "2026-07-01").index).toBe(2);
  });

  it("refuses days that do not exist or are not days", () => {
    expect(() => periodContaining("monthly", "2027-02-29")).toThrow(RangeError);
    expect(() => periodContaining("monthly", "2026-13-01")).toThrow(RangeError);
    expect(() => periodContaining("monthly", "2026-4-1")).toThrow(RangeError);
    expect(() => periodContaining("monthly", "2026-04-31")).toThrow(RangeError);
  });

  it("lists periods across a year end", () => {
    expect(periodsBetween("quarterly", "2026-07-01", "2027-03-31").map(periodKey)).toEqual([
      "2026-Q3",
      "2026-Q4",
      "2027-Q1",
    ]);
    expect(periodsBetween("monthly", "2026-11-15", "2027-02-01").map(periodKey)).toEqual([
      "2026-M11",
      "2026-M12",
      "2027-M01",
      "2027-M02",
    ]);
    expect(periodsBetween("half_yearly", "2026-06-30", "2027-07-01").map(periodKey)).toEqual([
      "2026-H1",
      "2026-H2",
      "2027-H1",
      "2027-H2",
    ]);
  });

  it("includes the whole period a span starts in mid-quarter", () => {
    const [first, ...rest] = periodsBetween("quarterly", "2026-11-15", "2026-12-31");
    expect(first).toMatchObject({ year: 2026, index: 4, from: "2026-10-01", to: "2026-12-31" });
    expect(rest).toEqual([]);
    expect(periodsBetween("quarterly", "2026-05-20", "2026-05-20").map(periodKey)).toEqual(["2026-Q2"]);
  });

  it("refuses a reversed or malformed span and more than 600 periods", () => {
    expect(() => periodsBetween("quarterly", "2027-01-01", "2026-12-31")).toThrow(RangeError);
    expect(() => periodsBetween("quarterly", "2026-01-01", "2026-02-30")).toThrow(RangeError);
    expect(periodsBetween("monthly", "2000-01-01", "2049-12-31")).toHaveLength(600);
    expect(() => periodsBetween("monthly", "2000-01-01", "2050-01-01")).toThrow(RangeError);
    // Quarters over the same 50 years are fine: the limit counts periods, not years.
    expect(periodsBetween("quarterly", "2000-01-01", "2050-01-01")).toHaveLength(201);
  });

  it("stops at the last accepted year instead of building a period after it", () => {
    expect(periodsBetween("half_yearly", "2200-03-01", "2200-12-31").map(periodKey)).toEqual([
      "2200-H1",
      "2200-H2",
    ]);
  });
});

describe("currentPeriod (Taipei clock)", () => {
  it("is still 2026 Q4 at 23:30 on Dec 31 in Taipei and 2027 Q1 at 00:30", () => {
    expect(periodKey(currentPeriod("quarterly", new Date("2026-12-31T15:30:00Z")))).toBe("2026-Q4");
    expect(periodKey(currentPeriod("quarterly", new Date("2026-12-31T16:30:00Z")))).toBe("2027-Q1");
    expect(periodKey(currentPeriod("monthly", new Date("2026-12-31T16:30:00Z")))).toBe("2027-M01");
    expect(periodKey(currentPeriod("half_yearly", new Date("2026-06-30T16:00:00Z")))).toBe("2026-H2");
  });
});

describe("due dates", () => {
  it("crosses the year end: Q4 2026 + 10 days = 2027-01-10", () => {
    expect(dueDatesOf(periodOf("quarterly", 2026, 4), DEFAULT_DUE_OFFSETS)).toEqual({
      staff: "2027-01-10",
      supervisor: "2027-01-15",
      review: "2027-01-20",
      lateAfter: "2027-01-15",
    });
  });

  it("crosses month ends and counts Feb 29 in a leap year", () => {
    const offsets = { staffDays: 30, supervisorDays: 31, reviewDays: 60, graceDays: 1 };
    // Jan 2028 ends on the 31st; +30 days lands on Feb 29 only because 2028 is a leap year.
    expect(dueDatesOf(periodOf("monthly", 2028, 1), offsets)).toEqual({
      staff: "2028-03-01",
      supervisor: "2028-03-02",
      review: "2028-03-31",
      lateAfter: "2028-03-02",
    });
    expect(addDays("2028-01-31", 29)).toBe("2028-02-29");
    expect(addDays("2027-01-31", 29)).toBe("2027-03-01");
    // A February period ends on the 28th or 29th, and due dates follow.
    expect(dueDatesOf(periodOf("monthly", 2028, 2), DEFAULT_DUE_OFFSETS).staff).toBe("2028-03-10");
    expect(dueDatesOf(periodOf("monthly", 2027, 2), DEFAULT_DUE_OFFSETS).staff).toBe("2027-03-10");
    expect(dueDatesOf(periodOf("half_yearly", 2026, 1), DEFAULT_DUE_OFFSETS).staff).toBe("2026-07-10");
  });

  it("refuses to compute due dates from offsets the rules refuse", () => {
    expect(() =>
      dueDatesOf(periodOf("quarterly", 2026, 4), { ...DEFAULT_DUE_OFFSETS, staffDays: 20 }),
    ).toThrow(RangeError);
  });
});

describe("checkDueOffsets", () => {
  it("accepts the defaults and equal days", () => {
    expect(checkDueOffsets(DEFAULT_DUE_OFFSETS)).toBeNull();
    expect(checkDueOffsets({ staffDays: 0, supervisorDays: 0, reviewDays: 0, graceDays: 0 })).toBeNull();
    expect(checkDueOffsets({ staffDays: 90, supervisorDays: 90, reviewDays: 90, graceDays: 60 })).toBeNull();
  });

  it("refuses steps out of order", () => {
    expect(checkDueOffsets({ staffDays: 15, supervisorDays: 10, reviewDays: 20, graceDays: 5 })).toBe(
      "dueDatesOutOfOrder",
    );
    expect(checkDueOffsets({ staffDays: 10, supervisorDays: 25, reviewDays: 20, graceDays: 5 })).toBe(
      "dueDatesOutOfOrder",
    );
  });

  it("refuses days out of range or not whole", () => {
    const base = DEFAULT_DUE_OFFSETS;
    expect(checkDueOffsets({ ...base, staffDays: -1 })).toBe("dueDaysOutOfRange");
    expect(checkDueOffsets({ ...base, reviewDays: 91 })).toBe("dueDaysOutOfRange");
    expect(checkDueOffsets({ ...base, supervisorDays: 12.5 })).toBe("dueDaysOutOfRange");
    expect(checkDueOffsets({ ...base, staffDays: Number.NaN })).toBe("dueDaysOutOfRange");
    expect(checkDueOffsets({ ...base, graceDays: 61 })).toBe("dueDaysOutOfRange");
    expect(checkDueOffsets({ ...base, graceDays: -1 })).toBe("dueDaysOutOfRange");
  });
});

describe("stepState on each boundary day", () => {
  const q4: CyclePeriod = periodOf("quarterly", 2026, 4);
  const { staff, lateAfter } = dueDatesOf(q4, DEFAULT_DUE_OFFSETS); // 2027-01-10, 2027-01-15
  const at = (day: string) => stepState(q4, staff, lateAfter, noonTaipei(day));

  it("moves open → due → grace → overdue on Taipei days", () => {
    expect(at("2026-10-01")).toBe("open");
    expect(at("2026-12-31")).toBe("open");
    expect(at("2027-01-01")).toBe("due");
    expect(at("2027-01-10")).toBe("due");
    expect(at("2027-01-11")).toBe("grace");
    expect(at("2027-01-15")).toBe("grace");
    expect(at("2027-01-16")).toBe("overdue");
  });

  it("turns over at midnight in Taipei, not UTC", () => {
    expect(stepState(q4, staff, lateAfter, new Date("2026-12-31T15:59:59Z"))).toBe("open");
    expect(stepState(q4, staff, lateAfter, new Date("2026-12-31T16:00:00Z"))).toBe("due");
    expect(stepState(q4, staff, lateAfter, new Date("2027-01-15T15:59:59Z"))).toBe("grace");
    expect(stepState(q4, staff, lateAfter, new Date("2027-01-15T16:00:00Z"))).toBe("overdue");
  });

  it("goes straight from due to overdue with no grace", () => {
    const step = (day: string) => stepState(q4, "2027-01-10", "2027-01-10", noonTaipei(day));
    expect(step("2027-01-10")).toBe("due");
    expect(step("2027-01-11")).toBe("overdue");
  });
});

describe("spansOverlap", () => {
  const q1 = periodOf("quarterly", 2026, 1);
  const q2 = periodOf("quarterly", 2026, 2);

  it("counts a shared day as overlap, in either order", () => {
    const endingApr1 = { from: "2026-02-01", to: "2026-04-01" };
    expect(spansOverlap(endingApr1, q2)).toBe(true);
    expect(spansOverlap(q2, endingApr1)).toBe(true);
    expect(spansOverlap({ from: "2026-03-31", to: "2026-03-31" }, q1)).toBe(true);
  });

  it("does not count adjacent periods as overlapping", () => {
    expect(spansOverlap(q1, q2)).toBe(false);
    expect(spansOverlap(q2, q1)).toBe(false);
    expect(spansOverlap(periodOf("quarterly", 2026, 4), periodOf("quarterly", 2027, 1))).toBe(false);
  });

  it("sees containment and far-apart spans", () => {
    expect(spansOverlap(periodOf("half_yearly", 2026, 1), periodOf("monthly", 2026, 3))).toBe(true);
    expect(
      spansOverlap({ from: "2013-01-01", to: "2013-12-31" }, { from: "2023-01-01", to: "2026-12-31" }),
    ).toBe(false);
  });
});

describe("periodKey", () => {
  it("is stable and sorts within a cadence", () => {
    expect(periodKey(periodOf("quarterly", 2026, 4))).toBe("2026-Q4");
    expect(periodKey(periodOf("monthly", 2026, 3))).toBe("2026-M03");
    expect(periodKey(periodOf("half_yearly", 2026, 2))).toBe("2026-H2");
    const keys = periodsBetween("monthly", "2026-01-01", "2027-12-31").map(periodKey);
    expect([...keys].sort()).toEqual(keys);
  });
});

describe("parsePeriodKey", () => {
  it("reads back every key periodKey writes", () => {
    for (const cadence of ["monthly", "quarterly", "half_yearly"] as const) {
      for (const period of periodsBetween(cadence, "2026-01-01", "2027-12-31")) {
        expect(parsePeriodKey(periodKey(period))).toEqual(period);
      }
    }
  });

  it("refuses anything else", () => {
    for (const key of [
      "",
      "2026-Q5",
      "2026-Q0",
      "2026-M13",
      "2026-M3",
      "2026-H3",
      "1911-Q1",
      "2026-q4",
      " 2026-Q4",
    ]) {
      expect(parsePeriodKey(key)).toBeNull();
    }
  });
});

describe("isCalendarDay", () => {
  it.each([
    ["2026-12-31", true],
    ["2028-02-29", true], // a leap day
    ["2027-02-29", false], // not a leap year
    ["2026-13-01", false],
    ["2026-1-1", false],
    ["31/12/2026", false],
    ["", false],
  ] as const)("%j → %s", (value, ok) => {
    expect(isCalendarDay(value)).toBe(ok);
  });
});
