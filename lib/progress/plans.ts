import { z } from "zod";
import type { Permission, SessionUser } from "@/lib/auth/permissions";
import { progressTags } from "@/lib/cache/tags";
import { defineCommand } from "@/lib/commands/command";
import type { Db } from "@/lib/db/client";
import { type CyclePeriod, periodsBetween } from "@/lib/domain/cycles";
import { needsDropReason } from "@/lib/domain/progress";
import { PUBLIC_ENTRY } from "@/lib/domain/updates";
import { answerableDepartments } from "@/lib/domain/nodes";
import {
  type CatchUpPlan,
  missingCatchUp,
  type PlanPoint,
  planRefusal,
  readPlanPoints,
} from "@/lib/domain/planned";
import { calendarDay } from "@/lib/domain/time";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PlanState } from "@/lib/generated/prisma/enums";
import { recordId } from "@/lib/validation/params";
import { progressImpactOf, type ProgressSnapshot } from "./entries";
import { isBehindPlan } from "./lights";

type Tx = Prisma.TransactionClient;

/**
 * Planned progress (預定進度) of a tracked item: the department's staff propose a curve (one
 * cumulative % per period of the set), its supervisor approves or returns it, as updates are
 * signed off. Append-only: every proposal is a new version row and nothing is deleted, so a
 * revised curve keeps its history and reason (docs/decisions/012-planned-progress.md). The light
 * of an update reads the latest approved version.
 */

export const PLAN_LIMITS = { points: 600, reason: 1000, comment: 2000 } as const;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, { message: "planPeriodsMismatch" });
export const planPointInput = z.object({
  periodEnd: day,
  percent: z.number({ message: "percent" }).int({ message: "percent" }).min(0, { message: "percent" }),
});

export const proposePlanInput = z.object({
  trackedItemId: recordId,
  /** The latest version the proposer saw; 0 when the item has no plan yet. */
  expectedVersion: z.coerce.number().int().min(0).max(2_147_483_647),
  points: z.array(planPointInput).max(PLAN_LIMITS.points, { message: "tooMany" }),
  reason: z
    .string()
    .trim()
    .max(PLAN_LIMITS.reason, { message: "tooLong" })
    .transform((s) => (s === "" ? null : s))
    .nullable()
    .optional(),
});
export type ProposePlanInput = z.infer<typeof proposePlanInput>;

export const decidePlanInput = z.object({ planId: recordId });
export const returnPlanInput = decidePlanInput.extend({
  comment: z
    .string()
    .trim()
    .min(1, { message: "commentRequired" })
    .max(PLAN_LIMITS.comment, { message: "tooLong" }),
});

export type PlanRule = NonNullable<ReturnType<typeof planRefusal>> | "itemClosed" | "planPending" | "ownPlan";

/** A proposal or decision the rules refuse; the form shows the key beside the field it names. */
export class PlanRuleError extends AppError {
  constructor(
    readonly rule: PlanRule,
    field: "points" | "reason" | "form" = "form",
  ) {
    super("rule_broken", rule, { [field]: rule });
    this.name = "PlanRuleError";
  }
}

/** Someone else proposed or decided first: the actor's view of the plan is stale. */
export class PlanConflictError extends AppError {
  constructor(itemId: number) {
    super("conflict", `The plan of tracked item ${itemId} changed.`, { form: "planChanged" });
    this.name = "PlanConflictError";
  }
}

