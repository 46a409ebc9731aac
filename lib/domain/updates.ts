import type { UpdateState, UpdateStepAction } from "@/lib/generated/prisma/enums";

/**
 * The sign-off workflow of a progress update (填報 → 核可 → 覆核 → 公開), written once:
 *
 *   draft ──submit──▶ submitted ──approve──▶ approved ──publish──▶ published
 *     ▲                   │                      │        (or straight to published when the
 *     └──── returned ◀────┴───────return─────────┘         department needs no 研考會 review)
 *
 * Only drafts and returned updates can be edited or withdrawn by their department; submitted and
 * approved ones are locked until someone acts on them. A published update stays public and is
 * corrected by withdrawing it (with a reason, kept) and submitting a new one.
 */
export const UPDATE_STATES = ["draft", "submitted", "returned", "approved", "published"] as const;

export const EDITABLE_STATES: readonly UpdateState[] = ["draft", "returned"];
export const WITHDRAWABLE_STATES: readonly UpdateState[] = ["draft", "returned", "published"];

export const isEditable = (state: UpdateState) => EDITABLE_STATES.includes(state);

/** States from which each step may be taken. */
export const STEP_FROM: Record<UpdateStepAction, readonly UpdateState[]> = {
  submit: ["draft", "returned"],
  approve: ["submitted"],
  return: ["submitted", "approved"],
  publish: ["approved"],
};

/** Where a step leads. Approval publishes at once where the department needs no review. */
export function stepTarget(action: UpdateStepAction, needsReview: boolean): UpdateState {
  switch (action) {
    case "submit":
      return "submitted";
    case "approve":
      return needsReview ? "approved" : "published";
    case "return":
      return "returned";
    case "publish":
      return "published";
  }
}

/** Who takes a step from a state: the department's staff submit, its supervisor signs off, the 研考會 reviews. */
export function stepActor(action: UpdateStepAction, from: UpdateState): "staff" | "supervisor" | "reviewer" {
  if (action === "submit") return "staff";
  if (action === "approve" || (action === "return" && from === "submitted")) return "supervisor";
  return "reviewer";
}

/** What the public sees of progress: published updates that were not withdrawn. */
export const PUBLIC_ENTRY = { withdrawnAt: null, state: "published" } as const;

export type { UpdateState, UpdateStepAction };

/** A period as DATE columns hold it (UTC midnight of Taipei calendar days). */
export type PeriodSpan = { periodFrom: Date; periodTo: Date };

/**
 * Whether an update reports on a cycle's period: its own period covers the cycle's whole period,
 * so a whole-year update answers for each of its quarters, a quarter's update not for the year.
 */
export const coversPeriod = (entry: PeriodSpan, cycle: PeriodSpan): boolean =>
  entry.periodFrom.getTime() <= cycle.periodFrom.getTime() &&
  entry.periodTo.getTime() >= cycle.periodTo.getTime();

/** Whether `a` was saved after `b` (updatedAt, then id): the newer of two updates. */
const savedAfter = (a: { id: number; updatedAt: Date }, b: { id: number; updatedAt: Date }): boolean => {
  const ta = a.updatedAt.getTime();
  const tb = b.updatedAt.getTime();
  return ta > tb || (ta === tb && a.id > b.id);
};

/**
 * The update that answers for a cycle, among a node's updates: withdrawn ones never count; of
 * those covering the cycle's period, the newest one already sent for sign-off (submitted, approved or published),
 * else the newest draft or returned one; undefined when none covers it. "Newest" is the last saved
 * (updatedAt, then id). The staff inbox and the 研考會's compliance figures both read it, so a
 * department is never told "reported" on one page and "not reported" on the other.
 */
export function reportFor<
  E extends PeriodSpan & { id: number; state: UpdateState; updatedAt: Date; withdrawnAt?: Date | null },
>(entries: readonly E[], cycle: PeriodSpan): E | undefined {
  // Called for every (item, cycle) of a city's tracked set (scripts/bench-inbox.ts): plain loops.
  let sent: E | undefined;
  let latest: E | undefined;
  for (const e of entries) {
    if (e.withdrawnAt || !coversPeriod(e, cycle)) continue;
    if (!latest || savedAfter(e, latest)) latest = e;
    if (!isEditable(e.state) && (!sent || savedAfter(e, sent))) sent = e;
  }
  return sent ?? latest;
}
