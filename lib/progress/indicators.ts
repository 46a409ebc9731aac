import { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import { progressTags } from "@/lib/cache/tags";
import { defineCommand } from "@/lib/commands/command";
import type { Db } from "@/lib/db/client";
import type { CyclePeriod } from "@/lib/domain/cycles";
import {
  INDICATOR_DIRECTIONS,
  type IndicatorDirection,
  type IndicatorTarget,
  indicatorRefusal,
  readTargets,
  REFUSAL_FIELD,
  type IndicatorRefusal,
} from "@/lib/domain/indicators";
import { answerableDepartments } from "@/lib/domain/nodes";
import { calendarDay, taipeiDay } from "@/lib/domain/time";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordId } from "@/lib/validation/params";
import { progressImpactOf } from "./entries";
import { periodsOf } from "./plans";

type Tx = Prisma.TransactionClient;

/**
 * Indicators (衡量指標) of a tracked item: its departments' staff or the 研考會 define them (name,
 * unit, direction, baseline, a target per year) and change them with a reason; the departments'
 * staff record the actual value per period of the set. Append-only: every definition is also an
 * IndicatorVersion row, every value an IndicatorValue revision (a correction is the next revision,
 * with its reason). The rules are lib/domain/indicators.ts; docs/decisions/014-indicators.md.
 */

export const INDICATOR_LIMITS = { name: 200, unit: 40, method: 2000, reason: 1000, note: 1000, targets: 60 };

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: "tooLong" })
    .transform((s) => (s === "" ? null : s))
    .nullable()
    .optional()
    .transform((s) => s ?? null);

const finite = z.number({ message: "number" }).finite({ message: "number" });

export const indicatorTargetInput = z.object({
  year: z.number({ message: "targetYear" }).int({ message: "targetYear" }),
  value: finite,
});

const definitionFields = {
  name: z.string().trim().min(1, { message: "required" }).max(INDICATOR_LIMITS.name, { message: "tooLong" }),
  unit: optionalText(INDICATOR_LIMITS.unit),
  direction: z.enum(INDICATOR_DIRECTIONS, { message: "direction" }),
  baseline: finite
    .nullable()
    .optional()
    .transform((n) => n ?? null),
  method: optionalText(INDICATOR_LIMITS.method),
  targets: z.array(indicatorTargetInput).max(INDICATOR_LIMITS.targets, { message: "tooMany" }),
};

export const defineIndicatorInput = z.object({ trackedItemId: recordId, ...definitionFields });
export type DefineIndicatorInput = z.infer<typeof defineIndicatorInput>;

export const updateIndicatorInput = z.object({
  indicatorId: recordId,
  /** The version the editor saw: someone else's change in between is a conflict, not an overwrite. */
  expectedVersion: z.coerce.number().int().min(1).max(2_147_483_647),
  ...definitionFields,
  reason: optionalText(INDICATOR_LIMITS.reason),
});

export const recordIndicatorInput = z.object({
  indicatorId: recordId,
  /** The period's last Taipei day, as plans key their points. */
  periodEnd: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, { message: "indicatorPeriod" }),
  value: finite,
  /** The revision the recorder saw for this period; 0 when none was recorded. */
  expectedRevision: z.coerce.number().int().min(0).max(2_147_483_647),
  note: optionalText(INDICATOR_LIMITS.note),
});

export type IndicatorRule =
  | IndicatorRefusal
  | "itemClosed"
  | "indicatorPeriod"
  | "periodInFuture"
  | "correctionNoteRequired"
  | "valueUnchanged";

/** A definition or value the rules refuse; the form shows the key beside the field it names. */
export class IndicatorRuleError extends AppError {
  constructor(
    readonly rule: IndicatorRule,
    field: string = "form",
  ) {
    super("rule_broken", rule, { [field]: rule });
    this.name = "IndicatorRuleError";
  }
}

/** Someone else changed the indicator (or recorded the value) first: the actor's view is stale. */
export class IndicatorConflictError extends AppError {
  constructor(what: string) {
    super("conflict", `${what} changed.`, { form: "indicatorChanged" });
    this.name = "IndicatorConflictError";
  }
}

export class IndicatorNotFoundError extends AppError {
  constructor(what: string) {
    super("not_found", `No ${what}.`);
    this.name = "IndicatorNotFoundError";
  }
}

const itemSelect = {
  id: true,
  state: true,
  nodeId: true,
  leadDepartmentId: true,
  node: { select: { departmentId: true } },
  set: { select: { cadence: true, fromDay: true, toDay: true } },
} as const;

async function loadItem(tx: Tx | Db, itemId: number) {
  const item = await tx.trackedItem.findUnique({ where: { id: itemId }, select: itemSelect });
  if (!item) throw new IndicatorNotFoundError(`tracked item ${itemId}`);
  return item;
}
type LoadedItem = Awaited<ReturnType<typeof loadItem>>;

