import { randomInt } from "node:crypto";
import { generate, generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { z } from "zod";
import { hashPassword, verifyPassword } from "./password";
import { sameSignature, signChallenge } from "./secret-box";

/**
 * The second factor's rules in one place: TOTP as RFC 6238 and every authenticator app use it (SHA-1,
 * 6 digits, 30 s steps, through otplib), recovery codes, and the signed challenge that carries a
 * password-checked sign-in to its code step. See docs/decisions/010-second-factor.md.
 */

export const TOTP_PERIOD_SECONDS = 30;
/** A phone's clock may be one step off either way; a code of any of those 3 steps is accepted once. */
const TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;
const ISSUER = "高雄市政追蹤";

export const newTotpSecret = (): string => generateSecret();

export const totpUri = (email: string, secret: string): string =>
  generateURI({ issuer: ISSUER, label: email, secret });

/** The authenticator's QR code, drawn on the server as SVG (no script, no request to anyone). */
export const totpQrSvg = (uri: string): Promise<string> =>
  QRCode.toString(uri, { type: "svg", margin: 2, errorCorrectionLevel: "M" });

/** The code an authenticator shows for `secret` at `at` (tests and the demo helpers compute codes with it). */
export const totpCode = (secret: string, at: Date = new Date()): Promise<string> =>
  generate({ secret, epoch: Math.floor(at.getTime() / 1000) });

/**
 * The time step a code belongs to, if it is right for `secret` around `now` and later than
 * `afterTimeStep` (the last step accepted for this user): a code is good once, and after a newer
 * one, no older one is (RFC 6238 §5.2).
 */
export async function matchTotp(
  secret: string,
  code: string,
  { now, afterTimeStep }: { now: Date; afterTimeStep: number | null },
): Promise<number | null> {
  if (!/^\d{6}$/u.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterTimeStep === null ? {} : { afterTimeStep }),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

// ── Recovery codes ────────────────────────────────────────────────────────────────────────────────

export const RECOVERY_CODE_COUNT = 10;
// Crockford's base32: no I, L, O or U, so a code read off paper is typed back right.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const RECOVERY_CODE_LENGTH = 10; // 50 random bits each

/** Fresh codes as shown once to their owner, `XXXXX-XXXXX`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: RECOVERY_CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]);
    return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
  });
}

/** argon2id, like passwords: a stolen table does not give the codes back. */
export const hashRecoveryCode = (code: string): Promise<string> => hashPassword(normaliseCode(code));
export const recoveryCodeMatches = (hash: string, code: string): Promise<boolean> =>
  verifyPassword(hash, normaliseCode(code));

/** Spaces and dashes dropped, upper case, and the letters Crockford reads as digits. */
function normaliseCode(code: string): string {
  return code.replace(/[\s-]/gu, "").toUpperCase().replace(/O/gu, "0").replace(/[IL]/gu, "1");
}

/** What the code field takes: six digits from the authenticator, or a recovery code. */
export const secondFactorCode = z
  .string()
  .max(40, { message: "secondFactorCode" })
  .transform(normaliseCode)
  .pipe(z.string().regex(/^(\d{6}|[0-9A-Z]{10})$/u, { message: "secondFactorCode" }));

export const isTotpCode = (code: string): boolean => /^\d{6}$/u.test(code);

// ── The sign-in challenge: password checked, code still to come ────────────────────────────────────

/** Five minutes to type the code; the challenge names the account and its session version. */
export const CHALLENGE_SECONDS = 5 * 60;

export type Challenge = { userId: number; sessionVersion: number };

export function issueChallenge(challenge: Challenge, authSecret: string, now: Date): string {
  const expires = Math.floor(now.getTime() / 1000) + CHALLENGE_SECONDS;
  const payload = `${challenge.userId}.${challenge.sessionVersion}.${expires}`;
  return `${payload}.${signChallenge(payload, authSecret)}`;
}

/** The challenge's account, if it was issued by this portal and has not expired; else null. */
export function readChallenge(token: string, authSecret: string, now: Date): Challenge | null {
  const match = /^(\d{1,10})\.(\d{1,10})\.(\d{1,12})\.([\w-]{43})$/u.exec(token);
  if (!match) return null;
  const [, userId, sessionVersion, expires, signature] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
  ];
  if (!sameSignature(signature, signChallenge(`${userId}.${sessionVersion}.${expires}`, authSecret)))
    return null;
  if (Number(expires) * 1000 <= now.getTime()) return null;
  return { userId: Number(userId), sessionVersion: Number(sessionVersion) };
}
