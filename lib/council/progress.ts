/**
 * An item's progress as of a date, the rule of lib/queries/fragments.ts's latestProgressEntry
 * (newest period, then newest save; withdrawn entries never count) restricted to entries whose
 * period had begun by then. Pure.
 */
import { PUBLIC_ENTRY } from "@/lib/domain/updates";
import type { StatusOrNone } from "@/lib/domain/progress";
import type { ProgressStatus } from "@/lib/generated/prisma/enums";

export type DatedEntry = {
  status: ProgressStatus;
  periodFrom: Date;
  updatedAt: Date;
  withdrawnAt: Date | null;
};

/** The entry that gives an item its status at `asOf`: the latest non-withdrawn one whose period began by then. */
export function latestEntryAsOf<E extends DatedEntry>(entries: readonly E[], asOf: Date): E | null {
  let best: E | null = null;
  for (const entry of entries) {
    if (entry.withdrawnAt !== null || entry.periodFrom.getTime() > asOf.getTime()) continue;
    if (
      best === null ||
      entry.periodFrom.getTime() > best.periodFrom.getTime() ||
      (entry.periodFrom.getTime() === best.periodFrom.getTime() &&
        entry.updatedAt.getTime() > best.updatedAt.getTime())
    ) {
      best = entry;
    }
  }
  return best;
}

/** An item's status at `asOf`, "no_update" when no entry counts yet. */
export function statusAsOf(entries: readonly DatedEntry[], asOf: Date): StatusOrNone {
  return latestEntryAsOf(entries, asOf)?.status ?? "no_update";
}

/** The same rule as a Prisma relation filter, for queries that take only the one entry. */
export function progressAsOfQuery(asOf: Date) {
  return {
    where: { ...PUBLIC_ENTRY, periodFrom: { lte: asOf } },
    orderBy: [{ periodFrom: "desc" as const }, { updatedAt: "desc" as const }],
    take: 1,
  };
}

export const NARRATIVE_EXCERPT_LENGTH = 120;

/** A narrative shortened for a table cell: whitespace collapsed, at most `max` characters with the ellipsis. */
export function excerpt(text: string, max: number = NARRATIVE_EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/gu, " ").trim();
  const chars = Array.from(flat); // code points: never split a surrogate pair
  if (chars.length <= max) return flat;
  return `${chars
    .slice(0, max - 1)
    .join("")
    .trimEnd()}…`;
}
