import { z } from "zod";
import { TAGS } from "@/lib/cache/tags";
import { assertCan, type SessionUser } from "@/lib/auth/permissions";
import { defineCommand } from "@/lib/commands/command";
import type { Db } from "@/lib/db/client";
import {
  CADENCES,
  checkDueOffsets,
  type CyclePeriod,
  DEFAULT_DUE_OFFSETS,
  type DueOffsets,
  dueDatesOf,
  periodContaining,
  periodKey,
  periodsBetween,
} from "@/lib/domain/cycles";
import { calendarDay, taipeiToday } from "@/lib/domain/time";
import { documentCoversYear } from "@/lib/domain/plan-years";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { departmentSlug, gregorianYearText } from "@/lib/validation/atoms";
import { recordId } from "@/lib/validation/params";

type Tx = Prisma.TransactionClient;

/**
 * What the 研考會 tracks by default for a year (TRACKING.md, issue 12): the agenda items of the
 * year's policy outline, the key points of the year's department plans and the strategies of the
 * mid-term plan covering it. Retired nodes are not tracked.
 */
export const DEFAULT_SELECTION = [
  { documentKind: "policy_outline", nodeKind: "agenda_item" },
  { documentKind: "department_plan", nodeKind: "key_point" },
  { documentKind: "mid_term_plan", nodeKind: "strategy" },
] as const;

/** A refused tracking change, naming the rule: the reviewer's form shows it beside the field. */
export class TrackingRuleError extends AppError {
  constructor(
    readonly rule: "dueDatesOutOfOrder" | "dueDaysOutOfRange" | "nothingToTrack" | "itemClosed",
    field: string,
  ) {
    super("rule_broken", rule, { [field]: rule });
    this.name = "TrackingRuleError";
  }
}

export class TrackedItemNotFoundError extends AppError {
  constructor(readonly itemId: number) {
    super("not_found", `No tracked item ${itemId}.`);
    this.name = "TrackedItemNotFoundError";
  }
}

export class TrackedSetNotFoundError extends AppError {
  constructor(readonly setId: number) {
    super("not_found", `No tracked set ${setId}.`);
    this.name = "TrackedSetNotFoundError";
  }
}

const dueDays = z.coerce.number({ message: "dueDays" }).int({ message: "dueDays" });

/** The due-day fields as a reviewer types them when editing a set (creation gives them defaults). */
const dueDayFields = {
  staffDueDays: dueDays,
  supervisorDueDays: dueDays,
  reviewDueDays: dueDays,
  graceDays: dueDays,
};
type DueDayFields = { [K in keyof typeof dueDayFields]: number };

export const createTrackedSetInput = z.object({
  name: z.string().trim().min(1, { message: "required" }).max(100, { message: "tooLong" }),
  year: gregorianYearText(),
  cadence: z.enum(CADENCES, { message: "cadence" }).default("quarterly"),
  staffDueDays: dueDays.default(DEFAULT_DUE_OFFSETS.staffDays),
  supervisorDueDays: dueDays.default(DEFAULT_DUE_OFFSETS.supervisorDays),
  reviewDueDays: dueDays.default(DEFAULT_DUE_OFFSETS.reviewDays),
  graceDays: dueDays.default(DEFAULT_DUE_OFFSETS.graceDays),
});

const calendarDate = (day: string) => new Date(`${day}T00:00:00Z`); // a DATE column's value

/**
 * The typed due days as offsets, refused with the rule they break (lib/domain/cycles.ts
 * checkDueOffsets, the one place the rule is written) before anything is written.
 */
function dueOffsetsOf(input: DueDayFields): DueOffsets {
  const offsets: DueOffsets = {
    staffDays: input.staffDueDays,
    supervisorDays: input.supervisorDueDays,
    reviewDays: input.reviewDueDays,
    graceDays: input.graceDays,
  };
  const broken = checkDueOffsets(offsets);
  if (broken) throw new TrackingRuleError(broken, "staffDueDays");
  return offsets;
}

/** A cycle's due dates as its DATE columns hold them. */
function dueColumns(period: CyclePeriod, offsets: DueOffsets) {
  const due = dueDatesOf(period, offsets);
  return {
    staffDue: calendarDate(due.staff),
    supervisorDue: calendarDate(due.supervisor),
    reviewDue: calendarDate(due.review),
    lateAfter: calendarDate(due.lateAfter),
  };
}

