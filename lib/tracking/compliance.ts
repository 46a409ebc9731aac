import { assertCan, type SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { groupBy } from "@/lib/domain/collections";
import { addDays, type CyclePeriod, periodContaining, spansOverlap } from "@/lib/domain/cycles";
import { calendarDay, startOfTaipeiDay, taipeiToday } from "@/lib/domain/time";
import { type PeriodSpan, reportFor, type UpdateState } from "@/lib/domain/updates";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Cadence, TrackingState } from "@/lib/generated/prisma/enums";
import type { ComplianceFilter } from "./compliance-query";

/**
 * 管考 填報情形: whether the departments report on time, cycle by cycle. The definitions, written
 * once here (the pure core below, unit-tested in compliance.test.ts), and the 研考會's read model.
 *
 * - **Due.** A tracked item is due for a reporting cycle of its own set when the cycle's period has
 *   ended in Taipei (its last day is before today), the item is still being tracked (state
 *   `tracking`: a closed item is never due, not even for cycles before it was closed) and it has a
 *   lead department, and the set's span covers the period.
 * - **Its report** is the update `reportFor` (lib/domain/updates.ts) picks, the same rule as the
 *   staff inbox: of the node's not-withdrawn updates covering the cycle's period, the newest one
 *   sent for sign-off, else the newest draft or returned one.
 * - **Outcome**, exactly one per due (item, cycle):
 *   - not reported: no report, or only a draft;
 *   - returned: the report's current state is `returned` (it was sent back and not yet sent again).
 *     Returned wins over on time and late: a returned update does not count as reported, however
 *     early it was first sent;
 *   - on time: otherwise, its first submission was on or before the staff due day, in Taipei (an
 *     update sent at 23:59 on the due day is on time, at 00:00 the day after it is late);
 *   - late: first submitted after the staff due day. The grace days (`lateAfter`) decide when the
 *     inbox calls a report overdue, not whether it was on time: an update sent in the grace days
 *     is late here.
 *   - published: counted separately (an on-time or late report that the public can now read).
 * - **Never updated**: a tracked item (state `tracking`) whose node has no not-withdrawn update at all.
 */

export const COMPLIANCE_OUTCOMES = ["onTime", "late", "returned", "notReported"] as const;
export type ComplianceOutcome = (typeof COMPLIANCE_OUTCOMES)[number];

export type ComplianceCounts = {
  due: number;
  onTime: number;
  late: number;
  returned: number;
  notReported: number;
  published: number;
};

const noCounts = (): ComplianceCounts => ({
  due: 0,
  onTime: 0,
  late: 0,
  returned: 0,
  notReported: 0,
  published: 0,
});

/* ───────────────────────────── the pure core ───────────────────────────── */

export type ComplianceSet = { id: number; cadence: Cadence; fromDay: Date; toDay: Date };
export type ComplianceCycle = PeriodSpan & { setId: number; periodKey: string; staffDue: Date };
export type ComplianceItem = {
  id: number;
  setId: number;
  nodeId: number;
  state: TrackingState;
  leadDepartmentId: number | null;
};
/** What classification needs of an update. `firstSubmitAt`: its first `submit` step (`ProgressEntry.firstSubmittedAt`), if any. */
export type ReportFacts = PeriodSpan & {
  id: number;
  state: UpdateState;
  updatedAt: Date;
  /** Withdrawn updates never count (the read model loads none). */
  withdrawnAt?: Date | null;
  firstSubmitAt: Date | null;
  publishedAt: Date | null;
};

/** Whether a tracked item owes reports at all: still tracked (closed is never due), with a lead department. */
export const owesReports = (item: ComplianceItem): boolean =>
  item.state === "tracking" && item.leadDepartmentId !== null;

/** Whether a cycle of the set is due on the Taipei day `today` ("YYYY-MM-DD"): its period has ended and the set covers it. */
export function cycleIsDue(set: ComplianceSet, cycle: ComplianceCycle, today: string): boolean {
  return (
    cycle.setId === set.id &&
    calendarDay(cycle.periodTo) < today &&
    spansOverlap(
      { from: calendarDay(set.fromDay), to: calendarDay(set.toDay) },
      { from: calendarDay(cycle.periodFrom), to: calendarDay(cycle.periodTo) },
    )
  );
}

/** Whether a tracked item owes a report for a cycle of its set, on the Taipei day `today`. */
export const isDue = (
  item: ComplianceItem,
  set: ComplianceSet,
  cycle: ComplianceCycle,
  today: string,
): boolean => owesReports(item) && item.setId === set.id && cycleIsDue(set, cycle, today);

