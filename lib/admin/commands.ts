import { hashPassword } from "@/lib/auth/password";
import { defineCommand } from "@/lib/commands/command";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  createUserInput,
  EmailTakenError,
  resetPasswordInput,
  resetSecondFactorInput,
  SelfLockoutError,
  updateUserInput,
  UserNotFoundError,
} from "./users";

/** What the audit log keeps of an account: never its password. */
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

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

export const createUserCommand = defineCommand({
  name: "user.create",
  input: createUserInput,
  permission: () => ({ action: "admin.manage" }),
  run: async ({ tx, audit }, input) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } }))
      throw new EmailTakenError();
    const departments = await tx.department.findMany({
      where: { slug: { in: input.departments } },
      select: { id: true },
    });
    const user = await tx.user
      .create({
        data: {
          email: input.email,
          name: input.name,
          role: input.role,
          passwordHash: await hashPassword(input.password),
          memberships: { create: departments.map((d) => ({ departmentId: d.id })) },
        },
        select: { id: true },
      })
      .catch((error: unknown) => {
        // Two administrators creating the same address at once: the second is told, not a 500.
        if (isUniqueViolation(error)) throw new EmailTakenError();
        throw error;
      });
    await audit({ entityType: "User", entityId: user.id, after: snapshot({ ...input, active: true }) });
    return user;
  },
});

/**
 * Changes a user's name, role, departments or active flag. A change of role, departments or active
 * bumps the session version: the user's open sessions end on their next request. An administrator
 * cannot disable or demote themself.
 */
export const updateUserCommand = defineCommand({
  name: "user.update",
  input: updateUserInput,
  permission: () => ({ action: "admin.manage" }),
  run: async ({ tx, actor, audit }, input) => {
    if (input.userId === actor.id && (!input.active || input.role !== "admin")) throw new SelfLockoutError();
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
    await audit({ entityType: "User", entityId: input.userId, before: beforeView, after: afterView });
  },
});

/** Sets a new password, clears any lock, and ends the user's sessions. */
export const resetPasswordCommand = defineCommand({
  name: "user.password-reset",
  input: resetPasswordInput,
  permission: () => ({ action: "admin.manage" }),
  run: async ({ tx, audit }, input) => {
    const exists = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
    if (!exists) throw new UserNotFoundError(input.userId);
    await tx.user.update({
      where: { id: input.userId },
      data: {
        passwordHash: await hashPassword(input.password),
        failedSignIns: 0,
        lockedUntil: null,
        sessionVersion: { increment: 1 },
      },
    });
    await audit({ entityType: "User", entityId: input.userId });
  },
});

/**
 * Removes a user's second factor and recovery codes (a lost phone) and ends their sessions. An
 * administrator or reviewer then enrols again at their next sign-in, before anything else.
 */
export const resetSecondFactorCommand = defineCommand({
  name: "user.second-factor-reset",
  input: resetSecondFactorInput,
  permission: () => ({ action: "admin.manage" }),
  run: async ({ tx, audit }, input) => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, secondFactor: { select: { confirmedAt: true } } },
    });
    if (!user) throw new UserNotFoundError(input.userId);
    const unused = await tx.recoveryCode.count({ where: { userId: user.id, usedAt: null } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.secondFactor.deleteMany({ where: { userId: user.id } });
    await tx.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    await audit({
      entityType: "User",
      entityId: user.id,
      before: {
        secondFactor: user.secondFactor?.confirmedAt ? "enrolled" : "off",
        recoveryCodesLeft: unused,
      },
      after: { secondFactor: "off" },
    });
  },
});
