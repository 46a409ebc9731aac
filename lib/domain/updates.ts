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
