/**
 * The portal's roles, as in the schema's Role enum: admin; staff (承辦人) and supervisors (主管) of
 * departments; 研考會 reviewers, who decide what is tracked; councillors.
 */
export const ROLES = ["admin", "staff", "supervisor", "reviewer", "councillor"] as const;
export type RoleName = (typeof ROLES)[number];

/** Roles that work in a department's name: they report (and a supervisor signs off) its progress. */
export const DEPARTMENT_ROLES: readonly RoleName[] = ["staff", "supervisor"];
