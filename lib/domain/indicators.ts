import { type Light, type LightInput, type LightReason, type LightThresholds, lightFor } from "./lights";

/*
 * Indicators (衡量指標) of a tracked item: the rules written once for the staff form, the commands,
 * the public table and the light. Pure; the tracking span's years and periods are parameters.
 * docs/decisions/014-indicators.md explains the choices; the methodology text the public reads is
 * `indicators.methodology` in lib/i18n/messages.ts and says the same as `indicatorLight` below.
 *
 * Attainment (達成率) of an actual against a year's target, 0–100 %:
 * - with a baseline (and a target different from it): the share of the way from the baseline to the
 *   target that has been covered, (actual − baseline) ÷ (target − baseline). The same formula serves
 *   both directions: for lower-is-better the target is below the baseline, so both signs flip;
 * - without a baseline, or when the target equals the baseline (a level to hold, not a distance to
 *   cover): the ratio, actual ÷ target when higher is better, target ÷ actual when lower is better;
 *   unrated (null) where that ratio means nothing (a target ≤ 0 to exceed, an actual ≤ 0 to stay under);
 * - an actual at or past the target (in the indicator's direction) is 100 % and `met`: over-achieving
 *   one indicator never hides another that lags; an actual worse than the baseline is 0 %;
 * - a target on the wrong side of the baseline (a higher-is-better target below it) is refused when
 *   defined (`targetAgainstDirection`) and unrated if met here.
 */

export const INDICATOR_DIRECTIONS = ["higher_better", "lower_better"] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

/** The level to reach by the end of a (Gregorian) year. */
export type IndicatorTarget = { year: number; value: number };

export type IndicatorDefinition = {
  name: string;
  unit: string | null;
  direction: IndicatorDirection;
  baseline: number | null;
  targets: readonly IndicatorTarget[];
};

export type IndicatorRefusal =
  | "targetNeedsUnit"
  | "targetOutsideTracking"
  | "targetYearRepeated"
  | "targetAgainstDirection"
  | "indicatorReasonRequired";

/** The form field each refusal is shown beside. */
export const REFUSAL_FIELD: Record<IndicatorRefusal, "unit" | "targets" | "reason"> = {
  targetNeedsUnit: "unit",
  targetOutsideTracking: "targets",
  targetYearRepeated: "targets",
  targetAgainstDirection: "targets",
  indicatorReasonRequired: "reason",
};

const wrongSide = (direction: IndicatorDirection, baseline: number | null, target: number) =>
  baseline !== null && (direction === "higher_better" ? target < baseline : target > baseline);

/**
 * Why a definition (or a change of one) is refused, or null. In this order, so the message names
 * the first thing to fix: a target without a unit, a target for a year outside the tracking span,
 * two targets for one year, a target on the wrong side of the baseline, a change (any version after
 * the first) without a reason. The name and numbers are checked by the input schema before this.
 */
export function indicatorRefusal(
  definition: IndicatorDefinition & { version: number; reason: string | null },
  trackingYears: readonly number[],
): IndicatorRefusal | null {
  const { targets } = definition;
  if (targets.length > 0 && !definition.unit?.trim()) return "targetNeedsUnit";
  if (targets.some((t) => !trackingYears.includes(t.year))) return "targetOutsideTracking";
  if (new Set(targets.map((t) => t.year)).size !== targets.length) return "targetYearRepeated";
  if (targets.some((t) => wrongSide(definition.direction, definition.baseline, t.value)))
    return "targetAgainstDirection";
  if (definition.version > 1 && !definition.reason?.trim()) return "indicatorReasonRequired";
  return null;
}

