import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDemoAccounts } from "@/lib/auth/accounts";
import { ensureDemoScenario } from "@/lib/demo/scenario";
import { seedDatabase } from "@/lib/import/seed";
import { startJobWorker } from "@/lib/jobs/worker";
import { scanReminders } from "@/lib/tracking/reminders";
import { readReceived, startTestSmtp } from "../support/smtp";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Reminders and sign-off notices, end to end: the scan queues what each person is owed once, the
 * steps of the demo scenario queued theirs in their own transactions, and the worker delivers all
 * of it to a real SMTP server started here.
 */

let t: TestDatabase;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
// 2026 Q3 was due on 2026-10-10, late after 10-15, escalated from 10-20.
const NOW = new Date("2026-11-22T02:00:00Z");

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await createTestDatabase();
  await seedDatabase(t.db, "seeds");
  await ensureDemoAccounts(t.db);
  await ensureDemoScenario(t.db, NOW);
});
afterAll(async () => {
  await t?.dispose();
  await smtp?.close();
});

const keys = async (prefix: string) =>
  (await t.db.jobKey.findMany({ where: { key: { startsWith: prefix } }, select: { key: true } }))
    .map((k) => k.key)
    .sort();

describe("reminders", () => {
  it("chases each owed report once per kind and person, and skips people who turned them off", async () => {
    await t.db.user.update({ where: { email: "transport@demo.example.org" }, data: { remindersOff: true } });
    // 秘書處's returned update: overdue to its staff, escalated to its supervisor. 交通局's
    // draft and its unreported item: nobody, since their only staff member opted out.
    expect(await scanReminders(t.db, NOW)).toEqual({ queued: 2 });
    expect((await keys("reminder:")).map((k) => k.split(":")[1])).toEqual(["escalation", "overdue"]);

    await t.db.user.update({ where: { email: "transport@demo.example.org" }, data: { remindersOff: false } });
    expect(await scanReminders(t.db, NOW)).toEqual({ queued: 2 });
    // Any number of further scans (another process, another hour) queue nothing new.
    expect(await scanReminders(t.db, NOW)).toEqual({ queued: 0 });
    expect(await keys("reminder:")).toHaveLength(4);
  });

  it("says nothing before the reminder window", async () => {
    expect(await scanReminders(t.db, new Date("2026-10-01T02:00:00Z"))).toEqual({ queued: 0 });
  });

  it("delivers the reminders and the sign-off notices to the SMTP server", async () => {
    // The scenario's steps: one submit → supervisor, two approvals → reviewer, … each queued once.
    expect((await keys("step:")).length).toBeGreaterThan(0);
    const worker = await startJobWorker({
      db: t.db,
      mail: { kind: "smtp", url: smtp.url, from: "高雄市政追蹤 <no-reply@example.test>" },
      pollingIntervalMs: 50,
      schedule: false,
    });
    try {
      const expected = (await keys("step:")).length + (await keys("reminder:")).length;
      const deadline = Date.now() + 30_000;
      while (smtp.received.length < expected && Date.now() < deadline) await sleep(100);
      expect(smtp.received).toHaveLength(expected);
    } finally {
      await worker.stop();
    }
    const mails = smtp.received.map((m) => ({ to: m.to, ...readReceived(m) }));
    const to = (email: string) => mails.filter((m) => m.to.includes(email)).map((m) => m.subject);
    expect(to("transport@demo.example.org")).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\[高雄市政追蹤\] 進度填報已逾期：/u)]),
    );
    expect(to("supervisor@demo.example.org")).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\[高雄市政追蹤\] 待核可：/u),
        expect.stringMatching(/^\[高雄市政追蹤\] 進度填報逾期未填報/u),
      ]),
    );
    expect(to("reviewer@demo.example.org")).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\[高雄市政追蹤\] 待覆核：/u)]),
    );
    const returned = mails.find((m) => m.subject.startsWith("[高雄市政追蹤] 已退回："));
    expect(returned?.to).toEqual(["secretariat@demo.example.org"]);
    expect(returned?.text).toContain("請補上本季辦理場次、參與人數與經費執行數。");
  });
});
