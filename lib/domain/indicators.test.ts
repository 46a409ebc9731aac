import { describe, expect, it } from "vitest";
import {
  attainment,
  expectedAttainment,
  type IndicatorDefinition,
  type IndicatorLightInput,
  indicatorLight,
  indicatorRefusal,
  yearShareAt,
} from "./indicators";
import { DEFAULT_THRESHOLDS } from "./lights";

describe("attainment: how far an actual has come towards the year's target", () => {
  // [what is tried, actual, target, baseline, direction, percent (null: unrated), met, method]
  it.each([
    ["higher, half way from the baseline", 60, 100, 20, "higher_better", 50, false, "baseline"],
    ["higher, at the baseline", 20, 100, 20, "higher_better", 0, false, "baseline"],
    [
      "higher, worse than the baseline: 0, never negative",
      10,
      100,
      20,
      "higher_better",
      0,
      false,
      "baseline",
    ],
    ["higher, exactly the target", 100, 100, 20, "higher_better", 100, true, "baseline"],
    ["higher, past the target: capped at 100", 130, 100, 20, "higher_better", 100, true, "baseline"],
    ["lower, half way down from the baseline", 80, 60, 100, "lower_better", 50, false, "baseline"],
    ["lower, below the target: met", 50, 60, 100, "lower_better", 100, true, "baseline"],
    ["lower, worse than the baseline", 110, 60, 100, "lower_better", 0, false, "baseline"],
    ["higher, no baseline: actual ÷ target", 45, 60, null, "higher_better", 75, false, "ratio"],
    ["higher, no baseline, negative actual: 0", -5, 60, null, "higher_better", 0, false, "ratio"],
    ["higher, no baseline, target 0 not reached: unrated", -1, 0, null, "higher_better", null, false, ""],
    ["higher, no baseline, target 0 reached", 0, 0, null, "higher_better", 100, true, "ratio"],
    ["lower, no baseline: target ÷ actual", 20, 15, null, "lower_better", 75, false, "ratio"],
    ["lower, no baseline, target 0 missed: 0", 4, 0, null, "lower_better", 0, false, "ratio"],
    ["lower, no baseline, at or under target", 15, 15, null, "lower_better", 100, true, "ratio"],
    ["target equals baseline (hold the level): ratio", 90, 100, 100, "higher_better", 90, false, "ratio"],
    ["target equals baseline, held", 100, 100, 100, "higher_better", 100, true, "ratio"],
    ["target equals baseline, lower, held", 8, 10, 10, "lower_better", 100, true, "ratio"],
    ["higher, target below the baseline: unrated", 30, 40, 50, "higher_better", null, false, ""],
    ["lower, target above the baseline: unrated", 30, 60, 50, "lower_better", null, false, ""],
    ["not a number: unrated", Number.NaN, 60, null, "higher_better", null, false, ""],
  ] as const)("%s", (_what, actual, target, baseline, direction, percent, met, method) => {
    const result = attainment(actual, target, baseline, direction);
    if (percent === null) {
      expect(result).toBeNull();
      return;
    }
    expect(result?.percent).toBeCloseTo(percent, 6);
    expect(result?.met).toBe(met);
    expect(result?.method).toBe(method);
  });
});

describe("indicatorRefusal: what a definition may not be", () => {
  const YEARS = [2025, 2026];
  const ok: IndicatorDefinition & { version: number; reason: string | null } = {
    name: "自行車道長度",
    unit: "公里",
    direction: "higher_better",
    baseline: 10,
    targets: [
      { year: 2025, value: 20 },
      { year: 2026, value: 30 },
    ],
    version: 1,
    reason: null,
  };
  it.each([
    ["a well-formed first version", {}, null],
    ["no targets and no unit (a target can come later)", { targets: [], unit: null }, null],
    ["a target without a unit", { unit: null }, "targetNeedsUnit"],
    ["a target with a blank unit", { unit: "  " }, "targetNeedsUnit"],
    [
      "a target for a year outside the span",
      { targets: [{ year: 2027, value: 40 }] },
      "targetOutsideTracking",
    ],
    [
      "two targets for one year",
      {
        targets: [
          { year: 2025, value: 20 },
          { year: 2025, value: 25 },
        ],
      },
      "targetYearRepeated",
    ],
    ["higher-is-better target below the baseline", { baseline: 25 }, "targetAgainstDirection"],
    ["lower-is-better target above the baseline", { direction: "lower_better" }, "targetAgainstDirection"],
    ["lower-is-better target below the baseline", { direction: "lower_better", baseline: 40 }, null],
    [
      "a target equal to the baseline (hold the level)",
      { baseline: 20, targets: [{ year: 2025, value: 20 }] },
      null,
    ],
    ["a change without a reason", { version: 2 }, "indicatorReasonRequired"],
    ["a change with a blank reason", { version: 2, reason: " " }, "indicatorReasonRequired"],
    ["a change with a reason", { version: 2, reason: "依新版中程計畫調整" }, null],
  ] as const)("%s → %s", (_what, change, refusal) => {
    expect(indicatorRefusal({ ...ok, ...change }, YEARS)).toBe(refusal);
  });
});

