import { z } from "zod";
import { recordAudit, type RequestMeta } from "@/lib/audit";
import { assertCan, type SessionUser } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import { email, newPassword } from "@/lib/auth/schemas";
import type { Db } from "@/lib/db/client";
import { ROLES } from "@/lib/domain/roles";
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
  userId: z.number().int().positive(),
  name: z.string().trim().min(1, { message: "required" }).max(100, { message: "tooLong" }),
  role: z.enum(ROLES, { message: "role" }),
  active: z.boolean(),
  departments: z.array(departmentSlug()).max(40),
});
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const resetPasswordInput = z.object({ userId: z.number().int().positive(), password: newPassword });

export class EmailTakenError extends Error {
  constructor() {
    super("email taken");
    this.name = "EmailTakenError";
  }
}
export class UserNotFoundError extends Error {
  constructor(readonly userId: number) {
    super(`No user ${userId}.`);
    this.name = "UserNotFoundError";
  }
}
/** An administrator cannot disable or demote themself: the city would be locked out. */
export class SelfLockoutError extends Error {
  constructor() {
    super("self lockout");
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
} as const;

export async function listUsers(db: Db, actor: SessionUser | null) {
  assertCan(actor, { action: "admin.manage" });
  return db.user.findMany({ orderBy: [{ active: "desc" }, { email: "asc" }], select: userView });
}

export async function getUser(db: Db, actor: SessionUser | null, userId: number) {
  assertCan(actor, { action: "admin.manage" });
  return db.user.findUnique({ where: { id: userId }, select: userView });
}

const snapshot = (u: {
  email: string;
  name: string;
  role: string;
  active: boolean;
  departments: string[];
}) => ({
  email: u.email,
  name: u.name,
  role: u.role,
  active: u.active,
  departments: [...u.departments].sort(),
});

export async function createUser(
  db: Db,
  actor: SessionUser | null,
  input: CreateUserInput,
  meta: RequestMeta,
) {
  assertCan(actor, { action: "admin.manage" });
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } }))
      throw new EmailTakenError();
    const departments = await tx.department.findMany({
      where: { slug: { in: input.departments } },
      select: { id: true },
    });
    const user = await tx.user.create({
      data: {
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash,
        memberships: { create: departments.map((d) => ({ departmentId: d.id })) },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.create",
      entityType: "User",
      entityId: user.id,
      after: snapshot({ ...input, active: true }), // never the password
      meta,
    });
    return user;
  });
}

/**
 * Changes a user's name, role, departments or active flag. A change of role, departments or active
 * bumps the session version: the user's open sessions end on their next request.
 */
export async function updateUser(
  db: Db,
  actor: SessionUser | null,
  input: UpdateUserInput,
  meta: RequestMeta,
) {
  assertCan(actor, { action: "admin.manage" });
  if (input.userId === actor.id && (!input.active || input.role !== "admin")) throw new SelfLockoutError();
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({
      where: { id: input.userId },
      select: {
        email: true,
        name: true,
        role: true,
        active: true,
        memberships: { select: { department: { select: { slug: true } } } },
      },
    });
    if (!before) throw new UserNotFoundError(input.userId);
    const beforeView = snapshot({ ...before, departments: before.memberships.map((m) => m.department.slug) });
    const departments = await tx.department.findMany({
      where: { slug: { in: input.departments } },
      select: { id: true, slug: true },
    });
    const afterView = snapshot({
      email: before.email,
      name: input.name,
      role: input.role,
      active: input.active,
      departments: departments.map((d) => d.slug),
    });
    const accessChanged =
      beforeView.role !== afterView.role ||
      beforeView.active !== afterView.active ||
      beforeView.departments.join() !== afterView.departments.join();
    await tx.departmentMembership.deleteMany({ where: { userId: input.userId } });
    await tx.user.update({
      where: { id: input.userId },
      data: {
        name: input.name,
        role: input.role,
        active: input.active,
        ...(accessChanged ? { sessionVersion: { increment: 1 } } : {}),
        memberships: { create: departments.map((d) => ({ departmentId: d.id })) },
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.update",
      entityType: "User",
      entityId: input.userId,
      before: beforeView,
      after: afterView,
      meta,
    });
  });
}

/** Sets a new password, clears any lock, and ends the user's sessions. */
export async function resetPassword(
  db: Db,
  actor: SessionUser | null,
  input: z.infer<typeof resetPasswordInput>,
  meta: RequestMeta,
) {
  assertCan(actor, { action: "admin.manage" });
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: input.userId },
      data: { passwordHash, failedSignIns: 0, lockedUntil: null, sessionVersion: { increment: 1 } },
    });
    if (count === 0) throw new UserNotFoundError(input.userId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.password-reset",
      entityType: "User",
      entityId: input.userId,
      meta,
    });
  });
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
