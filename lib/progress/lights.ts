import { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import { progressTags } from "@/lib/cache/tags";
import { defineCommand } from "@/lib/commands/command";
import type { Db } from "@/lib/db/client";
import { type Light, type LightResult, lightFor, needsCatchUpPlan, worstFirst } from "@/lib/domain/lights";
import { plannedAt, readPlanPoints } from "@/lib/domain/planned";
import { calendarDay } from "@/lib/domain/time";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProgressStatus, UpdateLight } from "@/lib/generated/prisma/enums";
import { recordId } from "@/lib/validation/params";
import { loadNodeScope, ProgressEntryNotFoundError, progressImpactOf } from "./entries";

type Tx = Prisma.TransactionClient;

/*
 * The light of an update (燈號), judged on the server from the approved planned progress of every
 * set tracking its node and that set's thresholds (the rule is lib/domain/lights.ts). Where several
 * sets track one node, the update gets the worst of their lights: an item behind anyone's plan is
 * behind. The light is stored when the update is published, so a published light never changes
 * when a plan is revised or a threshold moves later (decision record 017).
 */

export type UpdateJudgement = LightResult & { planned: number | null };

/** The worse of two judgements: where several sets track a node, an item behind anyone's plan is behind. */
export const worseOf = <T extends { light: Light }>(a: T, b: T): T =>
  worstFirst(b.light, a.light) < 0 ? b : a;

type JudgedEntry = { nodeId: number; status: ProgressStatus; percent: number | null; periodTo: Date };
type Override = { light: "green" | "yellow" | "red"; reason: string } | null;

/** The light an update gets (or would get) now, with the planned % it was compared with. */
export async function judgeUpdate(
  tx: Tx | Db,
  entry: JudgedEntry,
  override: Override = null,
): Promise<UpdateJudgement> {
  const items = await tx.trackedItem.findMany({
    where: { nodeId: entry.nodeId, state: "tracking" },
    orderBy: { id: "asc" },
    select: {
      set: { select: { greenThreshold: true, yellowThreshold: true } },
      plans: {
        where: { state: "approved" },
        orderBy: { version: "desc" },
        take: 1,
        select: { points: true },
      },
    },
  });
  const periodEnd = calendarDay(entry.periodTo);
  const update = { status: entry.status, percent: entry.percent };
  const judged = items.map((item): UpdateJudgement => {
    const plan = item.plans[0];
    const planned = plan ? plannedAt(readPlanPoints(plan.points), periodEnd) : null;
    const thresholds = { green: item.set.greenThreshold, yellow: item.set.yellowThreshold };
    return { ...lightFor({ closed: false, update, planned, thresholds, override }), planned };
  });
  return (
    judged.reduce<UpdateJudgement | null>((worst, j) => (worst ? worseOf(worst, j) : j), null) ?? {
      ...lightFor({ closed: false, update, planned: null, thresholds: { green: 0, yellow: 0 }, override }),
      planned: null,
    }
  );
}

/** Whether an update is behind the plan of any set tracking its node (yellow or red, before any override). */
export async function isBehindPlan(tx: Tx, entry: JudgedEntry): Promise<boolean> {
  return needsCatchUpPlan((await judgeUpdate(tx, entry)).light);
}

/** A light as an update's column holds it: 未填報 and 結案 never describe an update. */
export const asUpdateLight = (light: Light): UpdateLight =>
  light === "not_reported" || light === "closed" ? "unrated" : light;

/** Stores the light an update is published with (called by the publishing step, in its transaction). */
export async function recordPublishedLight(tx: Tx, entryId: number): Promise<void> {
  const entry = await tx.progressEntry.findUnique({
    where: { id: entryId },
    select: {
      nodeId: true,
      status: true,
      percent: true,
      periodTo: true,
      lightOverride: true,
      lightOverrideReason: true,
    },
  });
  if (!entry) throw new ProgressEntryNotFoundError(entryId);
  const computed = await judgeUpdate(tx, entry);
  const override = overrideOf(entry.lightOverride, entry.lightOverrideReason);
  const shown = override ? await judgeUpdate(tx, entry, override) : computed;
  await tx.progressEntry.update({
    where: { id: entryId },
    data: {
      light: asUpdateLight(shown.light),
      computedLight: asUpdateLight(computed.light),
      plannedPercent: computed.planned,
    },
  });
}