describe("expectedAttainment: a straight line over the year", () => {
  const targets = [
    { year: 2025, value: 100 },
    { year: 2026, value: 200 },
  ];
  it.each([
    ["Q1 of the first year, from the baseline", "2025-03-31", 0, 25],
    ["Q2 of the first year", "2025-06-30", 0, 50],
    ["year end", "2025-12-31", 0, 100],
    ["Q2 of the second year starts from last year's target", "2026-06-30", 0, 75],
    ["no baseline in the first year: the share of the year", "2025-09-30", null, 75],
    ["no target for the year", "2027-06-30", 0, null],
  ] as const)("%s", (_what, periodEnd, baseline, expected) => {
    const value = expectedAttainment({ direction: "higher_better", baseline, targets }, periodEnd);
    if (expected === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(expected, 6);
  });

  it("measures the share of the year at a month's, quarter's or half's end", () => {
    expect([yearShareAt("2026-01-31"), yearShareAt("2026-06-30"), yearShareAt("2026-12-31")]).toEqual([
      1 / 12,
      0.5,
      1,
    ]);
  });
});

describe("indicatorLight: mean attainment against the expected, coloured with the set's thresholds", () => {
  const km = { direction: "higher_better", baseline: 0, targets: [{ year: 2026, value: 100 }] } as const;
  const accidents = {
    direction: "lower_better",
    baseline: 100,
    targets: [{ year: 2026, value: 60 }],
  } as const;
  const base: IndicatorLightInput = {
    closed: false,
    update: { status: "on_track" },
    periodEnd: "2026-06-30", // expected 50 %
    indicators: [{ ...km, actual: 50 }],
    thresholds: DEFAULT_THRESHOLDS,
  };
  // [what is tried, change, light, reason, attainment, gap]
  it.each([
    ["on the line", {}, "green", "computed", 50, 0],
    ["5 points behind: still green", { indicators: [{ ...km, actual: 45 }] }, "green", "computed", 45, 5],
    ["6 points behind: yellow", { indicators: [{ ...km, actual: 44 }] }, "yellow", "computed", 44, 6],
    ["10 behind: yellow", { indicators: [{ ...km, actual: 40 }] }, "yellow", "computed", 40, 10],
    ["11 behind: red", { indicators: [{ ...km, actual: 39 }] }, "red", "computed", 39, 11],
    ["past the target early: green", { indicators: [{ ...km, actual: 150 }] }, "green", "computed", 100, -50],
    [
      "the mean of two: 70 and 20 → 45, 5 behind",
      {
        indicators: [
          { ...km, actual: 70 },
          { ...accidents, actual: 92 },
        ],
      },
      "green",
      "computed",
      45,
      5,
    ],
    [
      "stricter thresholds colour the same gap red",
      { indicators: [{ ...km, actual: 44 }], thresholds: { green: 0, yellow: 3 } },
      "red",
      "computed",
      44,
      6,
    ],
    [
      "an indicator without an actual is left out of the mean",
      {
        indicators: [
          { ...km, actual: 50 },
          { ...accidents, actual: null },
        ],
      },
      "green",
      "computed",
      50,
      0,
    ],
    [
      "no target for the period's year: unrated",
      { periodEnd: "2025-06-30" },
      "unrated",
      "noTarget",
      null,
      null,
    ],
    ["no indicators at all: unrated", { indicators: [] }, "unrated", "noTarget", null, null],
    [
      "targets but no actual: unrated",
      { indicators: [{ ...km, actual: null }] },
      "unrated",
      "noActual",
      null,
      null,
    ],
    ["no published update: 未填報", { update: null }, "not_reported", "notReported", 50, null],
    ["closed: terminal", { closed: true }, "closed", "closed", 50, null],
    ["completed: terminal", { update: { status: "completed" } }, "completed", "completed", 50, null],
    [
      "a supervisor's override, with its reason",
      { indicators: [{ ...km, actual: 20 }], override: { light: "green", reason: "颱風停工" } },
      "green",
      "override",
      20,
      30,
    ],
  ] as const)("%s", (_what, change, light, reason, reached, gap) => {
    const result = indicatorLight({ ...base, ...change } as IndicatorLightInput);
    expect(result.light).toBe(light);
    expect(result.reason).toBe(reason);
    expect(result.attainment).toBe(reached);
    expect(result.gap).toBe(gap);
  });

  it("counts the rated indicators", () => {
    const result = indicatorLight({
      ...base,
      indicators: [
        { ...km, actual: 50 },
        { ...accidents, actual: null },
        { ...km, targets: [], actual: 3 },
      ],
    });
    expect(result.rated).toBe(1);
    expect(result.expected).toBe(50);
  });
});
