import { type Actor, assertUserCan } from "@/lib/auth/permissions";
import type { AuditWriter } from "@/lib/commands/command";
import { AppError } from "@/lib/errors";
import type { ProgressImpact } from "@/lib/cache/tags";
import type { Db } from "@/lib/db/client";
import { answerableDepartments } from "@/lib/domain/nodes";
import { covers, planYears, type YearSpan } from "@/lib/domain/plan-years";
import { isEditable, WITHDRAWABLE_STATES } from "@/lib/domain/updates";
import { hasPeriodBegun } from "@/lib/domain/time";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProgressStatus, UpdateState } from "@/lib/generated/prisma/enums";
import { pathToNode } from "@/lib/queries/ancestors";
import { indexProgressEntry } from "@/lib/search/indexing";
import {
  type CreateProgressInput,
  periodRange,
  type ProgressFields,
  type UpdateProgressInput,
  type WithdrawProgressInput,
} from "./schemas";

type Tx = Prisma.TransactionClient;

/** A save or withdrawal was refused because someone else saved the entry first. */
export class ProgressConflictError extends AppError {
  constructor(readonly current: ProgressSnapshot) {
    super(
      "conflict",
      `Progress entry ${current.id} was changed by someone else (now version ${current.version}).`,
    );
    this.name = "ProgressConflictError";
  }
}

/** A rule of the city's calendar the form cannot check alone (it needs the node's plan). */
export class ProgressRuleError extends AppError {
  constructor(
    readonly field: string,
    readonly rule: "periodInFuture" | "periodOutsidePlan",
    readonly detail: { from?: number; to?: number } = {},
  ) {
    super("rule_broken", rule, { [field === "period" ? "year" : field]: rule });
    this.name = "ProgressRuleError";
  }
}

/** A submitted or approved update is locked until its supervisor or the 研考會 acts on it. */
export class UpdateLockedError extends AppError {
  constructor(readonly current: Pick<ProgressSnapshot, "id" | "state">) {
    super("rule_broken", `Progress entry ${current.id} is ${current.state} and locked.`, {
      form: "updateLocked",
    });
    this.name = "UpdateLockedError";
  }
}

export class NodeNotFoundError extends AppError {
  constructor(readonly nodeId: number) {
    super("not_found", `No plan node ${nodeId}.`);
    this.name = "NodeNotFoundError";
  }
}

export class ProgressEntryNotFoundError extends AppError {
  constructor(readonly entryId: number) {
    super("not_found", `No progress entry ${entryId}.`);
    this.name = "ProgressEntryNotFoundError";
  }
}

export type ProgressSnapshot = {
  id: number;
  nodeId: number;
  version: number;
  status: ProgressStatus;
  percent: number | null;
  narrative: string;
  periodYear: number;
  periodQuarter: number | null;
  periodFrom: Date;
  periodTo: Date;
  figures: Prisma.JsonValue;
  evidenceLinks: Prisma.JsonValue;
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
  state: UpdateState;
  returnComment: string | null;
  delayCause: string | null;
  remedy: string | null;
  catchUpDate: Date | null;
  percentDropReason: string | null;
  publishedAt: Date | null;
  /** When it was first sent for sign-off; a resubmission keeps it. */
  firstSubmittedAt: Date | null;
  authorId: number;
  updatedAt: Date;
};

export const snapshotSelect = {
  id: true,
  nodeId: true,
  version: true,
  status: true,
  percent: true,
  narrative: true,
  periodYear: true,
  periodQuarter: true,
  periodFrom: true,
  periodTo: true,
  figures: true,
  evidenceLinks: true,
  withdrawnAt: true,
  withdrawnReason: true,
  state: true,
  returnComment: true,
  delayCause: true,
  remedy: true,
  catchUpDate: true,
  percentDropReason: true,
  publishedAt: true,
  firstSubmittedAt: true,
  authorId: true,
  updatedAt: true,
} as const;

export type ProgressWriteResult = { entry: ProgressSnapshot; impact: ProgressImpact };

/**
 * Who answers for the node's progress (its owner and the lead departments tracking it), whether it
 * is tracked at all, and the years its plan covers.
 */
