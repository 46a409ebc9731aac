import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  confirmSecondFactorCommand,
  disableSecondFactorCommand,
  enrolSecondFactorCommand,
  regenerateRecoveryCodesCommand,
} from "@/lib/account/second-factor";
import { resetSecondFactorCommand } from "@/lib/admin/commands";
import { createAccount } from "@/lib/auth/accounts";
import { can, PermissionDeniedError, type SessionUser } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import { portalSecret } from "@/lib/auth/portal-secret";
import { issueChallenge, TOTP_PERIOD_SECONDS, totpCode } from "@/lib/auth/second-factor";
import { storeConfirmedSecondFactor } from "@/lib/auth/second-factor-store";
import { openSecret } from "@/lib/auth/secret-box";
import { loadSessionUser } from "@/lib/auth/session-user";
import {
  authenticate,
  secondFactorCommand,
  signInCommand,
  SIGN_IN_LIMITS,
  type SignInResult,
} from "@/lib/auth/sign-in";
import { InvalidInputError } from "@/lib/errors";
import { run } from "../support/commands";
import { makeUser, TEST_TOTP_SECRET } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The second factor (issue 16, finding 7): TOTP codes computed here from the known secret, as an
 * authenticator app would, against the real sign-in commands and database.
 */

let t: TestDatabase;
let admin: SessionUser;
const PASSWORD = "correct horse battery staple";
const meta = { ip: "198.51.100.9", userAgent: "vitest" };
const T0 = new Date("2026-11-29T02:00:05Z"); // 5 s into a time step
const later = (steps: number) => new Date(T0.getTime() + steps * TOTP_PERIOD_SECONDS * 1000);

beforeAll(async () => {
  t = await createTestDatabase();
  admin = await makeUser(t.db, "sf-admin", "admin");
});
afterAll(async () => {
  await t?.dispose();
});

let counter = 0;
/** A reviewer with a password, enrolled with the tests' secret. */
async function enrolledReviewer(): Promise<{ id: number; email: string }> {
  counter += 1;
  const email = `reviewer${counter}@example.test`;
  const id = await createAccount(t.db, {
    email,
    name: "研考",
    role: "reviewer",
    departments: [],
    password: PASSWORD,
  });
  await storeConfirmedSecondFactor(t.db, id, TEST_TOTP_SECRET, portalSecret(), T0);
  return { id, email };
}

async function passwordStep(email: string, now = T0): Promise<string> {
  const result = await run(t.db, signInCommand, null, { email, password: PASSWORD }, { meta, now });
  if (result.ok || result.reason !== "code_needed")
    throw new Error(`expected a code step, got ${JSON.stringify(result)}`);
  return result.challenge;
}
const codeStep = (challenge: string, code: string, now = T0): Promise<SignInResult> =>
  run(t.db, secondFactorCommand, null, { challenge, code }, { meta, now });
const failures = async (userId: number) =>
  (await t.db.user.findUniqueOrThrow({ where: { id: userId }, select: { failedSignIns: true } }))
    .failedSignIns;
const lastFailureReason = async (userId: number) => {
  const row = await t.db.auditEvent.findFirst({
    where: { action: "auth.sign-in-failed", entityId: String(userId) },
    orderBy: { id: "desc" },
  });
  return (row?.after as { reason?: string } | null)?.reason;
};

