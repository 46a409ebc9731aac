import type { ProgressStatus } from "@/lib/generated/prisma/enums";

export const PROGRESS_STATUSES = ["completed", "on_track", "delayed", "not_started", "cancelled"] as const;
export type StatusOrNone = ProgressStatus | "no_update";

export type StatusCounts = Record<StatusOrNone, number> & { total: number };

/** How many items are in each status by their latest entry; items without one are "no_update". */
export function countStatuses(latest: Array<ProgressStatus | null>): StatusCounts {
  const counts: StatusCounts = {
    completed: 0,
    on_track: 0,
    delayed: 0,
    not_started: 0,
    cancelled: 0,
    no_update: 0,
    total: latest.length,
  };
  for (const status of latest) counts[status ?? "no_update"] += 1;
  return counts;
}

export type RollUpItem = {
  status: ProgressStatus | null;
  percent: number | null;
  budgetThousands: number | null;
};

export type RollUp = {
  counts: StatusCounts;
  /** Weighted mean completion over the items that report one, or null when none does. */
  percent: number | null;
  /** How many items the percent is based on (never shown as a bare number without it). */
  basedOn: number;
  weightedByBudget: boolean;
};

/** An item's completion as a number: its own percent, else what its status implies. */
function completion(item: RollUpItem): number | null {
  if (item.percent !== null) return item.percent;
  if (item.status === "completed") return 100;
  if (item.status === "not_started") return 0;
  return null;
}

/**
 * A strategy's or vision's progress from the items linked to it: the status mix, and completion
 * weighted by budget when every contributing item has one, else equally. Cancelled items and items
 * without a figure do not count towards the percent.
 */
export function rollUp(items: RollUpItem[]): RollUp {
  const counts = countStatuses(items.map((i) => i.status));
  const contributing = items
    .filter((i) => i.status !== "cancelled")
    .map((i) => ({ value: completion(i), budget: i.budgetThousands }))
    .filter((i): i is { value: number; budget: number | null } => i.value !== null);
  if (contributing.length === 0) return { counts, percent: null, basedOn: 0, weightedByBudget: false };
  const weightedByBudget = contributing.every((i) => i.budget !== null && i.budget > 0);
  const weight = (i: { budget: number | null }) => (weightedByBudget ? (i.budget as number) : 1);
  const total = contributing.reduce((n, i) => n + weight(i), 0);
  const percent = contributing.reduce((n, i) => n + i.value * weight(i), 0) / total;
  return { counts, percent: Math.round(percent), basedOn: contributing.length, weightedByBudget };
}

/**
 * Whether an update's actual % needs an explanation because it is lower than the last published
 * one (cumulative progress does not go back without a reason: a correction, a re-measured scope).
 */
export function needsDropReason(percent: number | null, lastPublished: number | null): boolean {
  return percent !== null && lastPublished !== null && percent < lastPublished;
}
