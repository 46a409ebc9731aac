import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, ensureDemoAccounts, ensureFirstAdmin } from "@/lib/auth/accounts";
import { hashPassword } from "@/lib/auth/password";
import { signInInput } from "@/lib/auth/schemas";
import { authenticate, SIGN_IN_LIMITS } from "@/lib/auth/sign-in";
import { syncDepartments } from "@/lib/import/departments";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
const PASSWORD = "correct horse battery staple";
const meta = (ip = "198.51.100.1") => ({ ip, userAgent: "vitest" });
const input = (email: string, password: string) => signInInput.parse({ email, password });

beforeAll(async () => {
  t = await createTestDatabase();
  await syncDepartments(t.db);
});
afterAll(async () => {
  await t?.dispose();
});

let email: string;
let counter = 0;
beforeEach(async () => {
  counter += 1;
  email = `user${counter}@example.test`;
  await t.db.user.create({
    data: { email, name: "User", role: "staff", passwordHash: await hashPassword(PASSWORD) },
  });
});

describe("signing in", () => {
  it("accepts the right password, whatever the e-mail's case, and records it", async () => {
    const result = await authenticate(t.db, input(email.toUpperCase(), PASSWORD), meta());
    expect(result).toMatchObject({ ok: true, user: { role: "staff", sessionVersion: 0 } });
    const audit = await t.db.auditEvent.findFirst({
      where: { action: "auth.sign-in" },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({ ip: "198.51.100.1", userAgent: "vitest" });
  });

  it("counts wrong passwords sent at once one by one, so they lock the account", async () => {
    const attempts = Array.from({ length: 12 }, (_, i) =>
      authenticate(t.db, input(email, `guess ${i}`), meta("198.51.100.77")),
    );
    const results = await Promise.all(attempts);
    // Each attempt saw the count the one before left: exactly the fifth locks, the rest find it locked.
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(
      SIGN_IN_LIMITS.failuresBeforeLock - 1,
    );
    expect(results.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(
      12 - SIGN_IN_LIMITS.failuresBeforeLock + 1,
    );
    expect(await authenticate(t.db, input(email, PASSWORD), meta())).toMatchObject({ reason: "locked" });
  });

  it("answers an unknown e-mail exactly like a wrong password", async () => {
    expect(await authenticate(t.db, input("nobody@example.test", PASSWORD), meta())).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await authenticate(t.db, input(email, "wrong"), meta())).toEqual({ ok: false, reason: "invalid" });
    // The audit log keeps codes (rendered in the reader's language), not English phrases.
    const reasons = await t.db.auditEvent.findMany({
      where: { action: "auth.sign-in-failed", ip: "198.51.100.1" },
      orderBy: { id: "desc" },
      take: 2,
      select: { after: true },
    });
    expect(reasons.map((r) => r.after)).toEqual([
      { email, reason: "wrongPassword", locked: false },
      { email: "nobody@example.test", reason: "unknownEmail" },
    ]);
  });

  it("locks the account after five wrong passwords, says so, and refuses even the right one", async () => {
    for (let i = 1; i < SIGN_IN_LIMITS.failuresBeforeLock; i += 1) {
      expect(await authenticate(t.db, input(email, `wrong ${i}`), meta())).toMatchObject({
        reason: "invalid",
      });
    }
    const fifth = await authenticate(t.db, input(email, "wrong 5"), meta());
    expect(fifth).toMatchObject({ ok: false, reason: "locked", lockedUntil: expect.any(Date) });
    expect(await authenticate(t.db, input(email, PASSWORD), meta())).toMatchObject({ reason: "locked" });
    const failures = await t.db.auditEvent.count({
      where: { action: "auth.sign-in-failed", after: { path: ["email"], equals: email } },
    });
    expect(failures).toBe(SIGN_IN_LIMITS.failuresBeforeLock + 1);
  });

  it("signs the account in again once the lock has passed", async () => {
    await t.db.user.update({ where: { email }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect(await authenticate(t.db, input(email, PASSWORD), meta())).toMatchObject({ ok: true });
  });

  it("refuses a disabled account like a wrong password", async () => {
    await t.db.user.update({ where: { email }, data: { active: false } });
    expect(await authenticate(t.db, input(email, PASSWORD), meta())).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("blocks an address after twenty failures in fifteen minutes, for every account", async () => {
    const ip = "192.0.2.99";
    for (let i = 0; i < SIGN_IN_LIMITS.failuresPerIp; i += 1) {
      await authenticate(t.db, input(`stranger${i}@example.test`, "guess"), meta(ip));
    }
    expect(await authenticate(t.db, input(email, PASSWORD), meta(ip))).toEqual({
      ok: false,
      reason: "too_many_attempts",
    });
    expect(await authenticate(t.db, input(email, PASSWORD), meta("192.0.2.100"))).toMatchObject({ ok: true });
  });

  it.each([
    ["an empty password", { email: "a@example.test", password: "" }, "required"],
    ["a malformed e-mail", { email: "not-an-address", password: "x" }, "email"],
  ])("validates the form: %s", (_name, raw, message) => {
    const result = signInInput.safeParse(raw);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});

describe("accounts", () => {
  it("creates the demo accounts once, each able to sign in", async () => {
    expect((await ensureDemoAccounts(t.db)).length).toBe(DEMO_ACCOUNTS.length);
    expect(await ensureDemoAccounts(t.db)).toEqual([]);
    const staff = DEMO_ACCOUNTS.find((a) => a.departments.includes("secretariat"));
    expect(staff).toBeDefined();
    const result = await authenticate(
      t.db,
      input(staff?.email ?? "", staff?.password ?? ""),
      meta("203.0.113.50"),
    );
    expect(result).toMatchObject({ ok: true, user: { role: "staff" } });
  });

  it("creates a first administrator from the environment only when there is none", async () => {
    const fresh = await createTestDatabase();
    try {
      expect(
        await ensureFirstAdmin(fresh.db, { email: "Chief@City.example", password: "a long enough secret" }),
      ).toBe(true);
      expect(
        await ensureFirstAdmin(fresh.db, { email: "other@city.example", password: "a long enough secret" }),
      ).toBe(false);
      expect(await fresh.db.user.findMany({ select: { email: true, role: true } })).toEqual([
        { email: "chief@city.example", role: "admin" },
      ]);
    } finally {
      await fresh.dispose();
    }
  });
});
