import { z } from "zod";
import type { RequestMeta } from "@/lib/audit";
import { type AuditWriter, defineCommand, executeCommand } from "@/lib/commands/command";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { timingDecoy, verifyPassword } from "./password";
import { portalSecret } from "./portal-secret";
import { issueChallenge, readChallenge, secondFactorCode } from "./second-factor";
import { checkSecondFactorCode } from "./second-factor-store";
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
  /** The password was right and the account has a second factor: ask for a code with this challenge. */
  | { ok: false; reason: "code_needed"; challenge: string }
  | {
      ok: false;
      /** wrong_code: the second step's code was wrong or already used; expired: sign in again. */
      reason: "invalid" | "locked" | "too_many_attempts" | "wrong_code" | "expired";
      lockedUntil?: Date;
    };

type Tx = Prisma.TransactionClient;

/** 20 failures from one address in 15 minutes block it (counted from the audit log, so across processes). */
async function addressBlocked(tx: Tx, ip: string | null, now: Date): Promise<boolean> {
  if (!ip) return false;
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.ipWindowMinutes * 60_000);
  const recentFailures = await tx.auditEvent.count({
    where: { action: "auth.sign-in-failed", ip, at: { gte: since } },
  });
  return recentFailures >= SIGN_IN_LIMITS.failuresPerIp;
}

const ACCOUNT = {
  id: true,
  email: true,
  role: true,
  active: true,
  sessionVersion: true,
  failedSignIns: true,
  lockedUntil: true,
  passwordHash: true,
  secondFactor: { select: { secret: true, confirmedAt: true, lastTimeStep: true } },
} as const;

/**
 * Locks the account's row for this attempt: concurrent guesses (passwords or codes) are counted one
 * after another, so thirty at once lock the account as thirty in a row would (read, then written).
 */