/**
 * When a report was sent: its first `submit` step. Updates published before sign-off existed were
 * marked published by the migration and have no step: their publication (else their last save)
 * stands in for it.
 */
export const submittedAt = (report: ReportFacts): Date =>
  report.firstSubmitAt ?? report.publishedAt ?? report.updatedAt;

/** The first late instant of a cycle: midnight in Taipei at the end of the staff due day (the due day counts in full). */
export const lateFrom = (staffDue: Date): Date => startOfTaipeiDay(addDays(calendarDay(staffDue), 1));

/** classifyReport with the cycle's lateFrom precomputed, as milliseconds. */
function outcomeOf(report: ReportFacts | undefined, lateFromMs: number): ComplianceOutcome {
  if (!report || report.withdrawnAt || report.state === "draft") return "notReported";
  if (report.state === "returned") return "returned";
  return submittedAt(report).getTime() < lateFromMs ? "onTime" : "late";
}

/** The outcome of a due (item, cycle) given its report (see the rules above; returned wins). */
export const classifyReport = (report: ReportFacts | undefined, staffDue: Date): ComplianceOutcome =>
  outcomeOf(report, lateFrom(staffDue).getTime());

/** Adds one classified (item, cycle) to a tally. */
function count(into: ComplianceCounts, outcome: ComplianceOutcome, report: ReportFacts | undefined): void {
  into.due += 1;
  into[outcome] += 1;
  if ((outcome === "onTime" || outcome === "late") && report?.state === "published") into.published += 1;
}

export type ComplianceTally = {
  /** Per department and period key: the figures of one row of the 研考會's table. */
  byDepartment: Map<number, Map<string, ComplianceCounts>>;
  /** Per period key, every department together: the chart. */
  byCycle: Map<string, ComplianceCounts>;
};

/**
 * Classifies every due (item, cycle) and adds them up by department × period key and by period
 * key. Cycles of different sets with the same key (two quarterly sets) cover the same period and
 * add up into one column; each item is judged against its own set's due day. The same rules as
 * isDue and classifyReport, with what depends on the cycle alone worked out once per cycle: a
 * city's set is some 120,000 (item, cycle) pairs.
 */
export function tallyCompliance(input: {
  today: string;
  sets: readonly ComplianceSet[];
  cycles: readonly ComplianceCycle[];
  items: readonly ComplianceItem[];
  /** A node's updates (any state; withdrawn ones are ignored). */
  updatesOf: (nodeId: number) => readonly ReportFacts[];
}): ComplianceTally {
  const byDepartment = new Map<number, Map<string, ComplianceCounts>>();
  const byCycle = new Map<string, ComplianceCounts>();
  const cyclesOf = groupBy(input.cycles, (c) => c.setId);
  // What depends on the cycle alone, once per cycle: whether it is due, its first late instant, its total.
  const dueCyclesOf = new Map<
    number,
    Array<{ cycle: ComplianceCycle; lateFromMs: number; total: ComplianceCounts }>
  >();
  for (const set of input.sets) {
    const due = (cyclesOf.get(set.id) ?? []).filter((cycle) => cycleIsDue(set, cycle, input.today));
    dueCyclesOf.set(
      set.id,
      due.map((cycle) => {
        const total = byCycle.get(cycle.periodKey) ?? noCounts();
        byCycle.set(cycle.periodKey, total);
        return { cycle, lateFromMs: lateFrom(cycle.staffDue).getTime(), total };
      }),
    );
  }
  for (const item of input.items) {
    const department = item.leadDepartmentId;
    if (!owesReports(item) || department === null) continue;
    const dueCycles = dueCyclesOf.get(item.setId);
    if (!dueCycles || dueCycles.length === 0) continue;
    const rows = byDepartment.get(department) ?? new Map<string, ComplianceCounts>();
    byDepartment.set(department, rows);
    const updates = input.updatesOf(item.nodeId);
    for (const { cycle, lateFromMs, total } of dueCycles) {
      const report = reportFor(updates, cycle);
      const outcome = outcomeOf(report, lateFromMs);
      let row = rows.get(cycle.periodKey);
      if (!row) rows.set(cycle.periodKey, (row = noCounts()));
      count(row, outcome, report);
      count(total, outcome, report);
    }
  }
  return { byDepartment, byCycle };
}

