/**
 * The portal's roles, as in the schema's Role enum: admin; staff (承辦人) and supervisors (主管) of
 * departments; 研考會 reviewers, who decide what is tracked; councillors.
 */
export const ROLES = ["admin", "staff", "supervisor", "reviewer", "councillor"] as const;
export type RoleName = (typeof ROLES)[number];

/** Roles that work in a department's name: they report (and a supervisor signs off) its progress. */
export const DEPARTMENT_ROLES: readonly RoleName[] = ["staff", "supervisor"];

/**
 * Roles that must sign in with a second factor (TOTP): administrators can do everything, and the
 * 研考會 publishes what the city promises. Everyone else may enrol (issue 16).
 */
export const SECOND_FACTOR_ROLES: readonly RoleName[] = ["admin", "reviewer"];

/**
 * Where a signed-in user stands with the second factor, derived on every request from the database:
 * `done` (enrolled: the session was opened with a code, or the user enrolled in it), `pending` (the
 * role requires one and none is enrolled yet: the account may only enrol) or `not-required`.
 */
export type SecondFactorState = "done" | "pending" | "not-required";

export function secondFactorState(role: RoleName, enrolled: boolean): SecondFactorState {
  if (enrolled) return "done";
  return SECOND_FACTOR_ROLES.includes(role) ? "pending" : "not-required";
}
