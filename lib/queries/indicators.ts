import type { Db } from "@/lib/db/client";
import type { CyclePeriod } from "@/lib/domain/cycles";
import {
  type Attainment,
  attainment,
  type IndicatorDirection,
  type IndicatorLightResult,
  indicatorLight,
  type IndicatorTarget,
  readTargets,
  targetFor,
} from "@/lib/domain/indicators";
import { calendarDay } from "@/lib/domain/time";
import { coversPeriod, PUBLIC_ENTRY } from "@/lib/domain/updates";
import { periodsOf } from "@/lib/progress/plans";

/*
 * The public view of a tracked item's indicators (衡量指標). What is public (decision 014): indicator
 * data goes public with the item's published updates. The definition shown is the version in force
 * when the node's latest update was published (an indicator defined after it is not shown yet); an
 * actual is shown for a period only when an update covering that period is published, and as the
 * latest revision recorded by the node's latest publication. So nothing staff type reaches the
 * public before a supervisor (and the 研考會) published an update after it, and a correction becomes
 * public with the next publication, marked as corrected.
 */

export type PublicIndicatorActual = {
  period: CyclePeriod;
  value: number;
  /** The target of the period's year, or null. */
  target: number | null;
  attainment: Attainment | null;
  /** A correction of an earlier recorded value. */
  corrected: boolean;
};

export type PublicIndicator = {
  id: number;
  name: string;
  unit: string | null;
  direction: IndicatorDirection;
  baseline: number | null;
  method: string | null;
  targets: IndicatorTarget[];
  /** In period order; only periods with a published update and a public value. */
  actuals: PublicIndicatorActual[];
};

export type PublicItemIndicators = {
  itemId: number;
  setName: string;
  indicators: PublicIndicator[];
  /** The light from indicators for the latest period with a published update (lib/domain/indicators.ts). */
  light: (IndicatorLightResult & { period: CyclePeriod }) | null;
};

const dateOf = (day: string) => new Date(`${day}T00:00:00Z`); // a DATE column's value

/** Every tracked item of a node that has public indicators, with their targets, actuals and attainment. */
export async function getItemIndicators(db: Db, nodeId: number): Promise<PublicItemIndicators[]> {
  const entries = await db.progressEntry.findMany({
    where: { nodeId, ...PUBLIC_ENTRY, publishedAt: { not: null } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    select: { periodFrom: true, periodTo: true, publishedAt: true, status: true },
  });
  const released = entries[0]?.publishedAt;
  if (!released) return [];
  const items = await db.trackedItem.findMany({
    where: { nodeId, indicators: { some: { versions: { some: { at: { lte: released } } } } } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      state: true,
      set: {
        select: {
          name: true,
          cadence: true,
          fromDay: true,
          toDay: true,
          greenThreshold: true,
          yellowThreshold: true,
        },
      },
      indicators: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          versions: {
            where: { at: { lte: released } },
            orderBy: { version: "desc" },
            take: 1,
            select: { name: true, unit: true, direction: true, baseline: true, method: true, targets: true },
          },
          values: {
            where: { recordedAt: { lte: released } },
            orderBy: [{ periodEnd: "asc" }, { revision: "desc" }],
            select: { periodEnd: true, value: true, revision: true },
          },
        },
      },
    },
  });
  return items.map((item) => {
    // The set's periods that a published update answers for, each with that update's status.
    const published = periodsOf(item.set).flatMap((period) => {
      const span = { periodFrom: dateOf(period.from), periodTo: dateOf(period.to) };
      const update = entries.find((e) => coversPeriod(e, span)); // newest publication first
      return update ? [{ period, status: update.status }] : [];
    });
    const indicators = item.indicators.flatMap((indicator): PublicIndicator[] => {
      const definition = indicator.versions[0];
      if (!definition) return [];
      const targets = readTargets(definition.targets);
      const actuals = published.flatMap(({ period }): PublicIndicatorActual[] => {
        // Values are ordered by revision, newest first, within a period.
        const latest = indicator.values.find((v) => calendarDay(v.periodEnd) === period.to);
        if (!latest) return [];
        const target = targetFor(targets, period.year);
        return [
          {
            period,
            value: latest.value,
            target,
            attainment:
              target === null
                ? null
                : attainment(latest.value, target, definition.baseline, definition.direction),
            corrected: latest.revision > 1,
          },
        ];
      });
      return [{ id: indicator.id, ...definition, targets, actuals }];
    });
    const last = published.at(-1);
    const light = last
      ? {
          period: last.period,
          ...indicatorLight({
            closed: item.state === "closed",
            update: { status: last.status },
            periodEnd: last.period.to,
            indicators: indicators.map((i) => ({
              direction: i.direction,
              baseline: i.baseline,
              targets: i.targets,
              actual: i.actuals.find((a) => a.period.to === last.period.to)?.value ?? null,
            })),
            thresholds: { green: item.set.greenThreshold, yellow: item.set.yellowThreshold },
          }),
        }
      : null;
    return { itemId: item.id, setName: item.set.name, indicators, light };
  });
}
