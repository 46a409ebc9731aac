import type { ProgressStatus } from "@/lib/generated/prisma/enums";

/*
 * Lights (燈號): how far a tracked item's actual progress is behind its plan for a period. The one
 * rule, used by pages, the API, exports and the update form (which asks for a cause and a remedy
 * when the light it would get is yellow or red). Pure; thresholds come from the tracked set.
 *
 * 綠 on schedule: actual ≥ planned − green points; 黃 behind within the red threshold; 紅 further
 * behind. 未填報 (no update for the period) is its own state, never "no progress". 已完成 and 結案
 * are terminal. Without a planned figure or an actual percentage there is nothing to compare: 未評燈,
 * never a guessed colour (as Camms shows no light without a target).
 */

export const LIGHTS = ["green", "yellow", "red", "not_reported", "unrated", "completed", "closed"] as const;
export type Light = (typeof LIGHTS)[number];

/** Points behind plan: up to `green` is on schedule, up to `yellow` is behind, more is seriously behind. */
export type LightThresholds = { green: number; yellow: number };

/** TRACKING.md's common defaults: within 5 points green, within 10 yellow, beyond that red. */
export const DEFAULT_THRESHOLDS: LightThresholds = Object.freeze({ green: 5, yellow: 10 });

export const MAX_THRESHOLD = 100;

/** Thresholds a 研考會 may set: whole points, green before yellow, within 0–100. */
export function thresholdsRefusal(
  t: LightThresholds,
): "thresholdsOutOfOrder" | "thresholdsOutOfRange" | null {
  const inRange = (n: number) => Number.isInteger(n) && n >= 0 && n <= MAX_THRESHOLD;
  if (!inRange(t.green) || !inRange(t.yellow)) return "thresholdsOutOfRange";
  if (t.green > t.yellow) return "thresholdsOutOfOrder";
  return null;
}

export type LightInput = {
  /** Tracking ended (結案 / 解除列管): terminal whatever was reported. */
  closed: boolean;
  /** The published update for the period, or null when none was published. */
  update: { status: ProgressStatus; percent: number | null } | null;
  /** Planned cumulative % for the period, or null when no plan was set. */
  planned: number | null;
  thresholds: LightThresholds;
  /** A supervisor's override, shown with its reason; never over a terminal or unreported state. */
  override?: { light: "green" | "yellow" | "red"; reason: string } | null;
};

export type LightReason =
  "closed" | "completed" | "notReported" | "noPlan" | "noPercent" | "cancelled" | "override" | "computed";

export type LightResult = {
  light: Light;
  /** Planned minus actual, in points (positive = behind), when both are known. */
  gap: number | null;
  /** How the light was decided, for the page to say why. */
  reason: LightReason;
};

/** The light of one tracked item for one period. */
export function lightFor(input: LightInput): LightResult {
  const { update, planned } = input;
  if (input.closed) return { light: "closed", gap: null, reason: "closed" };
  if (update === null) return { light: "not_reported", gap: null, reason: "notReported" };
  if (update.status === "completed") return { light: "completed", gap: null, reason: "completed" };
  const gap = planned !== null && update.percent !== null ? planned - update.percent : null;
  if (input.override) return { light: input.override.light, gap, reason: "override" };
  if (update.status === "cancelled") return { light: "unrated", gap: null, reason: "cancelled" };
  if (planned === null) return { light: "unrated", gap: null, reason: "noPlan" };
  if (gap === null) return { light: "unrated", gap: null, reason: "noPercent" };
  return { light: colourOf(gap, input.thresholds), gap, reason: "computed" };
}

/** The colour for points behind plan (negative = ahead). */
export function colourOf(gap: number, thresholds: LightThresholds): "green" | "yellow" | "red" {
  if (gap <= thresholds.green) return "green";
  if (gap <= thresholds.yellow) return "yellow";
  return "red";
}

/** Whether an update with this light must say why it is behind (落後原因, 因應對策, 預計改善日期). */
export const needsCatchUpPlan = (light: Light) => light === "yellow" || light === "red";

/** Count of each light, for roll-ups (a strategy, a department, the city). */
export type LightCounts = Record<Light, number> & { total: number };

export function countLights(lights: readonly Light[]): LightCounts {
  const counts = Object.fromEntries(LIGHTS.map((l) => [l, 0])) as Record<Light, number>;
  for (const light of lights) counts[light] += 1;
  return { ...counts, total: lights.length };
}

/** A published update as the item's current light reads it: its period's last Taipei day and stored light. */
export type PublishedLight = { periodEnd: string; light: Light | null };

/**
 * The light a tracked item shows now. The period that counts is the latest one whose 研考會 due day
 * has passed (`lastDuePeriodEnd`): before then an update may still be on its way through sign-off,
 * so the previous period's light stands. No published update reaching that period is 未填報. An
 * update published without a light (before lights existed) is 未評燈. 已完成 is terminal, as is 結案.
 */
export function itemLightNow(input: {
  closed: boolean;
  lastDuePeriodEnd: string | null;
  /** Newest period first. */
  published: readonly PublishedLight[];
}): Light {
  if (input.closed) return "closed";
  const newest = input.published[0];
  if (newest?.light === "completed") return "completed";
  if (input.lastDuePeriodEnd === null) return newest ? (newest.light ?? "unrated") : "unrated";
  const due = input.lastDuePeriodEnd;
  const reaching = input.published.find((p) => p.periodEnd >= due);
  return reaching ? (reaching.light ?? "unrated") : "not_reported";
}

/** The share of each light in a roll-up, each item counted by its weight (equal weights by default). */
export type LightShares = { counts: LightCounts; shares: Record<Light, number>; totalWeight: number };

export function rollUpLights(items: ReadonlyArray<{ light: Light; weight: number }>): LightShares {
  const counts = countLights(items.map((i) => i.light));
  const weights = Object.fromEntries(LIGHTS.map((l) => [l, 0])) as Record<Light, number>;
  let totalWeight = 0;
  for (const item of items) {
    const weight = Math.max(0, item.weight);
    weights[item.light] += weight;
    totalWeight += weight;
  }
  const shares = Object.fromEntries(
    LIGHTS.map((l) => [l, totalWeight === 0 ? 0 : weights[l] / totalWeight]),
  ) as Record<Light, number>;
  return { counts, shares, totalWeight };
}

/** Roll-ups sorted for the "how is the city doing" chart: most on schedule (green + completed) first. */
export const byShareOnSchedule = (a: LightShares, b: LightShares) =>
  b.shares.green + b.shares.completed - (a.shares.green + a.shares.completed) ||
  a.shares.red - b.shares.red ||
  b.counts.total - a.counts.total;

/** Worst first: how lists of items put what needs attention on top. */
const SEVERITY: Record<Light, number> = {
  red: 0,
  yellow: 1,
  not_reported: 2,
  green: 3,
  unrated: 4,
  completed: 5,
  closed: 6,
};
export const worstFirst = (a: Light, b: Light) => SEVERITY[a] - SEVERITY[b];
