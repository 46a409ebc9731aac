import { describe, expect, it } from "vitest";
import {
  assertCouncilYear,
  covers,
  periodEnd,
  periodStart,
  planYears,
  reportYear,
  yearsOf,
  type PlanYearsInput,
  type ReportYearInput,
} from "./periods";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const noDates = { rocYearFrom: null, rocYearTo: null, periodFrom: null, periodTo: null };

describe("period bounds", () => {
  it.each([
    [2017, "2017-01-01", "2017-12-31"],
    [2024, "2024-01-01", "2024-12-31"],
  ])("%i runs from %s to %s (UTC, as DATE columns arrive)", (year, start, end) => {
    expect(periodStart(year)).toEqual(day(start));
    expect(periodEnd(year)).toEqual(day(end));
  });

  it.each([2017, 1912, 2200])("accepts %s", (year) => {
    expect(() => assertCouncilYear(year)).not.toThrow();
  });
  it.each([106, 2017.5, Number.NaN, 1899, 1911, 2201])("refuses %s", (year) => {
    expect(() => assertCouncilYear(year)).toThrow(RangeError);
  });
});

describe("planYears: the years a plan covers", () => {
  it.each<[string, PlanYearsInput, { from: number; to: number } | null]>([
    ["seed 000, 102 年度", { ...noDates, rocYearFrom: 102, rocYearTo: 102 }, { from: 2013, to: 2013 }],
    ["seed 001, 112 至 115 年度", { ...noDates, rocYearFrom: 112, rocYearTo: 115 }, { from: 2023, to: 2026 }],
    ["only the first year printed", { ...noDates, rocYearFrom: 107 }, { from: 2018, to: 2018 }],
    ["a range printed backwards", { ...noDates, rocYearFrom: 115, rocYearTo: 112 }, { from: 2023, to: 2026 }],
    [
      "no ROC years: the period dates",
      { ...noDates, periodFrom: day("2019-07-01"), periodTo: day("2020-06-30") },
      { from: 2019, to: 2020 },
    ],
    ["no period at all", noDates, null],
  ])("%s", (_, doc, expected) => {
    expect(planYears(doc)).toEqual(expected);
  });
});

describe("reportYear: the period a council report belongs to", () => {
  it.each<[string, ReportYearInput, number | null]>([
    [
      "seed 004: its period ends 2017-07-31 (presented 2017-10-18)",
      { periodTo: day("2017-07-31"), presentedOn: day("2017-10-18"), rocYearTo: 106 },
      2017,
    ],
    [
      "a period ending in December presented the next spring",
      { periodTo: day("2017-12-31"), presentedOn: day("2018-03-20"), rocYearTo: 106 },
      2017,
    ],
    [
      "seed 003: no period, presented 2012-10-22",
      { periodTo: null, presentedOn: day("2012-10-22"), rocYearTo: 101 },
      2012,
    ],
    ["no dates: the ROC year", { periodTo: null, presentedOn: null, rocYearTo: 101 }, 2012],
    ["nothing to go by", { periodTo: null, presentedOn: null, rocYearTo: null }, null],
  ])("%s", (_, doc, expected) => {
    expect(reportYear(doc)).toBe(expected);
  });
});

describe("covers and yearsOf", () => {
  const span = { from: 2023, to: 2026 };
  it.each([
    [2022, false],
    [2023, true],
    [2025, true],
    [2026, true],
    [2027, false],
  ])("2023–2026 covers %i: %s", (year, expected) => {
    expect(covers(span, year)).toBe(expected);
  });
  it("nothing covers anything when there is no span", () => {
    expect(covers(null, 2023)).toBe(false);
    expect(yearsOf(null)).toEqual([]);
  });
  it("lists every year of a span", () => {
    expect(yearsOf(span)).toEqual([2023, 2024, 2025, 2026]);
    expect(yearsOf({ from: 2018, to: 2018 })).toEqual([2018]);
  });
});