async function loadIndicator(tx: Tx | Db, indicatorId: number) {
  const indicator = await tx.indicator.findUnique({
    where: { id: indicatorId },
    select: { id: true, version: true, trackedItemId: true },
  });
  if (!indicator) throw new IndicatorNotFoundError(`indicator ${indicatorId}`);
  return { indicator, item: await loadItem(tx, indicator.trackedItemId) };
}

const departmentsOf = (item: LoadedItem) => answerableDepartments(item.node.departmentId, [item]);

/** The (Gregorian) years of the set's span: a target may be set for each. */
export const yearsOf = (periods: readonly CyclePeriod[]): number[] => [
  ...new Set(periods.map((p) => p.year)),
];

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

type Definition = z.infer<typeof defineIndicatorInput> | z.infer<typeof updateIndicatorInput>;

/** The definition as stored: targets in year order, plain numbers. */
function definitionOf(input: Definition) {
  const targets: IndicatorTarget[] = [...input.targets]
    .sort((a, b) => a.year - b.year)
    .map((t) => ({ year: t.year, value: t.value }));
  return {
    name: input.name,
    unit: input.unit,
    direction: input.direction,
    baseline: input.baseline,
    method: input.method,
    targets,
  };
}

function assertDefinition(
  item: LoadedItem,
  definition: ReturnType<typeof definitionOf>,
  version: number,
  reason: string | null,
) {
  if (item.state === "closed") throw new IndicatorRuleError("itemClosed");
  const refusal = indicatorRefusal({ ...definition, version, reason }, yearsOf(periodsOf(item.set)));
  if (refusal) throw new IndicatorRuleError(refusal, REFUSAL_FIELD[refusal]);
}

const definePermission = (item: LoadedItem): Permission => ({
  action: "indicator.define",
  departmentIds: departmentsOf(item),
});

/** 新增衡量指標: the item's departments or the 研考會 define an indicator, version 1. */
export const defineIndicatorCommand = defineCommand({
  name: "indicator.define",
  input: defineIndicatorInput,
  permission: async (input, tx) => definePermission(await loadItem(tx, input.trackedItemId)),
  run: async ({ tx, actor, audit, now, expire }, input) => {
    const item = await loadItem(tx, input.trackedItemId);
    const definition = definitionOf(input);
    assertDefinition(item, definition, 1, null);
    const indicator = await tx.indicator.create({
      data: { trackedItemId: item.id, ...definition, version: 1 },
      select: { id: true, version: true },
    });
    await tx.indicatorVersion.create({
      data: { indicatorId: indicator.id, version: 1, ...definition, authorId: actor.id, at: now },
    });
    await audit({
      entityType: "Indicator",
      entityId: indicator.id,
      after: { trackedItemId: item.id, version: 1, ...definition },
    });
    expire(...progressTags(await progressImpactOf(tx, item.nodeId)));
    return indicator;
  },
});

/** 修正衡量指標: a new version of the definition, with the reason; the old one stays in the history. */
export const updateIndicatorCommand = defineCommand({
  name: "indicator.update",
  input: updateIndicatorInput,
  permission: async (input, tx) => definePermission((await loadIndicator(tx, input.indicatorId)).item),
  run: async ({ tx, actor, audit, now, expire }, input) => {
    const { indicator, item } = await loadIndicator(tx, input.indicatorId);
    if (indicator.version !== input.expectedVersion)
      throw new IndicatorConflictError(`Indicator ${indicator.id}`);
    const definition = definitionOf(input);
    const version = indicator.version + 1;
    assertDefinition(item, definition, version, input.reason);
    const before = await tx.indicator.findUniqueOrThrow({
      where: { id: indicator.id },
      select: { name: true, unit: true, direction: true, baseline: true, method: true, targets: true },
    });
    // Compare-and-set on the version: of two editors saving at once, one wins.
    const { count } = await tx.indicator.updateMany({
      where: { id: indicator.id, version: indicator.version },
      data: { ...definition, version },
    });
    if (count === 0) throw new IndicatorConflictError(`Indicator ${indicator.id}`);
    await tx.indicatorVersion
      .create({
        data: {
          indicatorId: indicator.id,
          version,
          ...definition,
          reason: input.reason,
          authorId: actor.id,
          at: now,
        },
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? new IndicatorConflictError(`Indicator ${indicator.id}`) : error;
      });
    await audit({
      entityType: "Indicator",
      entityId: indicator.id,
      before: { version: indicator.version, ...before },
      after: { version, ...definition, reason: input.reason },
    });
    expire(...progressTags(await progressImpactOf(tx, item.nodeId)));
    return { id: indicator.id, version };
  },
});