/**
 * A reviewer puts a year's plans under tracking: one set, its items (each led by the department
 * the document names for it, or waiting for a reviewer to assign one) and its reporting cycles with
 * their due dates.
 */
export const createTrackedSetCommand = defineCommand({
  name: "tracking.create-set",
  input: createTrackedSetInput,
  permission: () => ({ action: "tracking.manage" }),
  run: async ({ tx, actor, audit }, input) => {
    const offsets = dueOffsetsOf(input);
    const nodes = await tx.planNode.findMany({
      where: {
        retiredAt: null,
        OR: DEFAULT_SELECTION.map((s) => ({
          kind: s.nodeKind,
          document: { kind: s.documentKind, ...documentCoversYear(input.year) },
        })),
      },
      orderBy: [{ documentId: "asc" }, { lineFrom: "asc" }],
      select: { id: true, departmentId: true },
    });
    if (nodes.length === 0) throw new TrackingRuleError("nothingToTrack", "year");
    const fromDay = `${input.year}-01-01`;
    const toDay = `${input.year}-12-31`;
    const set = await tx.trackedSet.create({
      data: {
        name: input.name,
        cadence: input.cadence,
        fromDay: calendarDate(fromDay),
        toDay: calendarDate(toDay),
        staffDueDays: offsets.staffDays,
        supervisorDueDays: offsets.supervisorDays,
        reviewDueDays: offsets.reviewDays,
        graceDays: offsets.graceDays,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await tx.trackedItem.createMany({
      data: nodes.map((n) => ({ setId: set.id, nodeId: n.id, leadDepartmentId: n.departmentId })),
    });
    const cycles = periodsBetween(input.cadence, fromDay, toDay).map((period) => ({
      setId: set.id,
      periodKey: periodKey(period),
      periodFrom: calendarDate(period.from),
      periodTo: calendarDate(period.to),
      ...dueColumns(period, offsets),
    }));
    await tx.reportingCycle.createMany({ data: cycles });
    const unassigned = nodes.filter((n) => n.departmentId === null).length;
    await audit({
      entityType: "TrackedSet",
      entityId: set.id,
      after: { name: input.name, year: input.year, cadence: input.cadence, items: nodes.length, unassigned },
    });
    return { setId: set.id, items: nodes.length, unassigned, cycles: cycles.length };
  },
});

export const updateTrackedSetInput = z.object({
  setId: recordId,
  expectedVersion: recordId,
  ...dueDayFields,
});

/**
 * A reviewer changes a set's due days after creating it: the set's offsets and the due dates of
 * every cycle whose staff due day has not passed yet (in Taipei), which the inbox, the reminders
 * and the 填報情形 read. A cycle already past its staff due day keeps its dates: its reports were
 * judged on time or late against them, and a later edit must not rewrite that. The cadence and
 * the year are fixed once a set exists (its cycles and reports hang off them).
 */
export const updateTrackedSetCommand = defineCommand({
  name: "tracking.update-set",
  input: updateTrackedSetInput,
  permission: () => ({ action: "tracking.manage" }),
  run: async ({ tx, audit, now }, input) => {
    const before = await tx.trackedSet.findUnique({
      where: { id: input.setId },
      select: {
        version: true,
        cadence: true,
        staffDueDays: true,
        supervisorDueDays: true,
        reviewDueDays: true,
        graceDays: true,
      },
    });
    if (!before) throw new TrackedSetNotFoundError(input.setId);
    if (before.version !== input.expectedVersion)
      throw new AppError("conflict", `Tracked set ${input.setId} changed.`);
    const offsets = dueOffsetsOf(input);
    const { count } = await tx.trackedSet.updateMany({
      where: { id: input.setId, version: input.expectedVersion },
      data: {
        staffDueDays: offsets.staffDays,
        supervisorDueDays: offsets.supervisorDays,
        reviewDueDays: offsets.reviewDays,
        graceDays: offsets.graceDays,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new AppError("conflict", `Tracked set ${input.setId} changed.`);
    const open = await tx.reportingCycle.findMany({
      where: { setId: input.setId, staffDue: { gte: calendarDate(taipeiToday(now)) } },
      orderBy: { periodFrom: "asc" },
      select: { id: true, periodKey: true, periodFrom: true },
    });
    for (const cycle of open) {
      const period = periodContaining(before.cadence, calendarDay(cycle.periodFrom));
      await tx.reportingCycle.update({ where: { id: cycle.id }, data: dueColumns(period, offsets) });
    }
    const { version: _version, cadence: _cadence, ...was } = before;
    await audit({
      entityType: "TrackedSet",
      entityId: input.setId,
      before: was,
      after: {
        staffDueDays: offsets.staffDays,
        supervisorDueDays: offsets.supervisorDays,
        reviewDueDays: offsets.reviewDays,
        graceDays: offsets.graceDays,
        cyclesRedated: open.map((c) => c.periodKey),
      },
    });
    return { cyclesRedated: open.length };
  },
});

/** The item as it stands, for a change that must not race another reviewer's. */
async function openItem(tx: Tx, itemId: number, expectedVersion: number) {
  const item = await tx.trackedItem.findUnique({
    where: { id: itemId },
    select: { id: true, state: true, version: true, leadDepartmentId: true, coDepartmentIds: true },
  });
  if (!item) throw new TrackedItemNotFoundError(itemId);
  if (item.state === "closed") throw new TrackingRuleError("itemClosed", "form");
  if (item.version !== expectedVersion) throw new AppError("conflict", `Tracked item ${itemId} changed.`);
  return item;
}

export const assignLeadInput = z.object({
  itemId: recordId,
  expectedVersion: recordId,
  lead: departmentSlug("department"),
  co: z.array(departmentSlug("department")).max(20).default([]),
});

/** A reviewer names the lead department (主辦) and co-departments (協辦) of a tracked item. */
export const assignLeadCommand = defineCommand({
  name: "tracking.assign-lead",
  input: assignLeadInput,
  permission: () => ({ action: "tracking.manage" }),
  run: async ({ tx, audit, expire }, input) => {
    const before = await openItem(tx, input.itemId, input.expectedVersion);
    const slugs = [input.lead, ...input.co];
    const departments = await tx.department.findMany({
      where: { slug: { in: slugs } },
      select: { id: true, slug: true },
    });
    const idOf = new Map(departments.map((d) => [d.slug, d.id]));
    const lead = idOf.get(input.lead);
    if (lead === undefined) throw new AppError("invalid_input", "unknown department", { lead: "department" });
    const co = [...new Set(input.co.map((slug) => idOf.get(slug)))].filter(
      (id): id is number => id !== undefined && id !== lead,
    );
    const { count } = await tx.trackedItem.updateMany({
      where: { id: input.itemId, version: input.expectedVersion },
      data: { leadDepartmentId: lead, coDepartmentIds: co, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("conflict", `Tracked item ${input.itemId} changed.`);
    await audit({
      entityType: "TrackedItem",
      entityId: input.itemId,
      before: { leadDepartmentId: before.leadDepartmentId, coDepartmentIds: before.coDepartmentIds },
      after: { leadDepartmentId: lead, coDepartmentIds: co },
    });
    expire(TAGS.progressOverview); // the public roll-ups group items by their lead
  },
});

export const MAX_WEIGHT = 100;

export const setWeightInput = z.object({
  itemId: recordId,
  expectedVersion: recordId,
  // A form posts text: a blank field is no weight (never 0), "4" is 4.
  weight: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? Number(v.trim()) : v),
    z
      .number({ message: "weight" })
      .int({ message: "weight" })
      .min(0, { message: "weight" })
      .max(MAX_WEIGHT, { message: "weight" }),
  ),
});

/**
 * The 研考會 weighs a tracked item in roll-ups (a department, a vision, the city): equal (1) by
 * default; 0 leaves it out of the shares while it is still listed and counted.
 */
export const setWeightCommand = defineCommand({
  name: "tracking.set-weight",
  input: setWeightInput,
  permission: () => ({ action: "tracking.manage" }),
  run: async ({ tx, audit, expire }, input) => {
    await openItem(tx, input.itemId, input.expectedVersion);
    const before = await tx.trackedItem.findUniqueOrThrow({
      where: { id: input.itemId },
      select: { weight: true },
    });
    const { count } = await tx.trackedItem.updateMany({
      where: { id: input.itemId, version: input.expectedVersion },
      data: { weight: input.weight, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("conflict", `Tracked item ${input.itemId} changed.`);
    await audit({
      entityType: "TrackedItem",
      entityId: input.itemId,
      before: { weight: before.weight },
      after: { weight: input.weight },
    });
    expire(TAGS.progressOverview);
  },
});

export const closeTrackedItemInput = z.object({
  itemId: recordId,
  expectedVersion: recordId,
  reason: z.string().trim().min(1, { message: "closeReasonRequired" }).max(500, { message: "tooLong" }),
});

/** 結案 / 解除列管: tracking of an item ends, with the reason; a closed item is never overdue. */
export const closeTrackedItemCommand = defineCommand({
  name: "tracking.close-item",
  input: closeTrackedItemInput,
  permission: () => ({ action: "tracking.manage" }),
  run: async ({ tx, actor, audit, now, expire }, input) => {
    await openItem(tx, input.itemId, input.expectedVersion);
    const { count } = await tx.trackedItem.updateMany({
      where: { id: input.itemId, version: input.expectedVersion },
      data: {
        state: "closed",
        closedReason: input.reason,
        closedAt: now,
        closedById: actor.id,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new AppError("conflict", `Tracked item ${input.itemId} changed.`);
    await audit({
      entityType: "TrackedItem",
      entityId: input.itemId,
      after: { state: "closed", reason: input.reason },
    });
    // 結案 is the item's light from now on, on its page and in every roll-up.
    const { nodeId } = await tx.trackedItem.findUniqueOrThrow({
      where: { id: input.itemId },
      select: { nodeId: true },
    });
    expire(TAGS.progressOverview, TAGS.node(nodeId));
  },
});

/* Reads (the data layer binds the database; each asks can() first). */

export async function listTrackedSets(db: Db, viewer: SessionUser | null) {
  assertCan(viewer, { action: "tracking.manage" });
  const sets = await db.trackedSet.findMany({
    orderBy: { id: "desc" },
    select: {
      id: true,
      name: true,
      cadence: true,
      fromDay: true,
      toDay: true,
      createdAt: true,
      _count: { select: { items: true, cycles: true } },
    },
  });
  const unassigned = await db.trackedItem.groupBy({
    by: ["setId"],
    where: { leadDepartmentId: null, state: "tracking" },
    _count: { _all: true },
  });
  const unassignedOf = new Map(unassigned.map((u) => [u.setId, u._count._all]));
  return sets.map(({ _count, ...set }) => ({
    ...set,
    items: _count.items,
    cycles: _count.cycles,
    unassigned: unassignedOf.get(set.id) ?? 0,
  }));
}

export async function getTrackedSet(db: Db, viewer: SessionUser | null, setId: number) {
  assertCan(viewer, { action: "tracking.manage" });
  return db.trackedSet.findUnique({
    where: { id: setId },
    select: {
      id: true,
      name: true,
      cadence: true,
      fromDay: true,
      toDay: true,
      staffDueDays: true,
      supervisorDueDays: true,
      reviewDueDays: true,
      graceDays: true,
      version: true,
      cycles: {
        orderBy: { periodFrom: "asc" },
        select: {
          id: true,
          periodKey: true,
          periodFrom: true,
          periodTo: true,
          staffDue: true,
          supervisorDue: true,
          reviewDue: true,
          lateAfter: true,
        },
      },
      items: {
        // Items waiting for a lead department first: they are what the reviewer must act on.
        orderBy: [{ state: "asc" }, { leadDepartmentId: { sort: "asc", nulls: "first" } }, { id: "asc" }],
        select: {
          id: true,
          state: true,
          version: true,
          closedReason: true,
          coDepartmentIds: true,
          leadDepartment: { select: { slug: true, nameZh: true, nameEn: true } },
          node: {
            select: {
              id: true,
              kind: true,
              numberLabel: true,
              title: true,
              text: true,
              document: { select: { id: true, title: true } },
            },
          },
        },
      },
    },
  });
}

export type TrackedSetDetail = NonNullable<Awaited<ReturnType<typeof getTrackedSet>>>;

/** One tracked item with what a reviewer needs to assign or close it. */
export async function getTrackedItem(db: Db, viewer: SessionUser | null, itemId: number) {
  assertCan(viewer, { action: "tracking.manage" });
  const [item, departments] = await Promise.all([
    db.trackedItem.findUnique({
      where: { id: itemId },
      select: {
        id: true,
        state: true,
        version: true,
        weight: true,
        closedReason: true,
        closedAt: true,
        coDepartmentIds: true,
        leadDepartment: { select: { slug: true, nameZh: true, nameEn: true } },
        set: { select: { id: true, name: true } },
        node: {
          select: {
            id: true,
            numberLabel: true,
            title: true,
            text: true,
            document: { select: { id: true, title: true } },
          },
        },
      },
    }),
    db.department.findMany({
      orderBy: { sortOrder: "asc" },
      select: { id: true, slug: true, nameZh: true, nameEn: true },
    }),
  ]);
  return item ? { item, departments } : null;
}
