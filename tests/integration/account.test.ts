import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setRemindersCommand } from "@/lib/account/settings";
import type { SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { describeAuditChange } from "@/lib/i18n/audit";
import { zhHant } from "@/lib/i18n/messages";
import { run } from "../support/commands";
import { makeUser } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/** A signed-in user's own settings: reminders off and on again, audited, for themselves only. */

let t: TestDatabase;
let staff: SessionUser;
let councillor: SessionUser;

beforeAll(async () => {
  t = await createTestDatabase();
  staff = await makeUser(t.db, "staff", "staff", ["secretariat"]);
  councillor = await makeUser(t.db, "councillor", "councillor");
  (globalThis as { portalDb?: Db }).portalDb = t.db;
});
afterAll(async () => {
  delete (globalThis as { portalDb?: Db }).portalDb;
  await t?.dispose();
});

const remindersOff = async (id: number) =>
  (await t.db.user.findUniqueOrThrow({ where: { id }, select: { remindersOff: true } })).remindersOff;

describe("turning reminder e-mails off", () => {
  it("starts on, turns off and on again, and changes nobody else", async () => {
    expect(await remindersOff(staff.id)).toBe(false);
    expect(await run(t.db, setRemindersCommand, staff, { remindersOff: true })).toEqual({
      remindersOff: true,
    });
    expect(await remindersOff(staff.id)).toBe(true);
    expect(await remindersOff(councillor.id)).toBe(false);
    await run(t.db, setRemindersCommand, staff, { remindersOff: false });
    expect(await remindersOff(staff.id)).toBe(false);
  });

  it("records each change in the audit log, in words", async () => {
    const events = await t.db.auditEvent.findMany({
      where: { action: "account.set-reminders", actorId: staff.id },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [e.entityType, e.entityId, e.before, e.after])).toEqual([
      ["User", String(staff.id), { remindersOff: false }, { remindersOff: true }],
      ["User", String(staff.id), { remindersOff: true }, { remindersOff: false }],
    ]);
    expect(describeAuditChange("zh-Hant", zhHant, events[0] as (typeof events)[number])).toEqual([
      {
        key: "remindersOff",
        label: "停止提醒信",
        before: { kind: "text", text: "否" },
        after: { kind: "text", text: "是" },
      },
    ]);
  });

  it("takes only a boolean: no user id, so nobody can change another's setting", async () => {
    await expect(
      run(t.db, setRemindersCommand, staff, { remindersOff: true, userId: councillor.id }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    await expect(run(t.db, setRemindersCommand, staff, { remindersOff: "yes" })).rejects.toMatchObject({
      code: "invalid_input",
    });
    expect(await remindersOff(councillor.id)).toBe(false);
  });
});

describe("the account page's read", () => {
  it("is the viewer's own account, and nothing for a stranger", async () => {
    const { getMyAccount } = await import("@/lib/data/account");
    expect(await getMyAccount(councillor)).toEqual({
      name: "councillor",
      email: "councillor@example.test",
      role: "councillor",
      remindersOff: false,
    });
    await expect(getMyAccount(null)).rejects.toMatchObject({ code: "unauthenticated" });
  });
});
