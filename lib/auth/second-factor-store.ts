import type { Prisma } from "@/lib/generated/prisma/client";
import { openSecret, sealSecret } from "./secret-box";
import {
  hashRecoveryCode,
  isTotpCode,
  matchTotp,
  newRecoveryCodes,
  recoveryCodeMatches,
} from "./second-factor";

type Tx = Prisma.TransactionClient;

/**
 * A user's second factor in the database: the sealed secret, its replay guard and the recovery codes.
 * Callers hold the user's row lock (`SELECT … FOR UPDATE`) when they check a code, so two requests
 * with the same code are decided one after the other and only the first is accepted.
 */

/** An enrolled (confirmed) secret, for the demo accounts and the tests' users. */
export async function storeConfirmedSecondFactor(
  tx: Tx,
  userId: number,
  secret: string,
  authSecret: string,
  now: Date,
): Promise<void> {
  const sealed = sealSecret(secret, authSecret);
  await tx.secondFactor.upsert({
    where: { userId },
    create: { userId, secret: sealed, confirmedAt: now },
    update: { secret: sealed, confirmedAt: now, lastTimeStep: null },
  });
}

/** New recovery codes replace any old ones; the plain codes are returned to be shown once. */
export async function replaceRecoveryCodes(tx: Tx, userId: number): Promise<string[]> {
  const codes = newRecoveryCodes();
  const hashes = await Promise.all(codes.map(hashRecoveryCode));
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: hashes.map((hash) => ({ userId, hash })) });
  return codes;
}

export type CodeCheck =
  | { ok: true; via: "totp" | "recovery"; recoveryCodesLeft: number }
  | { ok: false; failure: "wrongCode" | "replayedCode" };

/**
 * Checks a code (already normalised by `secondFactorCode`) against the user's enrolled factor and
 * spends it: a TOTP code's time step becomes the last accepted one, a recovery code is marked used.
 */
export async function checkSecondFactorCode(
  tx: Tx,
  factor: { userId: number; secret: string; lastTimeStep: number | null },
  code: string,
  now: Date,
  authSecret: string,
): Promise<CodeCheck> {
  if (isTotpCode(code)) {
    const secret = openSecret(factor.secret, authSecret);
    if (!secret) return { ok: false, failure: "wrongCode" }; // sealed under another NEXTAUTH_SECRET
    const step = await matchTotp(secret, code, { now, afterTimeStep: factor.lastTimeStep });
    if (step === null) {
      // Right code, already used (or older than one used): say so in the log, refuse all the same.
      const replayed =
        factor.lastTimeStep !== null &&
        (await matchTotp(secret, code, { now, afterTimeStep: null })) !== null;
      return { ok: false, failure: replayed ? "replayedCode" : "wrongCode" };
    }
    await tx.secondFactor.update({ where: { userId: factor.userId }, data: { lastTimeStep: step } });
    return { ok: true, via: "totp", recoveryCodesLeft: await unusedRecoveryCodes(tx, factor.userId) };
  }
  const unused = await tx.recoveryCode.findMany({
    where: { userId: factor.userId, usedAt: null },
    select: { id: true, hash: true },
  });
  for (const candidate of unused) {
    if (!(await recoveryCodeMatches(candidate.hash, code))) continue;
    await tx.recoveryCode.update({ where: { id: candidate.id }, data: { usedAt: now } });
    return { ok: true, via: "recovery", recoveryCodesLeft: unused.length - 1 };
  }
  return { ok: false, failure: "wrongCode" };
}

export const unusedRecoveryCodes = (tx: Tx, userId: number): Promise<number> =>
  tx.recoveryCode.count({ where: { userId, usedAt: null } });
