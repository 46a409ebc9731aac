import type { CyclePeriod } from "./cycles";

/*
 * Planned progress (預定進度): the cumulative % a tracked item should have reached at the end of each
 * period of its set. One rule for the staff form, the command and the light: a curve has exactly
 * one whole-number point per period of the set's tracking span, never goes down and never passes
 * 100. A revision (any version after the first) must say why. Pure: the periods are a parameter
 * (lib/domain/cycles.ts periodsBetween enumerates them in Asia/Taipei).
 */

/** One point of a curve: the period's last Taipei day "YYYY-MM-DD" and the planned cumulative %. */
export type PlanPoint = { periodEnd: string; percent: number };

export type PlanRefusal =
  "planGoesDown" | "planOver100" | "planOutsideTracking" | "planPeriodsMismatch" | "revisionReasonRequired";

/** A proposal as the rule sees it: the points, which version it would be, and the reason given. */
export type PlanProposal = { points: readonly PlanPoint[]; version: number; reason: string | null };

/**
 * Why a proposed curve is refused, or null. Checked in this order so the message names the first
 * thing to fix: a point beyond the tracking span, points not matching the periods one for one, a
 * percentage over 100, a curve that goes down, a revision without a reason. Percentages are
 * whole numbers from 0 (the input schema refuses the rest before this rule runs).
 */
export function planRefusal(proposal: PlanProposal, periods: readonly CyclePeriod[]): PlanRefusal | null {
  const { points } = proposal;
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (!first || !last) return "planPeriodsMismatch";
  // Days compare as strings: "YYYY-MM-DD" sorts in calendar order.
  if (points.some((p) => p.periodEnd > last.to || p.periodEnd < first.from)) return "planOutsideTracking";
  if (points.length !== periods.length || points.some((p, i) => p.periodEnd !== periods[i]?.to))
    return "planPeriodsMismatch";
  if (points.some((p) => p.percent > 100)) return "planOver100";
  if (points.some((p, i) => i > 0 && p.percent < (points[i - 1]?.percent ?? 0))) return "planGoesDown";
  if (proposal.version > 1 && !proposal.reason?.trim()) return "revisionReasonRequired";
  return null;
}

/** The planned % for an update whose period ends on this Taipei day; null when the curve has no point there. */
export function plannedAt(points: readonly PlanPoint[], periodEndDay: string): number | null {
  return points.find((p) => p.periodEnd === periodEndDay)?.percent ?? null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** Points as stored (JSON): anything malformed in a row is dropped, never guessed. */
export function readPlanPoints(json: unknown): PlanPoint[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((p: unknown) =>
    isRecord(p) && typeof p.periodEnd === "string" && typeof p.percent === "number"
      ? [{ periodEnd: p.periodEnd, percent: p.percent }]
      : [],
  );
}

/** What an update behind plan must say (落後原因, 因應對策, 預計改善日期), as its field names. */
export const CATCH_UP_FIELDS = ["delayCause", "remedy", "catchUpDate"] as const;
export type CatchUpField = (typeof CATCH_UP_FIELDS)[number];
export type CatchUpPlan = { delayCause: string | null; remedy: string | null; catchUpDate: string | null };

/**
 * The catch-up fields an update still lacks, given whether its light asks for them (needsCatchUpPlan
 * in lights.ts): none when it is on schedule; each blank one when it is behind.
 */
export function missingCatchUp(behind: boolean, plan: CatchUpPlan): CatchUpField[] {
  if (!behind) return [];
  return CATCH_UP_FIELDS.filter((field) => !plan[field]?.trim());
}