export async function loadNodeScope(tx: Tx | Db, nodeId: number) {
  const node = await tx.planNode.findUnique({
    where: { id: nodeId },
    select: {
      id: true,
      departmentId: true,
      document: { select: { rocYearFrom: true, rocYearTo: true, periodFrom: true, periodTo: true } },
      trackedItems: { where: { state: "tracking" }, select: { leadDepartmentId: true } },
    },
  });
  if (!node) throw new NodeNotFoundError(nodeId);
  return {
    departmentIds: answerableDepartments(node.departmentId, node.trackedItems),
    tracked: node.trackedItems.length > 0,
    planYears: planYears(node.document),
  };
}

export type NodeScope = Awaited<ReturnType<typeof loadNodeScope>>;

/** A period must have begun, and lie within the years of the plan the node belongs to. */
export function checkPeriod(fields: ProgressFields, plan: YearSpan | null, now: Date) {
  const { from } = periodRange(fields.period);
  if (!hasPeriodBegun(from, now)) throw new ProgressRuleError("period", "periodInFuture");
  if (plan !== null && !covers(plan, fields.period.year)) {
    throw new ProgressRuleError("period", "periodOutsidePlan", { from: plan.from, to: plan.to });
  }
}

const fieldData = (fields: ProgressFields) => {
  const { from, to } = periodRange(fields.period);
  return {
    periodYear: fields.period.year,
    periodQuarter: fields.period.quarter,
    periodFrom: from,
    periodTo: to,
    status: fields.status,
    percent: fields.percent,
    narrative: fields.narrative,
    figures: fields.figures,
    evidenceLinks: fields.evidenceLinks,
    delayCause: fields.delayCause ?? null,
    remedy: fields.remedy ?? null,
    catchUpDate: fields.catchUpDate ? new Date(`${fields.catchUpDate}T00:00:00Z`) : null,
    percentDropReason: fields.percentDropReason ?? null,
  };
};

/** Audit before/after: the snapshot as JSON (dates as ISO strings). */
export const auditJson = (entry: ProgressSnapshot): Prisma.InputJsonValue =>
  JSON.parse(JSON.stringify(entry)) as Prisma.InputJsonValue;

async function appendVersion(tx: Tx, entry: ProgressSnapshot, authorId: number) {
  await tx.progressEntryVersion.create({
    data: {
      entryId: entry.id,
      version: entry.version,
      status: entry.status,
      percent: entry.percent,
      narrative: entry.narrative,
      figures: entry.figures ?? [],
      evidenceLinks: entry.evidenceLinks ?? [],
      periodFrom: entry.periodFrom,
      periodTo: entry.periodTo,
      withdrawnAt: entry.withdrawnAt,
      withdrawnReason: entry.withdrawnReason,
      delayCause: entry.delayCause,
      remedy: entry.remedy,
      catchUpDate: entry.catchUpDate,
      percentDropReason: entry.percentDropReason,
      authorId,
    },
  });
}

/**
 * What a write on this node makes stale: the node, its ancestors (their roll-ups), the nodes
 * linked to it (their "served by" lists and roll-ups), their documents and departments.
 */
export async function progressImpactOf(tx: Tx | Db, nodeId: number): Promise<ProgressImpact> {
  const nodeIds = new Set<number>([nodeId]);
  const documentIds = new Set<number>();
  const departmentSlugs = new Set<string>();
  for (const node of await pathToNode(tx, nodeId)) {
    nodeIds.add(node.id);
    documentIds.add(node.documentId);
    if (node.departmentSlug) departmentSlugs.add(node.departmentSlug);
  }
  const links = await tx.nodeLink.findMany({
    where: { OR: [{ fromNodeId: nodeId }, { toNodeId: nodeId }], origin: { not: "rejected" } },
    select: {
      fromNode: { select: { id: true, documentId: true } },
      toNode: { select: { id: true, documentId: true } },
    },
  });
  for (const link of links) {
    for (const end of [link.fromNode, link.toNode]) {
      nodeIds.add(end.id);
      documentIds.add(end.documentId);
    }
  }
  return { nodeIds: [...nodeIds], documentIds: [...documentIds], departmentSlugs: [...departmentSlugs] };
}

/**
 * Adds an entry inside the caller's transaction (the form's command saves one; the bulk upload
 * many). Each write asks `can()` for its own node: a bulk file may name any node.
 */
