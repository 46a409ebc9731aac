import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUserCommand, resetPasswordCommand, updateUserCommand } from "@/lib/admin/commands";
import { createUserInput, EmailTakenError, listAuditEvents, SelfLockoutError } from "@/lib/admin/users";
import { PermissionDeniedError, type SessionUser } from "@/lib/auth/permissions";
import { signInInput } from "@/lib/auth/schemas";
import { loadSessionUser } from "@/lib/auth/session-user";
import { authenticate } from "@/lib/auth/sign-in";
import { syncDepartments } from "@/lib/import/departments";
import { run } from "../support/commands";
import { makeUser } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
let admin: SessionUser;
let staff: SessionUser;
const meta = { ip: "203.0.113.30", userAgent: "vitest" };

beforeAll(async () => {
  t = await createTestDatabase();
  await syncDepartments(t.db);
  // The shared factory: the administrator is enrolled in a second factor, as the role requires.
  admin = await makeUser(t.db, "root", "admin");
  staff = await makeUser(t.db, "clerk", "staff");
});
afterAll(async () => {
  await t?.dispose();
});

const input = (overrides: Record<string, unknown> = {}) =>
  createUserInput.parse({
    email: "New.Person@Example.test",
    name: "新同仁",
    role: "staff",
    password: "a long enough passphrase",
    departments: ["secretariat"],
    ...overrides,
  });

describe("user administration", () => {
  it("only administrators may manage users; a refusal writes nothing", async () => {
    const before = await t.db.user.count();
    await expect(run(t.db, createUserCommand, staff, input(), { meta })).rejects.toBeInstanceOf(
      PermissionDeniedError,
    );
    await expect(run(t.db, createUserCommand, null, input(), { meta })).rejects.toBeInstanceOf(
      PermissionDeniedError,
    );
    await expect(listAuditEvents(t.db, staff, { page: 1 })).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await t.db.user.count()).toBe(before);
  });

  it("creates a user who can sign in, audited without the password", async () => {
    const { id } = await run(t.db, createUserCommand, admin, input(), { meta });
    const result = await authenticate(
      t.db,
      signInInput.parse({ email: "new.person@example.test", password: "a long enough passphrase" }),
      meta,
    );
    expect(result).toMatchObject({ ok: true, user: { id, role: "staff" } });
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "user.create", entityId: String(id) },
    });
    expect(audit.actorId).toBe(admin.id);
    expect(JSON.stringify(audit.after)).not.toContain("passphrase");
    expect(audit.after).toMatchObject({ email: "new.person@example.test", departments: ["secretariat"] });
    await expect(run(t.db, createUserCommand, admin, input(), { meta })).rejects.toBeInstanceOf(
      EmailTakenError,
    );
  });

  it.each([
    ["a short password", { password: "short" }, "passwordTooShort"],
    ["a malformed e-mail", { email: "nobody" }, "email"],
    ["an empty name", { name: " " }, "required"],
    ["an unknown role", { role: "mayor" }, "role"],
  ])("refuses %s with a reason", (_name, override, message) => {
    const result = createUserInput.safeParse({ ...input(), ...override });
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it("a change of role, departments or active ends the user's sessions at once", async () => {
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "new.person@example.test" } });
    expect(await loadSessionUser(t.db, user.id, user.sessionVersion)).not.toBeNull();
    await run(
      t.db,
      updateUserCommand,
      admin,
      {
        userId: user.id,
        name: "新同仁",
        role: "staff",
        active: true,
        departments: ["secretariat", "transportation"],
      },
      { meta },
    );
    expect(await loadSessionUser(t.db, user.id, user.sessionVersion)).toBeNull();
    const updated = await loadSessionUser(t.db, user.id, user.sessionVersion + 1);
    expect(updated?.departments.map((d) => d.slug).sort()).toEqual(["secretariat", "transportation"]);

    await run(
      t.db,
      updateUserCommand,
      admin,
      { userId: user.id, name: "新同仁", role: "staff", active: false, departments: [] },
      { meta },
    );
    expect(await loadSessionUser(t.db, user.id, user.sessionVersion + 2)).toBeNull();
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "user.update" },
      orderBy: { id: "desc" },
    });
    expect(audit.before).toMatchObject({ active: true });
    expect(audit.after).toMatchObject({ active: false, departments: [] });
  });

  it("an administrator cannot lock themself out", async () => {
    await expect(
      run(
        t.db,
        updateUserCommand,
        admin,
        { userId: admin.id, name: "root", role: "admin", active: false, departments: [] },
        { meta },
      ),
    ).rejects.toBeInstanceOf(SelfLockoutError);
    await expect(
      run(
        t.db,
        updateUserCommand,
        admin,
        { userId: admin.id, name: "root", role: "staff", active: true, departments: [] },
        { meta },
      ),
    ).rejects.toBeInstanceOf(SelfLockoutError);
  });

  it("a password reset unlocks the account and ends its sessions", async () => {
    await t.db.user.update({
      where: { id: staff.id },
      data: { lockedUntil: new Date(Date.now() + 60_000), failedSignIns: 3 },
    });
    await run(
      t.db,
      resetPasswordCommand,
      admin,
      { userId: staff.id, password: "a brand new passphrase" },
      { meta },
    );
    expect(await loadSessionUser(t.db, staff.id, 0)).toBeNull();
    const result = await authenticate(
      t.db,
      signInInput.parse({ email: staff.email, password: "a brand new passphrase" }),
      meta,
    );
    expect(result).toMatchObject({ ok: true });
    const log = await listAuditEvents(t.db, admin, { action: "user.password-reset", page: 1 });
    expect(log.events[0]).toMatchObject({ entityId: String(staff.id), actor: { email: admin.email } });
  });
});