/** The share of due reports sent on time (0–1), or null when nothing was due. */
export const onTimeShare = (c: ComplianceCounts): number | null => (c.due === 0 ? null : c.onTime / c.due);
/** The share of due reports sent late (0–1), or null when nothing was due. */
export const lateShare = (c: ComplianceCounts): number | null => (c.due === 0 ? null : c.late / c.due);

/** Worst first: the lowest on-time share, then the most not reported, then the most returned. */
export function worstFirst(a: ComplianceCounts, b: ComplianceCounts): number {
  return (
    (onTimeShare(a) ?? 1) - (onTimeShare(b) ?? 1) ||
    b.notReported / Math.max(b.due, 1) - a.notReported / Math.max(a.due, 1) ||
    b.returned - a.returned ||
    b.due - a.due
  );
}

/* ───────────────────────────── the read model ───────────────────────────── */

export type DepartmentRef = { slug: string; nameZh: string; nameEn: string };
export type ComplianceCycleRef = { key: string; period: CyclePeriod };
export type ComplianceRow = ComplianceCycleRef & {
  department: DepartmentRef;
  counts: ComplianceCounts;
  onTimeShare: number | null;
};
export type ComplianceCycleSummary = ComplianceCycleRef & {
  counts: ComplianceCounts;
  onTimeShare: number | null;
  lateShare: number | null;
};
export type NeverUpdatedItem = {
  itemId: number;
  nodeId: number;
  numberLabel: string | null;
  title: string;
  department: DepartmentRef | null;
  set: { id: number; name: string };
};

export type ComplianceReport = {
  /** When the figures were computed: every update up to this instant is counted. */
  generatedAt: Date;
  /** Every tracked set, newest first (the filter's choices). */
  sets: Array<{ id: number; name: string }>;
  /** The set shown (the one asked for, else the newest), or null for all of them. */
  set: { id: number; name: string } | null;
  /** The cycles of the chosen sets whose period has ended, newest first (the filter's choices). */
  cycles: ComplianceCycleRef[];
  /** The cycle asked for, or null for every ended one. */
  cycle: ComplianceCycleRef | null;
  /** Items being tracked in the chosen sets (0: nothing is tracked). */
  tracked: number;
  /** One row per department × cycle with something due: newest cycle first, worst department first. */
  rows: ComplianceRow[];
  /** The rows added up. */
  totals: ComplianceCounts;
  /** Every ended cycle of the chosen sets, oldest first, whatever cycle is asked for: the chart. */
  byCycle: ComplianceCycleSummary[];
  /** Tracked items of the chosen sets nobody has ever updated (the first NEVER_UPDATED_LIMIT). */
  neverUpdated: { total: number; items: NeverUpdatedItem[] };
};

export type ComplianceResult =
  | { status: "ok"; report: ComplianceReport }
  /** The filter names a set that does not exist, or a cycle that does not exist or has not ended. */
  | { status: "badFilter"; problem: "set" | "cycle" };

export const NEVER_UPDATED_LIMIT = 200;

/** Items of the chosen sets still being tracked. */
const trackingIn = (setIds: number[] | undefined): Prisma.TrackedItemWhereInput => ({
  state: "tracking",
  ...(setIds ? { setId: { in: setIds } } : {}),
});

/**
 * The updates as coveringUpdates' JSON carries them: one array per column (ids; DATEs as days since
 * 1970; instants as ms), null for a column of no rows.
 */
type UpdateColumns = [
  ids: number[] | null,
  nodeIds: number[] | null,
  fromDays: number[] | null,
  toDays: number[] | null,
  states: UpdateState[] | null,
  updatedAt: number[] | null,
  publishedAt: Array<number | null> | null,
  firstSubmitAt: Array<number | null> | null,
];

const DAY_MS = 86_400_000;
const column = (value: Prisma.Sql) => Prisma.sql`array_agg(${value})`;
const epochMs = (value: Prisma.Sql) => column(Prisma.sql`floor(extract(epoch FROM ${value}) * 1000)`);
const instant = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms));

/**
 * The not-withdrawn updates on nodes tracked (with a lead department) in the set, or in any set,
 * that could cover an ended cycle (starting by the last one's start, ending after the first one's
 * end), each with its first submission. Measured at a city's scale (scripts/bench-inbox.ts: 15,000
 * items, ~96,000 updates) and shaped by it:
 *  - the first submission is stored on the update (`firstSubmittedAt`, set by the submit step):
 *    finding it in UpdateStep, most of the rows at that scale, took most of the read's time;
 *  - one statement: through Prisma's relations the updates' fields came as several queries binding
 *    every id, past PostgreSQL's 65,535 bind parameters (it failed on both databases);
 *  - one JSON value of eight arrays of numbers, not a row per update: on the embedded database
 *    each row is a protocol message (96,000 rows took 1.6–2 s), and building one JSON array per
 *    update cost about as much again as arrays per column.
 */
