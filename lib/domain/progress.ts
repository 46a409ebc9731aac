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
