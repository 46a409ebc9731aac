import type { Db } from "@/lib/db/client";
import { recordAudit, type RequestMeta } from "@/lib/audit";
import type { Role } from "@/lib/generated/prisma/enums";
import { timingDecoy, verifyPassword } from "./password";
import type { SignInFailure } from "./sign-in-failure";
import type { SignInInput } from "./schemas";

/** Five wrong passwords lock the account for 15 minutes; 20 failures from one address in 15 minutes block it. */
export const SIGN_IN_LIMITS = {
  failuresBeforeLock: 5,
  lockMinutes: 15,
  failuresPerIp: 20,
  ipWindowMinutes: 15,
} as const;

export type SignInResult =
  | { ok: true; user: { id: number; role: Role; sessionVersion: number } }
  | { ok: false; reason: "invalid" | "locked" | "too_many_attempts"; lockedUntil?: Date };

/**
 * Checks an e-mail and password, with per-account lockout and a per-address limit, and records
 * every attempt in the audit log. A disabled account answers like a wrong password: a sign-in
 * form must not tell strangers which addresses exist.
 */
export async function authenticate(
  db: Db,
  input: SignInInput,
  meta: RequestMeta,
  now = new Date(),
): Promise<SignInResult> {
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.ipWindowMinutes * 60_000);
  if (meta.ip) {
    const recentFailures = await db.auditEvent.count({
      where: { action: "auth.sign-in-failed", ip: meta.ip, at: { gte: since } },
    });
    if (recentFailures >= SIGN_IN_LIMITS.failuresPerIp) {
      return { ok: false, reason: "too_many_attempts" };
    }
  }

  const user = await db.user.findUnique({
    where: { email: input.email },
    select: {
      id: true,
      role: true,
      active: true,
      sessionVersion: true,
      failedSignIns: true,
      lockedUntil: true,
      passwordHash: true,
    },
  });
  const fail = async (reason: SignInFailure) =>
    db.$transaction(async (tx) =>
      recordAudit(tx, {
        actorId: user?.id ?? null,
        action: "auth.sign-in-failed",
        entityType: "User",
        entityId: user?.id ?? null,
        after: { email: input.email, reason },
        meta,
      }),
    );

  if (!user) {
    await timingDecoy(input.password);
    await fail("unknown_email");
    return { ok: false, reason: "invalid" };
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await fail("locked");
    return { ok: false, reason: "locked", lockedUntil: user.lockedUntil };
  }
  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  if (!passwordOk || !user.active) {
    const failures = passwordOk ? user.failedSignIns : user.failedSignIns + 1;
    const lock = failures >= SIGN_IN_LIMITS.failuresBeforeLock;
    const lockedUntil = lock ? new Date(now.getTime() + SIGN_IN_LIMITS.lockMinutes * 60_000) : null;
    await db.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: user.id },
        data: { failedSignIns: lock ? 0 : failures, lockedUntil },
      });
      await recordAudit(tx, {
        actorId: user.id,
        action: "auth.sign-in-failed",
        entityType: "User",
        entityId: user.id,
        after: {
          email: input.email,
          reason: (user.active ? "wrong_password" : "disabled") satisfies SignInFailure,
          locked: lock,
        },
        meta,
      });
    });
    return lock && lockedUntil
      ? { ok: false, reason: "locked", lockedUntil }
      : { ok: false, reason: "invalid" };
  }

  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: now },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "auth.sign-in",
      entityType: "User",
      entityId: user.id,
      meta,
    });
  });
  return { ok: true, user: { id: user.id, role: user.role, sessionVersion: user.sessionVersion } };
}