async function coveringUpdates(
  db: Db,
  setId: number | undefined,
  endOfFirst: string,
  startOfLast: string,
): Promise<Array<ReportFacts & { nodeId: number }>> {
  const inSet = setId === undefined ? Prisma.empty : Prisma.sql`AND i."setId" = ${setId}::int`;
  const [result] = await db.$queryRaw<Array<{ updates: string }>>`
    SELECT json_build_array(
             ${column(Prisma.sql`e.id`)}, ${column(Prisma.sql`e."nodeId"`)},
             ${column(Prisma.sql`e."periodFrom" - DATE '1970-01-01'`)}, ${column(Prisma.sql`e."periodTo" - DATE '1970-01-01'`)},
             ${column(Prisma.sql`e.state`)}, ${epochMs(Prisma.sql`e."updatedAt"`)},
             ${epochMs(Prisma.sql`e."publishedAt"`)}, ${epochMs(Prisma.sql`e."firstSubmittedAt"`)}
           )::text AS updates
    FROM "ProgressEntry" e
    WHERE e."withdrawnAt" IS NULL
      AND e."periodFrom" <= ${startOfLast}::date
      AND e."periodTo" >= ${endOfFirst}::date
      AND EXISTS (
        SELECT 1 FROM "TrackedItem" i
        WHERE i."nodeId" = e."nodeId" AND i.state = 'tracking' AND i."leadDepartmentId" IS NOT NULL ${inSet}
      )`;
  const [ids, nodeIds, fromDays, toDays, states, updatedAt, publishedAt, firstSubmitAt]: UpdateColumns =
    JSON.parse(result?.updates ?? "[]");
  // Periods repeat (a few dozen days for ~100,000 updates): one Date per day, never mutated.
  const days = new Map<number, Date>();
  const dayOf = (day = 0): Date => {
    let date = days.get(day);
    if (!date) days.set(day, (date = new Date(day * DAY_MS)));
    return date;
  };
  // The columns have one value per update each; the fallbacks only satisfy the index types.
  return (ids ?? []).map((id, i) => ({
    id,
    nodeId: nodeIds?.[i] ?? 0,
    periodFrom: dayOf(fromDays?.[i]),
    periodTo: dayOf(toDays?.[i]),
    state: states?.[i] ?? "draft",
    updatedAt: new Date(updatedAt?.[i] ?? 0),
    publishedAt: instant(publishedAt?.[i]),
    firstSubmitAt: instant(firstSubmitAt?.[i]),
  }));
}