/** 填報實際值: the actual for one period of the set; a correction is the next revision, with its reason. */
export const recordIndicatorCommand = defineCommand({
  name: "indicator.record",
  input: recordIndicatorInput,
  permission: async (input, tx): Promise<Permission> => ({
    action: "progress.write",
    departmentIds: departmentsOf((await loadIndicator(tx, input.indicatorId)).item),
  }),
  run: async ({ tx, actor, audit, now, expire }, input) => {
    const { indicator, item } = await loadIndicator(tx, input.indicatorId);
    if (item.state === "closed") throw new IndicatorRuleError("itemClosed");
    const period = periodsOf(item.set).find((p) => p.to === input.periodEnd);
    if (!period) throw new IndicatorRuleError("indicatorPeriod", "periodEnd");
    // An actual is measured once the period has begun (in Taipei), never in advance.
    if (period.from > taipeiDay(now)) throw new IndicatorRuleError("periodInFuture", "periodEnd");
    const periodEnd = new Date(`${period.to}T00:00:00Z`); // a DATE column's value
    const latest = await tx.indicatorValue.findFirst({
      where: { indicatorId: indicator.id, periodEnd },
      orderBy: { revision: "desc" },
      select: { revision: true, value: true },
    });
    if ((latest?.revision ?? 0) !== input.expectedRevision)
      throw new IndicatorConflictError(`The value of indicator ${indicator.id} for ${period.to}`);
    if (latest && latest.value === input.value) throw new IndicatorRuleError("valueUnchanged", "value");
    if (latest && !input.note) throw new IndicatorRuleError("correctionNoteRequired", "note");
    const revision = input.expectedRevision + 1;
    // Two recorders at once both read the same revision: the unique (indicator, period, revision) lets one in.
    const value = await tx.indicatorValue
      .create({
        data: {
          indicatorId: indicator.id,
          periodEnd,
          value: input.value,
          revision,
          note: input.note,
          recordedById: actor.id,
          recordedAt: now,
        },
        select: { id: true, revision: true },
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error)
          ? new IndicatorConflictError(`The value of indicator ${indicator.id} for ${period.to}`)
          : error;
      });
    await audit({
      entityType: "IndicatorValue",
      entityId: value.id,
      before: latest ? { revision: latest.revision, value: latest.value } : null,
      after: {
        indicatorId: indicator.id,
        periodEnd: period.to,
        revision,
        value: input.value,
        note: input.note,
      },
    });
    expire(...progressTags(await progressImpactOf(tx, item.nodeId)));
    return value;
  },
});

/* Reads for the staff page (the data layer binds the database and asks can() first). */

export type IndicatorVersionView = {
  version: number;
  name: string;
  unit: string | null;
  direction: IndicatorDirection;
  baseline: number | null;
  method: string | null;
  targets: IndicatorTarget[];
  reason: string | null;
  author: string;
  at: Date;
};

export type IndicatorValueView = {
  revision: number;
  value: number;
  note: string | null;
  by: string;
  at: Date;
};

export type IndicatorView = Omit<IndicatorVersionView, "reason" | "author" | "at"> & {
  id: number;
  /** Every version of the definition, newest first. */
  history: IndicatorVersionView[];
  /** Per period end "YYYY-MM-DD": every revision, newest first. */
  values: Record<string, IndicatorValueView[]>;
};

export type ItemIndicatorsView = {
  itemId: number;
  setName: string;
  closed: boolean;
  periods: CyclePeriod[];
  years: number[];
  indicators: IndicatorView[];
};

/** The indicators of every set tracking this node, for its staff page. */
export async function indicatorsOfNode(db: Db, nodeId: number): Promise<ItemIndicatorsView[]> {
  const items = await db.trackedItem.findMany({
    where: { nodeId },
    orderBy: { id: "asc" },
    select: {
      id: true,
      state: true,
      set: { select: { name: true, cadence: true, fromDay: true, toDay: true } },
      indicators: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          name: true,
          unit: true,
          direction: true,
          baseline: true,
          method: true,
          targets: true,
          version: true,
          versions: {
            orderBy: { version: "desc" },
            select: {
              version: true,
              name: true,
              unit: true,
              direction: true,
              baseline: true,
              method: true,
              targets: true,
              reason: true,
              at: true,
              author: { select: { name: true } },
            },
          },
          values: {
            orderBy: [{ periodEnd: "asc" }, { revision: "desc" }],
            select: {
              periodEnd: true,
              revision: true,
              value: true,
              note: true,
              recordedAt: true,
              recordedBy: { select: { name: true } },
            },
          },
        },
      },
    },
  });
  return items.map((item) => {
    const periods = periodsOf(item.set);
    return {
      itemId: item.id,
      setName: item.set.name,
      closed: item.state === "closed",
      periods,
      years: yearsOf(periods),
      indicators: item.indicators.map((i) => {
        const values: Record<string, IndicatorValueView[]> = {};
        for (const v of i.values) {
          (values[calendarDay(v.periodEnd)] ??= []).push({
            revision: v.revision,
            value: v.value,
            note: v.note,
            by: v.recordedBy.name,
            at: v.recordedAt,
          });
        }
        return {
          id: i.id,
          version: i.version,
          name: i.name,
          unit: i.unit,
          direction: i.direction,
          baseline: i.baseline,
          method: i.method,
          targets: readTargets(i.targets),
          history: i.versions.map((v) => ({
            version: v.version,
            name: v.name,
            unit: v.unit,
            direction: v.direction,
            baseline: v.baseline,
            method: v.method,
            targets: readTargets(v.targets),
            reason: v.reason,
            author: v.author.name,
            at: v.at,
          })),
          values,
        };
      }),
    };
  });
}