describe("enrolment", () => {
  it("an administrator or reviewer without a second factor can do nothing but enrol, then enrols with a QR code", async () => {
    const reviewer = await makeUser(t.db, "sf-new-reviewer", "reviewer", [], { secondFactor: false });
    expect(reviewer.secondFactor).toBe("pending");
    expect(can(reviewer, { action: "tracking.manage" })).toBe(false);
    expect(can(reviewer, { action: "progress.review" })).toBe(false);
    expect(can(reviewer, { action: "account.self" })).toBe(false);
    expect(can(reviewer, { action: "account.second-factor" })).toBe(true);
    const pendingAdmin = await makeUser(t.db, "sf-new-admin", "admin", [], { secondFactor: false });
    expect(can(pendingAdmin, { action: "admin.manage" })).toBe(false);

    await run(t.db, enrolSecondFactorCommand, reviewer, {}, { now: T0 });
    const stored = await t.db.secondFactor.findUniqueOrThrow({ where: { userId: reviewer.id } });
    const secret = openSecret(stored.secret, portalSecret());
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/u);
    // Encrypted at rest: the column holds neither the secret nor anything that decrypts without the key.
    expect(stored.secret).not.toContain(secret ?? "-");
    expect(openSecret(stored.secret, "another secret of at least 32 characters!!")).toBeNull();
    const { getOwnSecondFactor } = await import("@/lib/account/second-factor");
    const view = await getOwnSecondFactor(t.db, reviewer.id);
    expect(view?.enrolling?.uri).toMatch(/^otpauth:\/\/totp\/.+secret=/u);
    expect(view?.enrolling?.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/u);
    expect(view?.enrolling?.qrSvg).not.toMatch(/<script/iu);

    // A wrong code does not confirm; the code the app shows does, and gives 10 single-use recovery codes.
    await expect(
      run(t.db, confirmSecondFactorCommand, reviewer, { code: "000000" }, { now: T0 }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    const { recoveryCodes } = await run(
      t.db,
      confirmSecondFactorCommand,
      reviewer,
      { code: await totpCode(secret ?? "", T0) },
      { now: T0 },
    );
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const hashes = await t.db.recoveryCode.findMany({ where: { userId: reviewer.id } });
    expect(hashes.map((h) => h.hash).join()).not.toContain(recoveryCodes[0]?.replace("-", "") ?? "-");
    expect(hashes[0]?.hash).toMatch(/^\$argon2id\$/u);
    const after = await loadSessionUser(t.db, reviewer.id, 0);
    expect(after?.secondFactor).toBe("done");
    expect(can(after, { action: "tracking.manage" })).toBe(true);
  });

  it("staff may turn theirs off with a current code; administrators and reviewers may not", async () => {
    const staff = await makeUser(t.db, "sf-staff", "staff", [], { secondFactor: true });
    await expect(
      run(t.db, disableSecondFactorCommand, staff, { code: "000000" }, { now: T0 }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await run(
      t.db,
      disableSecondFactorCommand,
      staff,
      { code: await totpCode(TEST_TOTP_SECRET, T0) },
      { now: T0 },
    );
    expect(await t.db.secondFactor.count({ where: { userId: staff.id } })).toBe(0);
    expect((await loadSessionUser(t.db, staff.id, 0))?.secondFactor).toBe("not-required");

    await expect(
      run(
        t.db,
        disableSecondFactorCommand,
        admin,
        { code: await totpCode(TEST_TOTP_SECRET, T0) },
        { now: T0 },
      ),
    ).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await t.db.secondFactor.count({ where: { userId: admin.id } })).toBe(1);
  });
});

describe("signing in with a second factor", () => {
  it("asks for a code after the right password, and signs in with the authenticator's code", async () => {
    const user = await enrolledReviewer();
    const challenge = await passwordStep(user.email);
    // Nothing signed in yet: the sign-in is recorded only once the code is right.
    expect(await t.db.auditEvent.count({ where: { action: "auth.sign-in", actorId: user.id } })).toBe(0);
    const result = await codeStep(challenge, await totpCode(TEST_TOTP_SECRET, T0));
    expect(result).toMatchObject({ ok: true, user: { id: user.id, role: "reviewer" } });
    const row = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "auth.sign-in", actorId: user.id },
    });
    expect(row.after).toMatchObject({ secondFactor: "totp" });
  });

  it("refuses a wrong code and counts it as a failed sign-in; a right password does not clear the count", async () => {
    const user = await enrolledReviewer();
    const challenge = await passwordStep(user.email);
    const right = await totpCode(TEST_TOTP_SECRET, T0);
    const wrong = right === "123456" ? "654321" : "123456";
    expect(await codeStep(challenge, wrong)).toEqual({ ok: false, reason: "wrong_code" });
    expect(await failures(user.id)).toBe(1);
    expect(await lastFailureReason(user.id)).toBe("wrongCode");
    // The password again (a thief who knows it): the count stands, so the code still has 4 guesses left.
    await passwordStep(user.email);
    expect(await failures(user.id)).toBe(1);
  });

  it("locks the account after five wrong codes, even with the right code after", async () => {
    const user = await enrolledReviewer();
    const challenge = await passwordStep(user.email);
    const right = await totpCode(TEST_TOTP_SECRET, T0);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, "0");
    for (let i = 1; i < SIGN_IN_LIMITS.failuresBeforeLock; i += 1)
      expect(await codeStep(challenge, wrong)).toEqual({ ok: false, reason: "wrong_code" });
    expect(await codeStep(challenge, wrong)).toMatchObject({ ok: false, reason: "locked" });
    expect(await codeStep(challenge, right)).toMatchObject({ ok: false, reason: "locked" });
  });

  it("counts wrong codes sent at once one by one, and accepts a code sent twice at once only once", async () => {
    const user = await enrolledReviewer();
    const challenge = await passwordStep(user.email);
    const right = await totpCode(TEST_TOTP_SECRET, T0);
    const results = await Promise.all([codeStep(challenge, right), codeStep(challenge, right)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "wrong_code" }]);
  });

  it("refuses a code already used (a replay) within its window, and any older one after a newer", async () => {
    const user = await enrolledReviewer();
    const first = await totpCode(TEST_TOTP_SECRET, T0);
    expect((await codeStep(await passwordStep(user.email), first)).ok).toBe(true);
    // The same code 10 s later, still inside its 30 s step and the tolerance window.
    const soon = new Date(T0.getTime() + 10_000);
    expect(await codeStep(await passwordStep(user.email, soon), first, soon)).toEqual({
      ok: false,
      reason: "wrong_code",
    });
    expect(await lastFailureReason(user.id)).toBe("replayedCode");
    // The next step's code is good; then the previous step's (still within the drift allowed) is not.
    const next = later(1);
    expect(
      (await codeStep(await passwordStep(user.email, next), await totpCode(TEST_TOTP_SECRET, next), next)).ok,
    ).toBe(true);
    const previous = await totpCode(TEST_TOTP_SECRET, T0);
    expect((await codeStep(await passwordStep(user.email, next), previous, next)).ok).toBe(false);
  });

  it("takes a recovery code once, in any case and with or without its dash", async () => {
    const reviewer = await makeUser(t.db, "sf-recovery", "reviewer");
    await t.db.user.update({
      where: { id: reviewer.id },
      data: { passwordHash: await hashPassword(PASSWORD) },
    });
    const { recoveryCodes } = await run(t.db, regenerateRecoveryCodesCommand, reviewer, {}, { now: T0 });
    const code = recoveryCodes[3] ?? "";
    const typed = code.replace("-", " ").toLowerCase();
    const result = await codeStep(await passwordStep(reviewer.email), typed);
    expect(result).toMatchObject({ ok: true });
    const row = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "auth.sign-in", actorId: reviewer.id },
      orderBy: { id: "desc" },
    });
    expect(row.after).toMatchObject({ secondFactor: "recovery", recoveryCodesLeft: 9 });
    expect(await codeStep(await passwordStep(reviewer.email), code)).toEqual({
      ok: false,
      reason: "wrong_code",
    });
    // Another one still works.
    expect((await codeStep(await passwordStep(reviewer.email), recoveryCodes[4] ?? "")).ok).toBe(true);
  });

  it("answers expired for a forged, stale or outlived challenge, and writes nothing for it", async () => {
    const user = await enrolledReviewer();
    const code = await totpCode(TEST_TOTP_SECRET, T0);
    const forged = issueChallenge(
      { userId: user.id, sessionVersion: 0 },
      "not the portal's secret, 32 chars or more",
      T0,
    );
    const before = await t.db.auditEvent.count();
    expect(await codeStep(forged, code)).toEqual({ ok: false, reason: "expired" });
    expect(await t.db.auditEvent.count()).toBe(before);
    const challenge = await passwordStep(user.email);
    const sixMinutes = new Date(T0.getTime() + 6 * 60_000);
    expect(await codeStep(challenge, await totpCode(TEST_TOTP_SECRET, sixMinutes), sixMinutes)).toEqual({
      ok: false,
      reason: "expired",
    });
    // Signed out everywhere (or the password reset) between the two steps: the challenge is spent.
    await t.db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await codeStep(challenge, code)).toEqual({ ok: false, reason: "expired" });
    expect(await failures(user.id)).toBe(0);
  });

  it("/api/auth clients sign in with the code in the same call", async () => {
    const user = await enrolledReviewer();
    const input = { email: user.email, password: PASSWORD };
    expect(await authenticate(t.db, input, meta, T0)).toMatchObject({ ok: false, reason: "code_needed" });
    const code = await totpCode(TEST_TOTP_SECRET, T0);
    expect(await authenticate(t.db, { ...input, code }, meta, T0)).toMatchObject({ ok: true });
  });
});

