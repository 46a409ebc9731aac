import { describe, expect, it } from "vitest";
import { covers, planCoversYear, planYears, type PlanYearsInput, yearsOf } from "./plan-years";

const plan = (rocYearFrom: number | null, rocYearTo: number | null): PlanYearsInput => ({
  rocYearFrom,
  rocYearTo,
});

describe("which plans cover a year", () => {
  it("a one-year plan (102 年度) covers 2013 only", () => {
    expect(planYears(plan(102, 102))).toEqual({ from: 2013, to: 2013 });
    expect([2012, 2013, 2014].map((y) => planCoversYear(plan(102, 102), y))).toEqual([false, true, false]);
  });

  it("a four-year plan (112 至 115 年度) covers each of its years and none around them", () => {
    const midTerm = plan(112, 115);
    expect(yearsOf(planYears(midTerm))).toEqual([2023, 2024, 2025, 2026]);
    expect(planCoversYear(midTerm, 2022)).toBe(false);
    expect(planCoversYear(midTerm, 2023)).toBe(true);
    expect(planCoversYear(midTerm, 2026)).toBe(true);
    expect(planCoversYear(midTerm, 2027)).toBe(false);
  });

  it("a plan with no end year covers its first year alone, everywhere alike", () => {
    expect(planYears(plan(107, null))).toEqual({ from: 2018, to: 2018 });
    expect(planCoversYear(plan(107, null), 2018)).toBe(true);
    expect(planCoversYear(plan(107, null), 2019)).toBe(false);
  });

  it("a plan with only an end year covers that year", () => {
    expect(planYears(plan(null, 107))).toEqual({ from: 2018, to: 2018 });
  });

  it("reads a range printed backwards forwards", () => {
    expect(planYears(plan(115, 112))).toEqual({ from: 2023, to: 2026 });
  });

  it("falls back to the period dates only when no ROC year is printed", () => {
    const dated = {
      ...plan(null, null),
      periodFrom: new Date("2019-07-01T00:00:00Z"),
      periodTo: new Date("2020-06-30T00:00:00Z"),
    };
    expect(planYears(dated)).toEqual({ from: 2019, to: 2020 });
    expect(planYears({ ...dated, rocYearFrom: 110 })).toEqual({ from: 2021, to: 2021 });
  });

  it("a document with no years covers none", () => {
    expect(planYears(plan(null, null))).toBeNull();
    expect(covers(null, 2018)).toBe(false);
    expect(yearsOf(null)).toEqual([]);
  });
});