/** The 研考會's 填報情形 for a set (or all) and a cycle (or every ended one), as of `now`. */
export async function getComplianceReport(
  db: Db,
  viewer: SessionUser | null,
  filter: ComplianceFilter,
  now: Date,
): Promise<ComplianceResult> {
  assertCan(viewer, { action: "tracking.manage" });
  const today = taipeiToday(now);
  const allSets = await db.trackedSet.findMany({
    orderBy: { id: "desc" },
    select: { id: true, name: true, cadence: true, fromDay: true, toDay: true },
  });
  // No set asked for: the newest (lib/tracking/compliance-query.ts); "all": every set.
  const chosenSet =
    filter.setId === "all"
      ? null
      : filter.setId === undefined
        ? (allSets[0] ?? null)
        : allSets.find((s) => s.id === filter.setId);
  if (chosenSet === undefined) return { status: "badFilter", problem: "set" };
  const sets = chosenSet ? [chosenSet] : allSets;
  const setIds = chosenSet ? [chosenSet.id] : undefined;
  const cadenceOf = new Map(sets.map((s) => [s.id, s.cadence]));

  const cycles = await db.reportingCycle.findMany({
    where: {
      ...(setIds ? { setId: { in: setIds } } : {}),
      periodTo: { lt: new Date(`${today}T00:00:00Z`) }, // ended in Taipei, as DATE columns compare
    },
    orderBy: [{ periodTo: "asc" }, { periodFrom: "asc" }, { id: "asc" }],
    select: { setId: true, periodKey: true, periodFrom: true, periodTo: true, staffDue: true },
  });
  const refOf = new Map<string, ComplianceCycleRef & { order: number }>();
  for (const c of cycles) {
    if (refOf.has(c.periodKey)) continue;
    const cadence = cadenceOf.get(c.setId) ?? "quarterly";
    refOf.set(c.periodKey, {
      key: c.periodKey,
      period: periodContaining(cadence, calendarDay(c.periodFrom)),
      order: refOf.size,
    });
  }
  const chosenCycle = filter.periodKey === undefined ? null : refOf.get(filter.periodKey);
  if (chosenCycle === undefined) return { status: "badFilter", problem: "cycle" };

  const itemScope = trackingIn(setIds);
  const first = cycles[0];
  const last = cycles.at(-1);
  const [items, neverUpdatedIds, updates] = await Promise.all([
    db.trackedItem.findMany({
      where: itemScope,
      select: { id: true, setId: true, nodeId: true, state: true, leadDepartmentId: true },
    }),
    db.trackedItem.findMany({
      where: { ...itemScope, node: { progressEntries: { none: { withdrawnAt: null } } } },
      orderBy: [{ leadDepartment: { sortOrder: "asc" } }, { setId: "desc" }, { id: "asc" }],
      select: { id: true },
    }),
    first && last
      ? coveringUpdates(db, chosenSet?.id, calendarDay(first.periodTo), calendarDay(last.periodFrom))
      : [],
  ]);
  const listed = neverUpdatedIds.slice(0, NEVER_UPDATED_LIMIT).map((i) => i.id);
  const neverUpdated = await db.trackedItem.findMany({
    where: { id: { in: listed } },
    select: {
      id: true,
      set: { select: { id: true, name: true } },
      leadDepartment: { select: { slug: true, nameZh: true, nameEn: true } },
      node: { select: { id: true, numberLabel: true, title: true, text: true } },
    },
  });
  const position = new Map(listed.map((id, i) => [id, i]));
  neverUpdated.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
  const updatesOf = groupBy(updates, (u) => u.nodeId);
  const tally = tallyCompliance({
    today,
    sets,
    cycles,
    items,
    updatesOf: (nodeId) => updatesOf.get(nodeId) ?? [],
  });

  const departments = await db.department.findMany({
    where: { id: { in: [...tally.byDepartment.keys()] } },
    select: { id: true, slug: true, nameZh: true, nameEn: true, sortOrder: true },
  });
  const totals = noCounts();
  const rows: Array<ComplianceRow & { order: number; sortOrder: number }> = [];
  for (const d of departments) {
    for (const [key, counts] of tally.byDepartment.get(d.id) ?? []) {
      const ref = refOf.get(key);
      if (!ref || (chosenCycle && key !== chosenCycle.key)) continue;
      for (const k of Object.keys(totals) as Array<keyof ComplianceCounts>) totals[k] += counts[k];
      rows.push({
        key,
        period: ref.period,
        order: ref.order,
        department: { slug: d.slug, nameZh: d.nameZh, nameEn: d.nameEn },
        sortOrder: d.sortOrder,
        counts,
        onTimeShare: onTimeShare(counts),
      });
    }
  }
  rows.sort(
    (a, b) =>
      b.order - a.order ||
      worstFirst(a.counts, b.counts) ||
      a.sortOrder - b.sortOrder ||
      a.department.slug.localeCompare(b.department.slug),
  );
  const refs = [...refOf.values()];
  return {
    status: "ok",
    report: {
      generatedAt: now,
      sets: allSets.map((s) => ({ id: s.id, name: s.name })),
      set: chosenSet ? { id: chosenSet.id, name: chosenSet.name } : null,
      cycles: [...refs].reverse().map(({ key, period }) => ({ key, period })),
      cycle: chosenCycle ? { key: chosenCycle.key, period: chosenCycle.period } : null,
      tracked: items.length,
      rows: rows.map(({ order: _order, sortOrder: _sortOrder, ...row }) => row),
      totals,
      byCycle: refs.map(({ key, period }) => {
        const counts = tally.byCycle.get(key) ?? noCounts();
        return { key, period, counts, onTimeShare: onTimeShare(counts), lateShare: lateShare(counts) };
      }),
      neverUpdated: {
        total: neverUpdatedIds.length,
        items: neverUpdated.map((i) => ({
          itemId: i.id,
          nodeId: i.node.id,
          numberLabel: i.node.numberLabel,
          title: i.node.title ?? i.node.text,
          department: i.leadDepartment,
          set: i.set,
        })),
      },
    },
  };
}