export async function createProgressEntryIn(
  tx: Tx,
  user: Actor | null,
  input: CreateProgressInput,
  audit: AuditWriter,
  now: Date,
): Promise<ProgressSnapshot> {
  const scope = await loadNodeScope(tx, input.nodeId);
  assertUserCan(user, { action: "progress.write", departmentIds: scope.departmentIds });
  checkPeriod(input, scope.planYears, now);
  const entry = await tx.progressEntry.create({
    data: { nodeId: input.nodeId, authorId: user.id, version: 1, ...fieldData(input) },
    select: snapshotSelect,
  });
  await appendVersion(tx, entry, user.id);
  await audit({
    action: "progress.create",
    entityType: "ProgressEntry",
    entityId: entry.id,
    after: auditJson(entry),
  });
  await indexProgressEntry(tx, entry.id); // the narrative is searchable at once, or not saved
  return entry;
}

/** The entry as it is, and the permission to change it (its node's department). */
async function loadEntryForWrite(tx: Tx, user: Actor | null, entryId: number) {
  const before = await tx.progressEntry.findUnique({ where: { id: entryId }, select: snapshotSelect });
  if (!before) throw new ProgressEntryNotFoundError(entryId);
  const scope = await loadNodeScope(tx, before.nodeId);
  assertUserCan(user, { action: "progress.write", departmentIds: scope.departmentIds });
  return { before, scope, writer: user };
}

/** The node an entry belongs to (for the command's permission): NotFound when there is no such entry. */
export async function nodeOfEntry(tx: Tx, entryId: number): Promise<number> {
  const entry = await tx.progressEntry.findUnique({ where: { id: entryId }, select: { nodeId: true } });
  if (!entry) throw new ProgressEntryNotFoundError(entryId);
  return entry.nodeId;
}

/**
 * Writes the entry's next version: compare-and-set on the version (the row changes only if nobody
 * saved since the caller read it, else ProgressConflictError carries the version that won), then the
 * version row, the audit record and the search index, all in the caller's transaction.
 */
async function writeNextVersion(
  tx: Tx,
  user: { id: number },
  before: ProgressSnapshot,
  expectedVersion: number,
  data: Prisma.ProgressEntryUpdateManyMutationInput,
  action: "progress.update" | "progress.withdraw",
  audit: AuditWriter,
): Promise<ProgressSnapshot> {
  if (before.withdrawnAt) throw new ProgressConflictError(before);
  const { count } = await tx.progressEntry.updateMany({
    where: { id: before.id, version: expectedVersion, withdrawnAt: null },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw new ProgressConflictError(before);
  const entry = await tx.progressEntry.findUniqueOrThrow({
    where: { id: before.id },
    select: snapshotSelect,
  });
  await appendVersion(tx, entry, user.id);
  await audit({
    action,
    entityType: "ProgressEntry",
    entityId: entry.id,
    before: auditJson(before),
    after: auditJson(entry),
  });
  await indexProgressEntry(tx, entry.id);
  return entry;
}

/** Saves an edit as the entry's next version, inside the caller's transaction. */
export async function updateProgressEntryIn(
  tx: Tx,
  user: Actor | null,
  input: UpdateProgressInput,
  audit: AuditWriter,
  now: Date,
): Promise<ProgressSnapshot> {
  const { before, scope, writer } = await loadEntryForWrite(tx, user, input.entryId);
  if (!before.withdrawnAt && !isEditable(before.state)) throw new UpdateLockedError(before);
  checkPeriod(input, scope.planYears, now);
  return writeNextVersion(
    tx,
    writer,
    before,
    input.expectedVersion,
    fieldData(input),
    "progress.update",
    audit,
  );
}

/** Withdraws an entry with a reason: hidden from the public, kept with its whole history. */
export async function withdrawProgressEntryIn(
  tx: Tx,
  user: Actor | null,
  input: WithdrawProgressInput,
  audit: AuditWriter,
  now: Date,
): Promise<ProgressSnapshot> {
  const { before, writer } = await loadEntryForWrite(tx, user, input.entryId);
  if (!before.withdrawnAt && !WITHDRAWABLE_STATES.includes(before.state)) throw new UpdateLockedError(before);
  const data = { withdrawnAt: now, withdrawnReason: input.reason };
  return writeNextVersion(tx, writer, before, input.expectedVersion, data, "progress.withdraw", audit);
}

/** Several writes' impacts as one (a bulk upload revalidates each page once). */
export function mergeImpacts(impacts: readonly ProgressImpact[]): ProgressImpact {
  return {
    nodeIds: [...new Set(impacts.flatMap((i) => i.nodeIds))],
    documentIds: [...new Set(impacts.flatMap((i) => i.documentIds))],
    departmentSlugs: [...new Set(impacts.flatMap((i) => i.departmentSlugs))],
  };
}