export type Attainment = {
  /** 0–100. */
  percent: number;
  /** The actual is at or past the target. */
  met: boolean;
  /** Measured from the baseline, or as a ratio to the target (no baseline, or target = baseline). */
  method: "baseline" | "ratio";
};

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** How far an actual has come towards a target (see the rule at the top); null when it cannot be rated. */
export function attainment(
  actual: number,
  target: number,
  baseline: number | null,
  direction: IndicatorDirection,
): Attainment | null {
  if (![actual, target].every(Number.isFinite) || (baseline !== null && !Number.isFinite(baseline)))
    return null;
  if (wrongSide(direction, baseline, target)) return null;
  const method = baseline !== null && baseline !== target ? "baseline" : "ratio";
  const met = direction === "higher_better" ? actual >= target : actual <= target;
  if (met) return { percent: 100, met, method };
  if (baseline !== null && baseline !== target) {
    return { percent: clamp01((actual - baseline) / (target - baseline)) * 100, met, method };
  }
  if (direction === "higher_better") {
    return target > 0 ? { percent: clamp01(actual / target) * 100, met, method } : null;
  }
  // Lower is better, not met: the actual is above the target.
  return actual > 0 && target >= 0 ? { percent: clamp01(target / actual) * 100, met, method } : null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** Targets as stored (JSON): anything malformed is dropped, never guessed. */
export function readTargets(json: unknown): IndicatorTarget[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((t: unknown) =>
    isRecord(t) && typeof t.year === "number" && typeof t.value === "number"
      ? [{ year: t.year, value: t.value }]
      : [],
  );
}

/** The target set for a year, or null. */
export function targetFor(targets: readonly IndicatorTarget[], year: number): number | null {
  return targets.find((t) => t.year === year)?.value ?? null;
}

/** The share of the calendar year elapsed at the end of a period ending on this Taipei day (Q2 → 0.5). */
export function yearShareAt(periodEnd: string): number {
  const month = Number(periodEnd.slice(5, 7));
  return Math.min(12, Math.max(0, month)) / 12;
}

/**
 * The attainment expected at a period's end: the level is assumed to move in a straight line over
 * the year, from where the year starts (the previous year's target, else the baseline) to the year's
 * target, and that level is rated as an actual would be. With no known start (first year, no
 * baseline) it is the share of the year elapsed. Null when the year has no target.
 */
export function expectedAttainment(
  indicator: Pick<IndicatorDefinition, "direction" | "baseline" | "targets">,
  periodEnd: string,
): number | null {
  const year = Number(periodEnd.slice(0, 4));
  const target = targetFor(indicator.targets, year);
  if (target === null) return null;
  const share = yearShareAt(periodEnd);
  const start = targetFor(indicator.targets, year - 1) ?? indicator.baseline;
  if (start === null) return share * 100;
  const level = start + (target - start) * share;
  return attainment(level, target, indicator.baseline, indicator.direction)?.percent ?? share * 100;
}

/** One indicator as the light reads it: its definition and its actual for the period (null: none). */
export type IndicatorReading = Pick<IndicatorDefinition, "direction" | "baseline" | "targets"> & {
  actual: number | null;
};

export type IndicatorLightInput = Pick<LightInput, "closed" | "thresholds" | "override"> & {
  /** The period's published update (its status decides 已完成 and 未填報), or null when none. */
  update: Pick<NonNullable<LightInput["update"]>, "status"> | null;
  /** The period's last Taipei day "YYYY-MM-DD". */
  periodEnd: string;
  indicators: readonly IndicatorReading[];
};

export type IndicatorLightReason = Exclude<LightReason, "noPlan" | "noPercent"> | "noTarget" | "noActual";

export type IndicatorLightResult = {
  light: Light;
  /** Expected minus actual mean attainment, in points (positive = behind), when both are known. */
  gap: number | null;
  reason: IndicatorLightReason;
  /** Mean attainment (0–100) of the rated indicators, and the mean expected at the period's end. */
  attainment: number | null;
  expected: number | null;
  /** How many indicators were rated (a target for the period's year and an actual for the period). */
  rated: number;
};

const oneDecimal = (x: number) => Math.round(x * 10) / 10;
const mean = (xs: readonly number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

/**
 * The light of a tracked item for a period, from its indicators, where it has any. The one rule:
 * of the indicators with a target for the period's year and an actual for the period, the mean
 * attainment (each capped at 100 %, equal weights) is compared with the mean attainment expected at
 * the period's end (expectedAttainment); the points behind are coloured with the set's thresholds,
 * exactly as lights.ts colours points behind the planned %. Closed, 未填報, 已完成, cancelled and an
 * override are decided first, as lightFor decides them (it is called with the two means in place of
 * the planned and actual %). No target for the year: 未評燈 `noTarget`; targets but no rated actual:
 * 未評燈 `noActual`. Both means are rounded to one decimal before comparing, so 5 points is 5.
 */
export function indicatorLight(input: IndicatorLightInput): IndicatorLightResult {
  const year = Number(input.periodEnd.slice(0, 4));
  const withTarget = input.indicators.filter((i) => targetFor(i.targets, year) !== null);
  const rated = withTarget.flatMap((i) => {
    const target = targetFor(i.targets, year);
    if (target === null || i.actual === null) return [];
    const reached = attainment(i.actual, target, i.baseline, i.direction);
    const expected = expectedAttainment(i, input.periodEnd);
    return reached && expected !== null ? [{ reached: reached.percent, expected }] : [];
  });
  const meanReached = mean(rated.map((r) => r.reached));
  const meanExpected = mean(rated.map((r) => r.expected));
  const actual = meanReached === null ? null : oneDecimal(meanReached);
  const expected =
    withTarget.length === 0
      ? null
      : meanExpected === null
        ? oneDecimal(mean(withTarget.map((i) => expectedAttainment(i, input.periodEnd) ?? 0)) ?? 0)
        : oneDecimal(meanExpected);
  const result = lightFor({
    closed: input.closed,
    update: input.update ? { status: input.update.status, percent: actual } : null,
    planned: expected,
    thresholds: input.thresholds,
    override: input.override,
  });
  const reason: IndicatorLightReason =
    result.reason === "noPlan" ? "noTarget" : result.reason === "noPercent" ? "noActual" : result.reason;
  return {
    light: result.light,
    gap: result.gap === null ? null : oneDecimal(result.gap),
    reason,
    attainment: actual,
    expected,
    rated: rated.length,
  };
}

export type { Light, LightThresholds };
