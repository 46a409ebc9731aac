import { z } from "zod";
import { assertCan, type SessionUser } from "@/lib/auth/permissions";
import { email, newPassword } from "@/lib/auth/schemas";
import type { Db } from "@/lib/db/client";
import { ROLES } from "@/lib/domain/roles";
import { AppError } from "@/lib/errors";
import { recordId } from "@/lib/validation/params";
import { departmentSlug } from "@/lib/validation/atoms";

export const createUserInput = z.object({
  email,
  name: z.string().trim().min(1, { message: "required" }).max(100, { message: "tooLong" }),
  role: z.enum(ROLES, { message: "role" }),
  password: newPassword,
  departments: z.array(departmentSlug()).max(40),
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z.object({
  userId: recordId,
  name: z.string().trim().min(1, { message: "required" }).max(100, { message: "tooLong" }),
  role: z.enum(ROLES, { message: "role" }),
  active: z.boolean(),
  departments: z.array(departmentSlug()).max(40),
});
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const resetPasswordInput = z.object({ userId: recordId, password: newPassword });
export const resetSecondFactorInput = z.strictObject({ userId: recordId });

export class EmailTakenError extends AppError {
  constructor() {
    super("email_taken", "email taken", { email: "emailTaken" });
    this.name = "EmailTakenError";
  }
}
export class UserNotFoundError extends AppError {
  constructor(readonly userId: number) {
    super("not_found", `No user ${userId}.`);
    this.name = "UserNotFoundError";
  }
}
/** An administrator cannot disable or demote themself: the city would be locked out. */
export class SelfLockoutError extends AppError {
  constructor() {
    super("self_lockout", "self lockout");
    this.name = "SelfLockoutError";
  }
}

const userView = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  lockedUntil: true,
  lastSignInAt: true,
  createdAt: true,
  memberships: { select: { department: { select: { slug: true, nameZh: true, nameEn: true } } } },
  secondFactor: { select: { confirmedAt: true } },
} as const;

export async function listUsers(db: Db, actor: SessionUser | null) {
  assertCan(actor, { action: "admin.manage" });
  return db.user.findMany({ orderBy: [{ active: "desc" }, { email: "asc" }], select: userView });
}

export async function getUser(db: Db, actor: SessionUser | null, userId: number) {
  assertCan(actor, { action: "admin.manage" });
  return db.user.findUnique({ where: { id: userId }, select: userView });
}

export const AUDIT_PAGE_SIZE = 50;

/** The audit log, newest first, optionally one action's or one actor's. */
export async function listAuditEvents(
  db: Db,
  actor: SessionUser | null,
  filter: { action?: string; page: number },
) {
  assertCan(actor, { action: "admin.manage" });
  const where = filter.action ? { action: filter.action } : {};
  const [events, total, actions] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        at: true,
        action: true,
        entityType: true,
        entityId: true,
        before: true,
        after: true,
        ip: true,
        actor: { select: { email: true, name: true } },
      },
    }),
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
  ]);
  return {
    events,
    total,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    actions: actions.map((a) => a.action),
  };
}