export class PlanNotFoundError extends AppError {
  constructor(what: string) {
    super("not_found", `No ${what}.`);
    this.name = "PlanNotFoundError";
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
  if (!item) throw new PlanNotFoundError(`tracked item ${itemId}`);
  return item;
}
type LoadedItem = Awaited<ReturnType<typeof loadItem>>;

/** Who answers for this tracked item: the node's owner and the item's lead department. */
const departmentsOf = (item: LoadedItem) => answerableDepartments(item.node.departmentId, [item]);

/** The periods the set reports on (Taipei days); the curve has one point per period. */
export const periodsOf = (set: LoadedItem["set"]): CyclePeriod[] =>
  periodsBetween(set.cadence, calendarDay(set.fromDay), calendarDay(set.toDay));

async function loadPlan(tx: Tx, planId: number) {
  const plan = await tx.plannedProgress.findUnique({
    where: { id: planId },
    select: { id: true, trackedItemId: true, version: true, state: true, proposedById: true },
  });
  if (!plan) throw new PlanNotFoundError(`planned progress ${planId}`);
  return plan;
}

async function latestVersion(tx: Tx, itemId: number) {
  return tx.plannedProgress.findFirst({
    where: { trackedItemId: itemId },
    orderBy: { version: "desc" },
    select: { version: true, state: true },
  });
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** 研提預定進度: the department's staff propose the item's curve, or a revision with its reason. */
export const proposePlanCommand = defineCommand({
  name: "plan.propose",
  input: proposePlanInput,
  permission: async (input, tx): Promise<Permission> => ({
    action: "progress.write",
    departmentIds: departmentsOf(await loadItem(tx, input.trackedItemId)),
  }),
  run: async ({ tx, actor, audit, now, expire }, input) => {
    const item = await loadItem(tx, input.trackedItemId);
    if (item.state === "closed") throw new PlanRuleError("itemClosed");
    const latest = await latestVersion(tx, item.id);
    if ((latest?.version ?? 0) !== input.expectedVersion) throw new PlanConflictError(item.id);
    if (latest?.state === "proposed") throw new PlanRuleError("planPending");
    const version = input.expectedVersion + 1;
    const reason = input.reason ?? null;
    const refusal = planRefusal({ points: input.points, version, reason }, periodsOf(item.set));
    if (refusal) throw new PlanRuleError(refusal, refusal === "revisionReasonRequired" ? "reason" : "points");
    const points: PlanPoint[] = input.points.map((p) => ({ periodEnd: p.periodEnd, percent: p.percent }));
    // Two proposals at once both read the same latest version: the unique (item, version) lets one in.
    const plan = await tx.plannedProgress
      .create({
        data: { trackedItemId: item.id, version, points, reason, proposedById: actor.id, proposedAt: now },
        select: { id: true, version: true },
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? new PlanConflictError(item.id) : error;
      });
    await audit({
      entityType: "PlannedProgress",
      entityId: plan.id,
      after: { trackedItemId: item.id, version, points, reason },
    });
    expire(...progressTags(await progressImpactOf(tx, item.nodeId)));
    return plan;
  },
});

/** The supervisor's decision on a proposal: the permission, and the checks both decisions share. */
const decision = (to: Extract<PlanState, "approved" | "returned">) => ({
  permission: async (input: { planId: number }, tx: Tx): Promise<Permission> => {
    const plan = await loadPlan(tx, input.planId);
    return {
      action: "progress.approve",
      departmentIds: departmentsOf(await loadItem(tx, plan.trackedItemId)),
    };
  },
  // The wrapper has asked can() with the item's departments (permission above).
  async decide(tx: Tx, actor: SessionUser, input: { planId: number; comment?: string }, now: Date) {
    const plan = await loadPlan(tx, input.planId);
    const item = await loadItem(tx, plan.trackedItemId);
    if (item.state === "closed") throw new PlanRuleError("itemClosed");
    if (plan.state !== "proposed") throw new PlanConflictError(item.id);
    // A second pair of eyes: never the proposer's own.
    if (plan.proposedById === actor.id) throw new PlanRuleError("ownPlan");
    // Compare-and-set on the state: of two supervisors deciding at once, one wins.
    const { count } = await tx.plannedProgress.updateMany({
      where: { id: plan.id, state: "proposed" },
      data: { state: to, decidedById: actor.id, decidedAt: now, returnComment: input.comment ?? null },
    });
    if (count === 0) throw new PlanConflictError(item.id);
    return { plan, item };
  },
});

const approval = decision("approved");
export const approvePlanCommand = defineCommand({
  name: "plan.approve",
  input: decidePlanInput,
  permission: approval.permission,
  run: async ({ tx, actor, audit, now, expire }, input) => {
    const { plan, item } = await approval.decide(tx, actor, input, now);
    await audit({
      entityType: "PlannedProgress",
      entityId: plan.id,
      before: { state: "proposed" },
      after: { state: "approved", trackedItemId: item.id, version: plan.version },
    });
    expire(...progressTags(await progressImpactOf(tx, item.nodeId)));
    return { planId: plan.id, version: plan.version };
  },
});

const returning = decision("returned");
export const returnPlanCommand = defineCommand({
  name: "plan.return",
  input: returnPlanInput,
  permission: returning.permission,
  run: async ({ tx, actor, audit, now, expire }, input) => {
    const { plan, item } = await returning.decide(tx, actor, input, now);
    await audit({
      entityType: "PlannedProgress",
      entityId: plan.id,
      before: { state: "proposed" },
      after: { state: "returned", trackedItemId: item.id, version: plan.version, comment: input.comment },
    });
    expire(...progressTags(await progressImpactOf(tx, item.nodeId)));
    return { planId: plan.id, version: plan.version };
  },
});

/* When behind: the light an update would get, and the catch-up plan it then needs. */

/** An update lacks its catch-up plan or the reason its % went down: nothing is written, each field is named. */
export class CatchUpRequiredError extends AppError {
  constructor(readonly missing: readonly string[]) {
    super(
      "rule_broken",
      `Behind plan: ${missing.join(", ")} required.`,
      Object.fromEntries(
        missing.map((field) => [
          field,
          field === "percentDropReason" ? "dropReasonRequired" : "catchUpRequired",
        ]),
      ),
    );
    this.name = "CatchUpRequiredError";
  }
}

/** The percentage of the node's last published update for this period or an earlier one, other than this entry. */
export async function lastPublishedPercent(
  tx: Tx,
  entry: Pick<ProgressSnapshot, "id" | "nodeId" | "periodTo">,
): Promise<number | null> {
  const last = await tx.progressEntry.findFirst({
    where: {
      nodeId: entry.nodeId,
      id: { not: entry.id },
      ...PUBLIC_ENTRY,
      percent: { not: null },
      periodTo: { lte: entry.periodTo },
    },
    orderBy: [{ periodTo: "desc" }, { publishedAt: "desc" }, { id: "desc" }],
    select: { percent: true },
  });
  return last?.percent ?? null;
}

/** What an update says for itself: its catch-up plan and why its % went down (calendar days as text). */
export type Explanation = CatchUpPlan & { percentDropReason: string | null };

/**
 * What an update must still explain before it is sent for sign-off: its catch-up plan when behind
 * plan, and why its % is lower than the last published one. The form, the API and the bulk
 * preview all ask this, so they refuse the same updates.
 */
export async function unexplainedFields(
  tx: Tx,
  entry: Pick<ProgressSnapshot, "id" | "nodeId" | "status" | "percent" | "periodTo">,
  said: Explanation,
): Promise<string[]> {
  const missing: string[] = missingCatchUp(await isBehindPlan(tx, entry), said);
  const dropped = needsDropReason(entry.percent, await lastPublishedPercent(tx, entry));
  if (dropped && !said.percentDropReason?.trim()) missing.push("percentDropReason");
  return missing;
}

/** Refuses sending an update for sign-off while it leaves something unexplained; each field is named. */
export async function assertExplained(
  tx: Tx,
  entry: Pick<
    ProgressSnapshot,
    | "id"
    | "nodeId"
    | "status"
    | "percent"
    | "periodTo"
    | "delayCause"
    | "remedy"
    | "catchUpDate"
    | "percentDropReason"
  >,
): Promise<void> {
  const missing = await unexplainedFields(tx, entry, {
    delayCause: entry.delayCause,
    remedy: entry.remedy,
    catchUpDate: entry.catchUpDate ? calendarDay(entry.catchUpDate) : null,
    percentDropReason: entry.percentDropReason,
  });
  if (missing.length > 0) throw new CatchUpRequiredError(missing);
}

/* Reads (the data layer binds the database and asks can() first). */

export type PlanVersionView = {
  id: number;
  version: number;
  state: PlanState;
  points: PlanPoint[];
  reason: string | null;
  proposedBy: { id: number; name: string };
  proposedAt: Date;
  decidedBy: { name: string } | null;
  decidedAt: Date | null;
  returnComment: string | null;
};

export type ItemPlanView = {
  itemId: number;
  setName: string;
  closed: boolean;
  periods: CyclePeriod[];
  /** The latest version's number (0 when none): a new proposal names it. */
  latestVersion: number;
  approved: PlanVersionView | null;
  pending: PlanVersionView | null;
  /** Every version, newest first. */
  history: PlanVersionView[];
};

/** The plans of every set tracking this node, for its staff page. */
export async function plansOfNode(db: Db, nodeId: number): Promise<ItemPlanView[]> {
  const items = await db.trackedItem.findMany({
    where: { nodeId },
    orderBy: { id: "asc" },
    select: {
      ...itemSelect,
      set: { select: { name: true, cadence: true, fromDay: true, toDay: true } },
      plans: {
        orderBy: { version: "desc" },
        select: {
          id: true,
          version: true,
          state: true,
          points: true,
          reason: true,
          proposedAt: true,
          decidedAt: true,
          returnComment: true,
          proposedBy: { select: { id: true, name: true } },
          decidedBy: { select: { name: true } },
        },
      },
    },
  });
  return items.map((item) => {
    const history = item.plans.map((p) => ({ ...p, points: readPlanPoints(p.points) }));
    return {
      itemId: item.id,
      setName: item.set.name,
      closed: item.state === "closed",
      periods: periodsOf(item.set),
      latestVersion: history[0]?.version ?? 0,
      approved: history.find((p) => p.state === "approved") ?? null,
      pending: history.find((p) => p.state === "proposed") ?? null,
      history,
    };
  });
}
