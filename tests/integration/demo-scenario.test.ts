import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDemoAccounts } from "@/lib/auth/accounts";
import { loadSessionUser } from "@/lib/auth/session-user";
import { DEMO_SET_NAME, ensureDemoScenario } from "@/lib/demo/scenario";
import { seedDatabase } from "@/lib/import/seed";
import { listInbox } from "@/lib/tracking/inbox";
import { countWaitingWork } from "@/lib/tracking/queues";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/** The demo scenario a fresh demo install starts with: the loop at every step, made by commands. */

let t: TestDatabase;
const NOW = new Date("2026-11-22T02:00:00Z"); // 2026 Q3 has ended; Q4 has not

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.db, "seeds");
  await ensureDemoAccounts(t.db);
});
afterAll(async () => {
  await t?.dispose();
});

const sessionOf = async (email: string) => {
  const user = await t.db.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, sessionVersion: true },
  });
  return loadSessionUser(t.db, user.id, user.sessionVersion);
};

describe("the demo scenario", () => {
  it("tracks the year and leaves an update at every step of sign-off", async () => {
    expect(await ensureDemoScenario(t.db, NOW)).toEqual({ setName: DEMO_SET_NAME, updates: 6 });
    const entries = await t.db.progressEntry.findMany({
      select: { state: true, periodQuarter: true, returnComment: true },
      orderBy: { id: "asc" },
    });
    expect(entries.map((e) => `${e.periodQuarter}:${e.state}`)).toEqual([
      "2:published",
      "3:published",
      "3:published",
      "3:returned",
      "3:submitted",
      "3:draft",
    ]);
    expect(entries[3]?.returnComment).toContain("經費執行數");
    // Every step was taken by a person through a command: in the history and the audit log.
    expect(await t.db.updateStep.count({ where: { action: "publish" } })).toBe(3);
    expect(await t.db.auditEvent.count({ where: { action: "progress.return" } })).toBe(1);
  });

  it("gives each demo account something waiting", async () => {
    const supervisor = await sessionOf("supervisor@demo.example.org");
    expect((await countWaitingWork(t.db, supervisor, NOW)).toApprove).toBe(1);
    const transport = await sessionOf("transport@demo.example.org");
    const owed = (await listInbox(t.db, transport, NOW)).filter((i) => !i.reported);
    expect(owed.map((i) => i.updateState)).toEqual(expect.arrayContaining(["draft", null]));
  });

  it("runs once: a database that tracks something is left alone", async () => {
    expect(await ensureDemoScenario(t.db, NOW)).toEqual({ skipped: "something is tracked already" });
    expect(await t.db.trackedSet.count()).toBe(1);
  });
});
