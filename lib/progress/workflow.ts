import { z } from "zod";
import { type Actor, assertUserCan, type Permission, type SessionUser } from "@/lib/auth/permissions";
import type { AuditWriter } from "@/lib/commands/command";
import { STEP_FROM, stepActor, stepTarget } from "@/lib/domain/updates";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { UpdateStepAction } from "@/lib/generated/prisma/enums";
import { indexProgressEntry } from "@/lib/search/indexing";
import { queueStepNotices } from "./notices";
import { recordPublishedLight } from "./lights";
import { assertExplained } from "./plans";
import { recordId } from "@/lib/validation/params";
import {
  loadNodeScope,
  type NodeScope,
  ProgressConflictError,
  ProgressEntryNotFoundError,
  type ProgressSnapshot,
  snapshotSelect,
} from "./entries";

type Tx = Prisma.TransactionClient;

/**
 * The steps of an update's sign-off (lib/domain/updates.ts has the states and who takes which
 * step): staff submit, the department's supervisor approves or returns with a comment, the 研考會
 * publishes or returns. Each step is a compare-and-set on the state and the content version the
 * actor saw, so of two supervisors approving at once one wins and the other is told; each step
 * leaves an UpdateStep row and an audit record.
 */

export const stepInput = z.object({ entryId: recordId, expectedVersion: recordId });
export const returnInput = stepInput.extend({
  comment: z.string().trim().min(1, { message: "commentRequired" }).max(2000, { message: "tooLong" }),
});
export type StepInput = z.infer<typeof stepInput> & { comment?: string };

export type WorkflowRule = "notTracked" | "ownUpdate";

/** A step the rules refuse: submitting an untracked item, signing off one's own update. */
export class WorkflowRuleError extends AppError {
  constructor(readonly rule: WorkflowRule) {
    super("rule_broken", rule, { form: rule });
    this.name = "WorkflowRuleError";
  }
}

/** The update is no longer where the actor saw it: someone else acted first. */
export class StepConflictError extends AppError {
  constructor(readonly current: ProgressSnapshot) {
    super("conflict", `Progress entry ${current.id} is now ${current.state}.`, { form: "stateChanged" });
    this.name = "StepConflictError";
  }
}

async function loadEntry(tx: Tx, entryId: number): Promise<ProgressSnapshot> {
  const entry = await tx.progressEntry.findUnique({ where: { id: entryId }, select: snapshotSelect });
  if (!entry) throw new ProgressEntryNotFoundError(entryId);
  return entry;
}

function permissionFor(action: UpdateStepAction, entry: ProgressSnapshot, scope: NodeScope): Permission {
  switch (stepActor(action, entry.state)) {
    case "staff":
      return { action: "progress.write", departmentIds: scope.departmentIds };
    case "supervisor":
      return { action: "progress.approve", departmentIds: scope.departmentIds };
    case "reviewer":
      return { action: "progress.review" };
  }
}

/** The permission a step on this entry needs, as it stands (for the command's `permission`). */
export async function stepPermission(tx: Tx, action: UpdateStepAction, entryId: number): Promise<Permission> {
  const entry = await loadEntry(tx, entryId);
  return permissionFor(action, entry, await loadNodeScope(tx, entry.nodeId));
}

/** Whether the 研考會 reviews updates of these departments before publication (yes when none answers). */
async function needsReview(tx: Tx, departmentIds: readonly number[]): Promise<boolean> {
  if (departmentIds.length === 0) return true;
  const departments = await tx.department.findMany({
    where: { id: { in: [...departmentIds] } },
    select: { updatesNeedReview: true },
  });
  return departments.some((d) => d.updatesNeedReview);
}

/** Who submitted the update last (the author unless a colleague submitted it). */
async function lastSubmitter(tx: Tx, entryId: number): Promise<number | null> {
  const step = await tx.updateStep.findFirst({
    where: { entryId, action: "submit" },
    orderBy: { id: "desc" },
    select: { actorId: true },
  });
  return step?.actorId ?? null;
}

export type StepResult = { entry: ProgressSnapshot; action: UpdateStepAction; actor: SessionUser };

/** Takes one step on an update inside the caller's transaction. */
export async function takeStep(
  tx: Tx,
  actor: Actor | null,
  action: UpdateStepAction,
  input: StepInput,
  audit: AuditWriter,
  now: Date,
): Promise<StepResult> {
  const before = await loadEntry(tx, input.entryId);
  const scope = await loadNodeScope(tx, before.nodeId);
  assertUserCan(actor, permissionFor(action, before, scope));
  if (before.withdrawnAt || !STEP_FROM[action].includes(before.state)) throw new StepConflictError(before);
  if (before.version !== input.expectedVersion) throw new ProgressConflictError(before);
  if (action === "submit" && !scope.tracked) throw new WorkflowRuleError("notTracked");
  // Behind plan (yellow or red), or lower than last published: the supervisor must be told why.
  if (action === "submit") await assertExplained(tx, before);
  if (action === "approve" || (action === "return" && before.state === "submitted")) {
    // 核可 is a second pair of eyes: never the author's or the submitter's own.
    if (before.authorId === actor.id || (await lastSubmitter(tx, before.id)) === actor.id)
      throw new WorkflowRuleError("ownUpdate");
  }
  const to = stepTarget(action, action === "approve" ? await needsReview(tx, scope.departmentIds) : true);
  const { count } = await tx.progressEntry.updateMany({
    where: { id: before.id, state: before.state, version: input.expectedVersion, withdrawnAt: null },
    data: {
      state: to,
      ...(action === "return" ? { returnComment: input.comment ?? null } : {}),
      ...(action === "submit" ? { returnComment: null } : {}),
      // The first submission is when the report was sent (填報情形); a resubmission after a return keeps it.
      ...(action === "submit" && before.firstSubmittedAt === null ? { firstSubmittedAt: now } : {}),
      ...(to === "published" ? { publishedAt: now } : {}),
    },
  });
  if (count === 0) throw new StepConflictError(await loadEntry(tx, before.id));
  const entry = await loadEntry(tx, before.id);
  const recorded = await tx.updateStep.create({
    select: { id: true },
    data: {
      entryId: entry.id,
      entryVersion: entry.version,
      action,
      fromState: before.state,
      toState: to,
      actorId: actor.id,
      comment: action === "return" ? (input.comment ?? null) : null,
      at: now,
    },
  });
  await audit({
    action: `progress.${action}`,
    entityType: "ProgressEntry",
    entityId: entry.id,
    before: { state: before.state },
    after: { state: to, ...(input.comment ? { comment: input.comment } : {}) },
  });
  if (to === "published") {
    await recordPublishedLight(tx, entry.id); // the light it is published with never changes after
    await indexProgressEntry(tx, entry.id); // searchable once public
  }
  await queueStepNotices(tx, {
    stepId: recorded.id,
    entryId: entry.id,
    nodeId: entry.nodeId,
    action,
    toState: to,
    actor: { id: actor.id, name: actor.name },
    authorId: entry.authorId,
    departmentIds: scope.departmentIds,
    comment: input.comment ?? null,
  });
  return { entry, action, actor };
}