describe("an administrator's reset", () => {
  it("removes the factor and the recovery codes, ends the user's sessions, and is audited", async () => {
    const user = await enrolledReviewer();
    const reviewer = await loadSessionUser(t.db, user.id, 0);
    await run(t.db, regenerateRecoveryCodesCommand, reviewer, {}, { now: T0 });
    await run(t.db, resetSecondFactorCommand, admin, { userId: user.id }, { now: T0 });
    expect(await t.db.secondFactor.count({ where: { userId: user.id } })).toBe(0);
    expect(await t.db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await loadSessionUser(t.db, user.id, 0)).toBeNull(); // the old session is over
    const again = await loadSessionUser(t.db, user.id, 1);
    expect(again?.secondFactor).toBe("pending");
    const row = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "user.second-factor-reset", entityId: String(user.id) },
    });
    expect(row).toMatchObject({
      actorId: admin.id,
      before: { secondFactor: "enrolled", recoveryCodesLeft: 10 },
      after: { secondFactor: "off" },
    });
    // The password alone now signs in, to an account that may only enrol.
    const result = await run(
      t.db,
      signInCommand,
      null,
      { email: user.email, password: PASSWORD },
      { meta, now: T0 },
    );
    expect(result).toMatchObject({ ok: true });
  });

  it("is refused to anyone but an administrator", async () => {
    const user = await enrolledReviewer();
    const reviewer = await loadSessionUser(t.db, user.id, 0);
    await expect(run(t.db, resetSecondFactorCommand, reviewer, { userId: admin.id })).rejects.toBeInstanceOf(
      PermissionDeniedError,
    );
  });
});