const COLOURS = ["green", "yellow", "red"] as const;
type Colour = (typeof COLOURS)[number];
const isColour = (light: UpdateLight | null): light is Colour =>
  light !== null && (COLOURS as readonly string[]).includes(light);

function overrideOf(light: UpdateLight | null, reason: string | null): Override {
  return isColour(light) && reason ? { light, reason } : null;
}

/* The supervisor's override (主管調整燈號): only with a written reason, shown on the public page. */

export const OVERRIDE_LIMITS = { reason: 1000 } as const;

export const overrideLightInput = z
  .object({
    entryId: recordId,
    /** A colour, or "none" to take an override back and let the rule decide. */
    light: z.enum(["green", "yellow", "red", "none"], { message: "lightChoice" }),
    reason: z.string().trim().max(OVERRIDE_LIMITS.reason, { message: "tooLong" }).default(""),
  })
  .refine((input) => input.light === "none" || input.reason !== "", {
    message: "overrideReasonRequired",
    path: ["reason"],
  });
export type OverrideLightInput = z.infer<typeof overrideLightInput>;

export type OverrideRule = "notOverridable" | "overrideNeedsCatchUp" | "overrideNotNeeded";

/** An override the rules refuse; nothing is written. */
export class OverrideRuleError extends AppError {
  constructor(readonly rule: OverrideRule) {
    super("rule_broken", rule, { [rule === "overrideNeedsCatchUp" ? "light" : "form"]: rule });
    this.name = "OverrideRuleError";
  }
}

async function loadForOverride(tx: Tx, entryId: number) {
  const entry = await tx.progressEntry.findUnique({
    where: { id: entryId },
    select: {
      id: true,
      nodeId: true,
      state: true,
      status: true,
      percent: true,
      periodTo: true,
      withdrawnAt: true,
      delayCause: true,
      remedy: true,
      catchUpDate: true,
      lightOverride: true,
      lightOverrideReason: true,
    },
  });
  if (!entry) throw new ProgressEntryNotFoundError(entryId);
  return entry;
}

/**
 * 主管調整燈號: while an update waits for sign-off (submitted) or for the 研考會 (approved), its
 * department's supervisor may set its light, with a reason, or take an override back. A published
 * update is final (decision record 008). A light made yellow or red needs the catch-up plan a
 * behind update carries: the supervisor returns the update for it instead.
 */
export const overrideLightCommand = defineCommand({
  name: "progress.override-light",
  input: overrideLightInput,
  permission: async (input, tx): Promise<Permission> => {
    const entry = await loadForOverride(tx, input.entryId);
    const scope = await loadNodeScope(tx, entry.nodeId);
    return { action: "progress.approve", departmentIds: scope.departmentIds };
  },
  run: async ({ tx, actor, audit, now, expire }, input) => {
    const entry = await loadForOverride(tx, input.entryId);
    if (entry.withdrawnAt || (entry.state !== "submitted" && entry.state !== "approved"))
      throw new OverrideRuleError("notOverridable");
    const computed = await judgeUpdate(tx, entry);
    if (computed.light === "completed") throw new OverrideRuleError("notOverridable");
    const light = input.light === "none" ? null : input.light;
    if (light !== null && light === computed.light) throw new OverrideRuleError("overrideNotNeeded");
    if (
      light !== null &&
      needsCatchUpPlan(light) &&
      (!entry.delayCause || !entry.remedy || !entry.catchUpDate)
    )
      throw new OverrideRuleError("overrideNeedsCatchUp");
    // Compare-and-set on the state: a step taken meanwhile (published, returned) wins.
    const { count } = await tx.progressEntry.updateMany({
      where: { id: entry.id, state: entry.state, withdrawnAt: null },
      data: {
        lightOverride: light,
        lightOverrideReason: light ? input.reason : null,
        lightOverriddenById: light ? actor.id : null,
        lightOverriddenAt: light ? now : null,
      },
    });
    if (count === 0) throw new OverrideRuleError("notOverridable");
    await audit({
      entityType: "ProgressEntry",
      entityId: entry.id,
      before: { lightOverride: entry.lightOverride, lightOverrideReason: entry.lightOverrideReason },
      after: {
        lightOverride: light,
        lightOverrideReason: light ? input.reason : null,
        computed: computed.light,
      },
    });
    expire(...progressTags(await progressImpactOf(tx, entry.nodeId)));
    return { entryId: entry.id, light: light ?? computed.light };
  },
});
