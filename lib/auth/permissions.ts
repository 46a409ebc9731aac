import type { Role } from "@/lib/generated/prisma/enums";

export type SessionUser = {
  id: number;
  email: string;
  name: string;
  role: Role;
  departments: Array<{ id: number; slug: string; nameZh: string; nameEn: string }>;
};

/** What a request may try to do. Deny unless a rule below allows it. */
export type Permission =
  | { action: "progress.write"; departmentId: number | null } // the node's department
  | { action: "document.import" }
  | { action: "staff.workspace" }
  | { action: "council.read" }
  | { action: "admin.manage" };

/**
 * The one permission function. Staff write progress only on their own departments' nodes; a
 * node no department owns (a city-wide strategy) is the administrators'. Councillors read the
 * council area; administrators may do everything.
 */
export function can(user: SessionUser | null, permission: Permission): boolean {
  if (!user) return false;
  if (user.role === "admin") return true;
  switch (permission.action) {
    case "progress.write":
      return (
        user.role === "staff" &&
        permission.departmentId !== null &&
        user.departments.some((d) => d.id === permission.departmentId)
      );
    case "document.import":
    case "staff.workspace":
      return user.role === "staff";
    case "council.read":
      return user.role === "councillor";
    case "admin.manage":
      return false;
  }
}

export class PermissionDeniedError extends Error {
  constructor(readonly permission: Permission["action"]) {
    super(`Not allowed: ${permission}`);
    this.name = "PermissionDeniedError";
  }
}

export function assertCan(user: SessionUser | null, permission: Permission): asserts user is SessionUser {
  if (!can(user, permission)) throw new PermissionDeniedError(permission.action);
}
