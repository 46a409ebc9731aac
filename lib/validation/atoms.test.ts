import { describe, expect, it } from "vitest";
import { workspaceEn, workspaceZhHant } from "@/lib/i18n/workspace-messages";
import {
  departmentFilter,
  departmentSlug,
  gregorianYear,
  gregorianYearText,
  isDepartmentSlug,
  percent,
  period,
  quarter,
  rocYear,
  yearFilter,
} from "./atoms";

const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues[0]?.message;

describe("field atoms", () => {
  it.each(["secretariat", "research-development-evaluation", "a1"])("accepts the slug %s", (slug) => {
    expect(isDepartmentSlug(slug)).toBe(true);
    expect(departmentSlug().safeParse(slug).success).toBe(true);
  });

  it.each(["", "../etc", "Secretariat", "秘書處", "a".repeat(81)])(
    "refuses the slug %j with a key",
    (slug) => {
      expect(isDepartmentSlug(slug)).toBe(false);
      expect(messageOf(departmentSlug().safeParse(slug))).toBe("department");
    },
  );

  it("lets the API give its own sentence", () => {
    expect(messageOf(departmentSlug("must be a department slug").safeParse("X"))).toBe(
      "must be a department slug",
    );
  });

  it.each([1912, 2013, 2200])("accepts the year %s", (year) => {
    expect(gregorianYear().safeParse(year).success).toBe(true);
    expect(gregorianYearText().safeParse(String(year)).data).toBe(year);
  });

  it.each([1911, 1900, 2201, 2013.5, 102])(
    "refuses the year %s (before 民國元年, after 2200 or not whole)",
    (year) => {
      expect(messageOf(gregorianYear().safeParse(year))).toBe("year");
    },
  );

  it("keeps ROC years within the same bounds", () => {
    expect(rocYear().safeParse(1).success).toBe(true);
    expect(rocYear().safeParse(289).success).toBe(true);
    expect(messageOf(rocYear().safeParse(0))).toBe("year");
    expect(messageOf(rocYear().safeParse(290))).toBe("year");
  });

  it("checks quarters, percents and periods with form keys", () => {
    expect(messageOf(quarter().safeParse(5))).toBe("quarter");
    expect(messageOf(percent().safeParse(101))).toBe("percent");
    expect(messageOf(percent().safeParse(-1))).toBe("percent");
    expect(period.parse({ year: 2018, quarter: null })).toEqual({ year: 2018, quarter: null });
    expect(messageOf(period.safeParse({ year: 2018, quarter: 0 }))).toBe("quarter");
  });

  it("turns a malformed URL filter into no filter", () => {
    expect(yearFilter.parse("abc")).toBeUndefined();
    expect(yearFilter.parse("1911")).toBeUndefined();
    expect(yearFilter.parse("2013")).toBe(2013);
    expect(departmentFilter.parse("../etc")).toBeUndefined();
    expect(departmentFilter.parse("finance")).toBe("finance");
  });
});

describe("atom messages", () => {
  it("are keys a form can translate, in both languages", () => {
    const defaults = [
      departmentSlug().safeParse("X"),
      gregorianYear().safeParse(1),
      rocYear().safeParse(0),
      quarter().safeParse(0),
      percent().safeParse(-1),
    ].map(messageOf);
    for (const key of defaults) {
      expect(Object.keys(workspaceZhHant.progressForm.errors)).toContain(key);
      expect(Object.keys(workspaceEn.progressForm.errors)).toContain(key);
    }
  });
});