async function lockedAccount(tx: Tx, where: { email: string } | { id: number }) {
  if ("email" in where) await tx.$queryRaw`SELECT id FROM "User" WHERE email = ${where.email} FOR UPDATE`;
  else await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${where.id} FOR UPDATE`;
  return tx.user.findUnique({ where, select: ACCOUNT });
}

/** One more failure on the account (a wrong password or code); the fifth locks it. */
async function countFailure(
  tx: Tx,
  user: { id: number; failedSignIns: number },
  now: Date,
): Promise<{ lock: boolean; lockedUntil: Date | null }> {
  const failures = user.failedSignIns + 1;
  const lock = failures >= SIGN_IN_LIMITS.failuresBeforeLock;
  const lockedUntil = lock ? new Date(now.getTime() + SIGN_IN_LIMITS.lockMinutes * 60_000) : null;
  await tx.user.update({ where: { id: user.id }, data: { failedSignIns: lock ? 0 : failures, lockedUntil } });
  return { lock, lockedUntil };
}

const failureAudit =
  (audit: AuditWriter, user: { id: number } | null, email: string) =>
  (reason: SignInFailure, locked?: boolean) =>
    audit({
      action: "auth.sign-in-failed",
      actorId: user?.id ?? null,
      entityType: "User",
      entityId: user?.id ?? null,
      after: { email, reason, ...(locked === undefined ? {} : { locked }) },
    });

/** The session starts: failures cleared, the sign-in recorded (with the factor used, if any). */
async function signedIn(
  tx: Tx,
  audit: AuditWriter,
  user: { id: number; role: Role; sessionVersion: number },
  now: Date,
  secondFactor?: { via: "totp" | "recovery"; recoveryCodesLeft: number },
): Promise<SignInResult> {
  await tx.user.update({
    where: { id: user.id },
    data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: now },
  });
  await audit({
    action: "auth.sign-in",
    actorId: user.id,
    entityType: "User",
    entityId: user.id,
    ...(secondFactor
      ? { after: { secondFactor: secondFactor.via, recoveryCodesLeft: secondFactor.recoveryCodesLeft } }
      : {}),
  });
  return { ok: true, user: { id: user.id, role: user.role, sessionVersion: user.sessionVersion } };
}

/**
 * Checks an e-mail and password, with per-account lockout and a per-address limit, and records
 * every failure in the audit log. A disabled account answers like a wrong password: a sign-in
 * form must not tell strangers which addresses exist. A refusal is a result, not an error: its
 * failure count and audit record are committed.
 *
 * An account with a second factor is not signed in here: a right password answers `code_needed`
 * with a signed challenge for the code step (secondFactorCommand), and leaves the failure count as
 * it is, so a thief who knows the password still has only five guesses at the code.
 */
export const signInCommand = defineCommand({
  name: "auth.sign-in",
  runBy: "anyone",
  input: signInInput,
  permission: () => ({ action: "session.start" }),
  // Attempts on one account wait for each other (the row lock), each for a password check.
  transaction: { maxWait: 20_000, timeout: 20_000 },
  run: async ({ tx, meta, now, audit }, input): Promise<SignInResult> => {
    if (await addressBlocked(tx, meta.ip, now)) return { ok: false, reason: "too_many_attempts" };
    const user = await lockedAccount(tx, { email: input.email });
    const failed = failureAudit(audit, user, input.email);
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
      // A disabled account's right password is not a failure of its own, but is refused the same way.
      const { lock, lockedUntil } = passwordOk
        ? { lock: false, lockedUntil: null }
        : await countFailure(tx, user, now);
      await failed(user.active ? "wrongPassword" : "disabled", lock);
      return lock && lockedUntil
        ? { ok: false, reason: "locked", lockedUntil }
        : { ok: false, reason: "invalid" };
    }
    if (user.secondFactor?.confirmedAt) {
      const challenge = issueChallenge(
        { userId: user.id, sessionVersion: user.sessionVersion },
        portalSecret(),
        now,
      );
      return { ok: false, reason: "code_needed", challenge };
    }
    return signedIn(tx, audit, user, now);
  },
});

/**
 * The code step: the challenge from a right password, and a code from the authenticator (or a
 * recovery code). A wrong or replayed code counts as a failure on the account, exactly as a wrong
 * password does (the same row lock, the same five-then-locked); a challenge that is forged, expired,
 * or outlived a password change, a reset or a sign-out everywhere answers `expired`.
 */
export const secondFactorCommand = defineCommand({
  name: "auth.second-factor",
  runBy: "anyone",
  input: z.strictObject({ challenge: z.string().max(200), code: secondFactorCode }),
  permission: () => ({ action: "session.start" }),
  // Up to ten recovery-code hashes are checked under the row lock.
  transaction: { maxWait: 20_000, timeout: 20_000 },
  run: async ({ tx, meta, now, audit }, input): Promise<SignInResult> => {
    const secret = portalSecret();
    const challenge = readChallenge(input.challenge, secret, now);
    if (!challenge) return { ok: false, reason: "expired" };
    if (await addressBlocked(tx, meta.ip, now)) return { ok: false, reason: "too_many_attempts" };
    const user = await lockedAccount(tx, { id: challenge.userId });
    const factor = user?.secondFactor;
    if (!user?.active || user.sessionVersion !== challenge.sessionVersion || !factor?.confirmedAt)
      return { ok: false, reason: "expired" };
    const failed = failureAudit(audit, user, user.email);
    if (user.lockedUntil && user.lockedUntil > now) {
      await failed("locked");
      return { ok: false, reason: "locked", lockedUntil: user.lockedUntil };
    }
    const check = await checkSecondFactorCode(tx, { userId: user.id, ...factor }, input.code, now, secret);
    if (!check.ok) {
      const { lock, lockedUntil } = await countFailure(tx, user, now);
      await failed(check.failure, lock);
      return lock && lockedUntil
        ? { ok: false, reason: "locked", lockedUntil }
        : { ok: false, reason: "wrong_code" };
    }
    return signedIn(tx, audit, user, now, check);
  },
});

/** Signs in through the commands (for callers without a request: /api/auth, tests, scripts). */
export async function authenticate(
  db: Db,
  /** With `code`, an account with a second factor goes through both steps (for /api/auth clients). */
  input: SignInInput & { code?: string },
  meta: RequestMeta,
  now = new Date(),
): Promise<SignInResult> {
  const first = (await executeCommand(db, signInCommand, input, { actor: null, meta, now })).value;
  if (first.ok || first.reason !== "code_needed" || input.code === undefined) return first;
  const code = { challenge: first.challenge, code: input.code };
  return (await executeCommand(db, secondFactorCommand, code, { actor: null, meta, now })).value;
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
