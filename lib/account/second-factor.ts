import { z } from "zod";
import { portalSecret } from "@/lib/auth/portal-secret";
import { newTotpSecret, matchTotp, secondFactorCode, totpQrSvg, totpUri } from "@/lib/auth/second-factor";
import {
  checkSecondFactorCode,
  replaceRecoveryCodes,
  unusedRecoveryCodes,
} from "@/lib/auth/second-factor-store";
import { openSecret, sealSecret } from "@/lib/auth/secret-box";
import { defineCommand } from "@/lib/commands/command";
import type { Db } from "@/lib/db/client";
import { AppError, InvalidInputError } from "@/lib/errors";
import { secondFactorState, type SecondFactorState } from "@/lib/domain/roles";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * One's own second factor (TOTP): enrol (a new secret, shown as a QR code), confirm it with a current
 * code (recovery codes are made then and shown once), make new recovery codes, or turn it off where
 * the role allows. Every command acts on the signed-in user only: none takes a user id.
 */

const wrongCode = () => new InvalidInputError({ code: "secondFactorWrong" });
const notEnrolled = () => new AppError("rule_broken", "No second factor is enrolled.");

/** Starts (or restarts) enrolment with a fresh secret; an enrolled factor must be turned off or reset first. */
export const enrolSecondFactorCommand = defineCommand({
  name: "account.second-factor-enrol",
  input: z.strictObject({}),
  permission: () => ({ action: "account.second-factor" }),
  run: async ({ tx, actor, audit }) => {
    const existing = await tx.secondFactor.findUnique({
      where: { userId: actor.id },
      select: { confirmedAt: true },
    });
    if (existing?.confirmedAt) throw new AppError("conflict", "A second factor is already enrolled.");
    const secret = sealSecret(newTotpSecret(), portalSecret());
    await tx.secondFactor.upsert({
      where: { userId: actor.id },
      create: { userId: actor.id, secret },
      update: { secret, lastTimeStep: null },
    });
    await audit({ entityType: "User", entityId: actor.id, after: { secondFactor: "enrolling" } });
  },
});

/** A current code confirms the secret; the recovery codes are returned to be shown this once. */
export const confirmSecondFactorCommand = defineCommand({
  name: "account.second-factor-confirm",
  input: z.strictObject({ code: secondFactorCode }),
  permission: () => ({ action: "account.second-factor" }),
  run: async ({ tx, actor, audit, now }, input) => {
    const factor = await tx.secondFactor.findUnique({ where: { userId: actor.id } });
    if (!factor) throw notEnrolled();
    if (factor.confirmedAt) throw new AppError("conflict", "The second factor is already confirmed.");
    const secret = openSecret(factor.secret, portalSecret());
    const step = secret ? await matchTotp(secret, input.code, { now, afterTimeStep: null }) : null;
    if (step === null) throw wrongCode();
    await tx.secondFactor.update({
      where: { userId: actor.id },
      data: { confirmedAt: now, lastTimeStep: step },
    });
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.id);
    await audit({ entityType: "User", entityId: actor.id, after: { secondFactor: "enrolled" } });
    return { recoveryCodes };
  },
});

/** New recovery codes; the old ones stop working. */
export const regenerateRecoveryCodesCommand = defineCommand({
  name: "account.recovery-codes",
  input: z.strictObject({}),
  permission: () => ({ action: "account.second-factor" }),
  run: async ({ tx, actor, audit }) => {
    const factor = await tx.secondFactor.findUnique({
      where: { userId: actor.id },
      select: { confirmedAt: true },
    });
    if (!factor?.confirmedAt) throw notEnrolled();
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.id);
    await audit({ entityType: "User", entityId: actor.id, after: { recoveryCodes: recoveryCodes.length } });
    return { recoveryCodes };
  },
});

/**
 * Turns one's second factor off, with a current code (so a session left open is not enough); only
 * for roles that do not require one (the permission says which).
 */
export const disableSecondFactorCommand = defineCommand({
  name: "account.second-factor-disable",
  input: z.strictObject({ code: secondFactorCode }),
  permission: () => ({ action: "account.second-factor.disable" }),
  run: async ({ tx, actor, audit, now }, input) => {
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${actor.id} FOR UPDATE`;
    const factor = await tx.secondFactor.findUnique({ where: { userId: actor.id } });
    if (!factor?.confirmedAt) throw notEnrolled();
    const check = await checkSecondFactorCode(tx, factor, input.code, now, portalSecret());
    if (!check.ok) throw wrongCode();
    await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
    await tx.secondFactor.delete({ where: { userId: actor.id } });
    await audit({
      entityType: "User",
      entityId: actor.id,
      before: { secondFactor: "enrolled" },
      after: { secondFactor: "off" },
    });
  },
});

export type SecondFactorView = {
  state: SecondFactorState;
  role: Role;
  email: string;
  confirmedAt: Date | null;
  recoveryCodesLeft: number;
  /** While enrolling: what the authenticator needs (the secret is the user's own, shown to them only). */
  enrolling: { secret: string; uri: string; qrSvg: string } | null;
};

/** The signed-in user's second factor, for /account/second-factor (lib/data/account.ts asks who is asking). */
export async function getOwnSecondFactor(db: Db, userId: number): Promise<SecondFactorView | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { role: true, email: true, secondFactor: { select: { secret: true, confirmedAt: true } } },
  });
  if (!user) return null;
  const factor = user.secondFactor;
  const secret = factor && !factor.confirmedAt ? openSecret(factor.secret, portalSecret()) : null;
  const uri = secret ? totpUri(user.email, secret) : null;
  return {
    state: secondFactorState(user.role, Boolean(factor?.confirmedAt)),
    role: user.role,
    email: user.email,
    confirmedAt: factor?.confirmedAt ?? null,
    recoveryCodesLeft: factor?.confirmedAt ? await unusedRecoveryCodes(db, userId) : 0,
    enrolling: secret && uri ? { secret, uri, qrSvg: await totpQrSvg(uri) } : null,
  };
}
