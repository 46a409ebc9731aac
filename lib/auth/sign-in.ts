import { z } from "zod";
import type { RequestMeta } from "@/lib/audit";
import { defineCommand, executeCommand } from "@/lib/commands/command";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { timingDecoy, verifyPassword } from "./password";
import type { SignInFailure } from "./sign-in-failure";
import { type SignInInput, signInInput } from "./schemas";

/** Five wrong passwords lock the account for 15 minutes; 20 failures from one address in 15 minutes block it. */
export const SIGN_IN_LIMITS = {
  failuresBeforeLock: 5,
  lockMinutes: 15,
  failuresPerIp: 20,
  ipWindowMinutes: 15,
} as const;

// Why a sign-in failed, as the audit log stores it: the codes (and the old phrases) live in one pure
// module, which the audit page also reads.
export type { SignInFailure } from "./sign-in-failure";

export type SignInResult =
  | { ok: true; user: { id: number; role: Role; sessionVersion: number } }
  | { ok: false; reason: "invalid" | "locked" | "too_many_attempts"; lockedUntil?: Date };

/**
 * Checks an e-mail and password, with per-account lockout and a per-address limit, and records
 * every attempt in the audit log. A disabled account answers like a wrong password: a sign-in
 * form must not tell strangers which addresses exist. A refusal is a result, not an error: its
 * failure count and audit record are committed.
 */
export const signInCommand = defineCommand({
  name: "auth.sign-in",
  runBy: "anyone",
  input: signInInput,
  permission: () => ({ action: "session.start" }),
  // Attempts on one account wait for each other (the row lock below), each for a password check.
  transaction: { maxWait: 20_000, timeout: 20_000 },
  run: async ({ tx, meta, now, audit }, input): Promise<SignInResult> => {
    const since = new Date(now.getTime() - SIGN_IN_LIMITS.ipWindowMinutes * 60_000);
    if (meta.ip) {
      const recentFailures = await tx.auditEvent.count({
        where: { action: "auth.sign-in-failed", ip: meta.ip, at: { gte: since } },
      });
      if (recentFailures >= SIGN_IN_LIMITS.failuresPerIp) {
        return { ok: false, reason: "too_many_attempts" };
      }
    }

    // Lock the account's row for this attempt: concurrent guesses are counted one after another, so
    // thirty at once lock the account as thirty in a row would (the count is read, then written).
    await tx.$queryRaw`SELECT id FROM "User" WHERE email = ${input.email} FOR UPDATE`;
    const user = await tx.user.findUnique({
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
    const failed = (reason: SignInFailure, locked?: boolean) =>
      audit({
        action: "auth.sign-in-failed",
        actorId: user?.id ?? null,
        entityType: "User",
        entityId: user?.id ?? null,
        after: { email: input.email, reason, ...(locked === undefined ? {} : { locked }) },
      });

    if (!user) {
      await timingDecoy(input.password);
      await failed("unknownEmail");
      return { ok: false, reason: "invalid" };
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      await failed("locked");
      return { ok: false, reason: "locked", lockedUntil: user.lockedUntil };
    }
    const passwordOk = await verifyPassword(user.passwordHash, input.password);
    if (!passwordOk || !user.active) {
      const failures = passwordOk ? user.failedSignIns : user.failedSignIns + 1;
      const lock = failures >= SIGN_IN_LIMITS.failuresBeforeLock;
      const lockedUntil = lock ? new Date(now.getTime() + SIGN_IN_LIMITS.lockMinutes * 60_000) : null;
      await tx.user.update({
        where: { id: user.id },
        data: { failedSignIns: lock ? 0 : failures, lockedUntil },
      });
      await failed(user.active ? "wrongPassword" : "disabled", lock);
      return lock && lockedUntil
        ? { ok: false, reason: "locked", lockedUntil }
        : { ok: false, reason: "invalid" };
    }

    await tx.user.update({
      where: { id: user.id },
      data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: now },
    });
    await audit({ actorId: user.id, entityType: "User", entityId: user.id });
    return { ok: true, user: { id: user.id, role: user.role, sessionVersion: user.sessionVersion } };
  },
});

/** Signs in through the command (for callers without a request: tests, scripts). */
export async function authenticate(
  db: Db,
  input: SignInInput,
  meta: RequestMeta,
  now = new Date(),
): Promise<SignInResult> {
  return (await executeCommand(db, signInCommand, input, { actor: null, meta, now })).value;
}

/** Signs out everywhere: bumping the session version ends every copy of the session cookie too. */
export const signOutCommand = defineCommand({
  name: "auth.sign-out",
  runBy: "anyone",
  input: z.object({}),
  permission: () => ({ action: "session.end" }),
  run: async ({ tx, actor, audit }) => {
    if (!actor) return; // the session had already ended: only the cookie is left to drop
    await tx.user.update({ where: { id: actor.id }, data: { sessionVersion: { increment: 1 } } });
    await audit({ entityType: "User", entityId: actor.id });
  },
});
