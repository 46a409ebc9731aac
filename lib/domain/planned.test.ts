import { describe, expect, it } from "vitest";
import { periodsBetween } from "./cycles";
import { missingCatchUp, type PlanPoint, plannedAt, planRefusal, readPlanPoints } from "./planned";

const QUARTERS = periodsBetween("quarterly", "2026-01-01", "2026-12-31");
const ENDS = ["2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31"];
const curve = (...percents: number[]): PlanPoint[] =>
  percents.map((percent, i) => ({ periodEnd: ENDS[i] ?? "2027-03-31", percent }));

describe("planRefusal: a quarterly set over 2026", () => {
  it.each([
    ["a rising curve", curve(10, 30, 60, 100), 1, null, null],
    ["a flat curve (no work planned for a while)", curve(0, 0, 50, 50), 1, null, null],
    ["exactly 100 at the end", curve(25, 50, 75, 100), 1, null, null],
    ["a curve that goes down", curve(10, 40, 30, 100), 1, null, "planGoesDown"],
    ["over 100", curve(10, 40, 80, 101), 1, null, "planOver100"],
    ["a point past the tracking period", curve(10, 30, 60, 90, 100), 1, null, "planOutsideTracking"],
    [
      "a point before it",
      [{ periodEnd: "2025-12-31", percent: 0 }, ...curve(30, 60, 100)],
      1,
      null,
      "planOutsideTracking",
    ],
    ["a period missing", curve(10, 30, 60), 1, null, "planPeriodsMismatch"],
    [
      "a day that ends no period",
      [{ periodEnd: "2026-02-28", percent: 10 }, ...curve(30, 60, 100).slice(1)],
      1,
      null,
      "planPeriodsMismatch",
    ],
    ["points out of order", [...curve(10, 30, 60, 100)].reverse(), 1, null, "planPeriodsMismatch"],
    ["a revision with its reason", curve(5, 20, 60, 100), 2, "颱風停工一個月", null],
    ["a revision without a reason", curve(5, 20, 60, 100), 2, null, "revisionReasonRequired"],
    ["a revision with a blank reason", curve(5, 20, 60, 100), 3, "   ", "revisionReasonRequired"],
  ] as const)("%s", (_name, points, version, reason, refusal) => {
    expect(planRefusal({ points, version, reason }, QUARTERS)).toBe(refusal);
  });

  it("refuses every curve when the set has no periods", () => {
    expect(planRefusal({ points: [], version: 1, reason: null }, [])).toBe("planPeriodsMismatch");
  });

  it("accepts a monthly curve only with twelve points", () => {
    const months = periodsBetween("monthly", "2026-01-01", "2026-12-31");
    const points = months.map((p, i) => ({ periodEnd: p.to, percent: (i + 1) * 8 }));
    expect(planRefusal({ points, version: 1, reason: null }, months)).toBe(null);
    expect(planRefusal({ points: points.slice(1), version: 1, reason: null }, months)).toBe(
      "planPeriodsMismatch",
    );
  });
});

describe("plannedAt", () => {
  const points = curve(10, 30, 60, 100);
  it.each([
    ["2026-06-30", 30], // the second quarter's update
    ["2026-12-31", 100], // Q4, and a whole-year update ends there too
    ["2026-05-31", null], // no point ends that day: no guess
    ["2027-03-31", null], // past the curve
  ] as const)("%s → %s", (day, planned) => {
    expect(plannedAt(points, day)).toBe(planned);
  });

  it("is null without a curve", () => {
    expect(plannedAt([], "2026-03-31")).toBe(null);
  });
});

describe("readPlanPoints", () => {
  it("keeps well-formed points and drops the rest", () => {
    expect(
      readPlanPoints([{ periodEnd: "2026-03-31", percent: 10 }, { periodEnd: 3 }, null, "x", { percent: 5 }]),
    ).toEqual([{ periodEnd: "2026-03-31", percent: 10 }]);
    expect(readPlanPoints({ not: "an array" })).toEqual([]);
  });
});

describe("missingCatchUp", () => {
  const full = { delayCause: "用地取得延宕", remedy: "協調地主", catchUpDate: "2026-12-31" };
  it.each([
    ["on schedule, nothing given", false, { delayCause: null, remedy: null, catchUpDate: null }, []],
    ["behind, all given", true, full, []],
    [
      "behind, nothing given",
      true,
      { delayCause: null, remedy: null, catchUpDate: null },
      ["delayCause", "remedy", "catchUpDate"],
    ],
    ["behind, a blank remedy", true, { ...full, remedy: "  " }, ["remedy"]],
    ["behind, no date", true, { ...full, catchUpDate: null }, ["catchUpDate"]],
  ] as const)("%s", (_name, behind, plan, missing) => {
    expect(missingCatchUp(behind, plan)).toEqual(missing);
  });
});
