import { DEPARTMENT_ROLES, SECOND_FACTOR_ROLES, type SecondFactorState } from "@/lib/domain/roles";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

export type SessionUser = {
  id: number;
  email: string;
  name: string;
  role: Role;
  departments: Array<{ id: number; slug: string; nameZh: string; nameEn: string }>;
  /** `pending`: the role requires a second factor and none is enrolled, so the account may only enrol. */
  secondFactor: SecondFactorState;
};

/**
 * The operator at the command line (`npm run import`): trusted with the database already, so it
 * may import documents, and nothing else. It is nobody in the audit log (actor null).
 */
export type SystemActor = { kind: "system" };
export const SYSTEM_ACTOR: SystemActor = { kind: "system" };

/** Whoever asks: a signed-in user, the command-line operator, or nobody (null). */
export type Actor = SessionUser | SystemActor;

export const isSystemActor = (actor: Actor | null): actor is SystemActor =>
  actor !== null && "kind" in actor && actor.kind === "system";

/** What a request may try to do. Deny unless a rule below allows it. */
export type Permission =
  | { action: "session.start" } // signing in: anyone may try
  | { action: "session.end" } // signing out: anyone (a stranger has nothing to end)
  | { action: "progress.write"; departmentIds: readonly number[] } // the departments answerable for the node
  | { action: "progress.approve"; departmentIds: readonly number[] } // 核可: the answerable departments' supervisor
  | { action: "progress.review" } // 覆核 and publish: the 研考會
  | { action: "link.decide"; departmentIds: readonly number[] } // which strategies an item serves: its departments, the 研考會
  | { action: "indicator.define"; departmentIds: readonly number[] } // an item's indicators (衡量指標): its departments, the 研考會
  | { action: "document.import"; departmentId: number | null } // the document's department
  | { action: "staff.workspace" }
  | { action: "account.self" } // one's own account settings (reminders): every signed-in user
  | { action: "account.second-factor" } // enrol, confirm, new recovery codes: every signed-in user, for themselves
  | { action: "account.second-factor.disable" } // only where the role does not require one
  | { action: "council.read" }
  | { action: "tracking.manage" } // what is tracked, by whom, on which cycle: the 研考會
  | { action: "admin.manage" };

/**
 * The one permission function. Staff and supervisors write progress on the nodes their departments
 * answer for (own, or lead as tracked items) and import their own departments' documents; a node or
 * document no department answers for (an unassigned city-wide strategy, the policy outline) is the
 * administrators'. Supervisors sign off their departments' updates. Reviewers (研考會) decide what is
 * tracked and review and publish updates; an item's departments and reviewers decide which strategies
 * it serves and define its indicators (staff of its departments record their actual values). Councillors
 * read the council area and keep their notes; administrators may do everything; the command line
 * may import. Every signed-in user keeps their own account's settings. Administrators and reviewers
 * must enrol a second factor before anything else, and may not turn theirs off.
 */
export function can(actor: Actor | null, permission: Permission): boolean {
  if (permission.action === "session.start" || permission.action === "session.end") return true;
  if (!actor) return false;
  if (isSystemActor(actor)) return permission.action === "document.import";
  // An administrator or reviewer without a second factor yet may do one thing: enrol one (issue 16).
  if (actor.secondFactor === "pending") return permission.action === "account.second-factor";
  // Before the administrators' allow-all: their own role is one that may not go without.
  if (permission.action === "account.second-factor.disable") return !SECOND_FACTOR_ROLES.includes(actor.role);
  if (actor.role === "admin") return true;
  if (permission.action === "account.self" || permission.action === "account.second-factor") return true;
  const inDepartments = DEPARTMENT_ROLES.includes(actor.role);
  const ownsDepartment = (departmentId: number | null) =>
    departmentId !== null && actor.departments.some((d) => d.id === departmentId);
  const ownsAny = (departmentIds: readonly number[]) => departmentIds.some(ownsDepartment);
  switch (permission.action) {
    case "progress.write":
      return inDepartments && ownsAny(permission.departmentIds);
    case "progress.approve":
      return actor.role === "supervisor" && ownsAny(permission.departmentIds);
    case "progress.review":
      return actor.role === "reviewer";
    case "link.decide":
    case "indicator.define":
      return actor.role === "reviewer" || (inDepartments && ownsAny(permission.departmentIds));
    case "document.import":
      return inDepartments && ownsDepartment(permission.departmentId);
    case "staff.workspace":
      return inDepartments;
    case "council.read":
      return actor.role === "councillor";
    case "tracking.manage":
      return actor.role === "reviewer";
    case "admin.manage":
      return false;
  }
}

/** Refused: not signed in (`unauthenticated`) or signed in without the right (`forbidden`). */
export class PermissionDeniedError extends AppError {
  constructor(
    /** The permission refused, or the command's name when it was refused before any resource was read. */
    readonly permission: string,
    signedIn = true,
  ) {
    super(signedIn ? "forbidden" : "unauthenticated", `Not allowed: ${permission}`);
    this.name = "PermissionDeniedError";
  }
}

export function assertCan(actor: Actor | null, permission: Permission): asserts actor is Actor {
  if (!can(actor, permission)) throw new PermissionDeniedError(permission.action, actor !== null);
}

/** The same check, for work only a signed-in user can do (it is authored by someone). */
export function assertUserCan(actor: Actor | null, permission: Permission): asserts actor is SessionUser {
  assertCan(actor, permission);
  if (isSystemActor(actor)) throw new PermissionDeniedError(permission.action);
}
