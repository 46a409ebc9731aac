import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDemoAccounts } from "@/lib/auth/accounts";
import { loadSessionUser } from "@/lib/auth/session-user";
import { DEMO_SET_NAME, ensureDemoScenario } from "@/lib/demo/scenario";
import { seedDatabase } from "@/lib/import/seed";
import { hasDemoData } from "@/lib/queries/demo";
import { getDepartmentPage } from "@/lib/queries/departments";
import { getHomeDashboard } from "@/lib/queries/home";
import { getNodePage } from "@/lib/queries/nodes";
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
    expect(await ensureDemoScenario(t.db, NOW)).toEqual({ setName: DEMO_SET_NAME, updates: 9 });
    const entries = await t.db.progressEntry.findMany({
      select: { state: true, periodQuarter: true, returnComment: true, light: true, delayCause: true },
      orderBy: { id: "asc" },
    });
    expect(entries.map((e) => `${e.periodQuarter}:${e.state}:${e.light ?? "-"}`)).toEqual([
      // on schedule all year
      "1:published:green",
      "2:published:green",
      "3:published:green",
      // falling behind: on plan, 5 points behind (still green), then 17 behind (red)
      "1:published:green",
      "2:published:green",
      "3:published:red",
      "3:returned:-",
      "3:submitted:-",
      "3:draft:-",
    ]);
    expect(entries[5]?.delayCause).toContain("用地取得");
    expect(entries[6]?.returnComment).toContain("經費執行數");
    // Every step was taken by a person through a command: in the history and the audit log.
    expect(await t.db.updateStep.count({ where: { action: "publish" } })).toBe(6);
    expect(await t.db.auditEvent.count({ where: { action: "progress.return" } })).toBe(1);
    // 秘書處 planned its four items' year, approved by its supervisor.
    expect(await t.db.plannedProgress.count({ where: { state: "approved" } })).toBe(4);
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

describe("the demo in public", () => {
  const TODAY = "2026-11-22";
  const demoNodes = async () =>
    (
      await t.db.trackedItem.findMany({
        where: { leadDepartmentId: { not: null } },
        orderBy: { node: { lineFrom: "asc" } },
        select: { nodeId: true },
      })
    ).map((i) => i.nodeId);

  it("shows each item's light now, its updates' lights and its planned-vs-actual curve", async () => {
    const [onSchedule, behind, returned] = await demoNodes();
    const good = await getNodePage(t.db, onSchedule ?? 0, TODAY);
    expect(good?.tracking?.light).toBe("green");
    expect(good?.tracking?.periods.map((p) => [p.planned, p.actual])).toEqual([
      [15, 15],
      [35, 35],
      [60, 60],
      [100, null],
    ]);
    const late = await getNodePage(t.db, behind ?? 0, TODAY);
    expect(late?.tracking?.light).toBe("red");
    const [q3] = late?.progress ?? [];
    expect(q3).toMatchObject({ light: "red", plannedPercent: 55, percent: 38, catchUpDate: "2027-03-31" });
    expect(q3?.delayCause).toContain("用地取得");
    // A strategy rolls up itself (tracked) and the items confirmed to serve it; its vision, its strategies'.
    expect(late?.rollUp?.items.map((i) => [i.nodeId, i.light])).toEqual([[behind, "red"]]);
    const vision = late?.ancestors.at(-1);
    const visionPage = await getNodePage(t.db, vision?.id ?? 0, TODAY);
    expect(visionPage?.kind).toBe("vision");
    expect(visionPage?.rollUp?.items[0]).toMatchObject({ nodeId: behind, light: "red" }); // worst first
    expect(visionPage?.rollUp?.lights.counts.total).toBe(visionPage?.rollUp?.items.length);
    // Its Q3 update is back with its author: nothing public for the period that is due.
    expect((await getNodePage(t.db, returned ?? 0, TODAY))?.tracking?.light).toBe("not_reported");
  });

  it("rolls the lights up by department on the home page, most on schedule first", async () => {
    const home = await getHomeDashboard(t.db, TODAY);
    const rows = home.lights?.byDepartment.map((d) => [
      d.department.slug,
      d.lights.counts.green,
      d.lights.counts.red,
      d.lights.counts.not_reported,
    ]);
    expect(rows).toEqual([
      ["secretariat", 1, 1, 2],
      ["transportation", 0, 0, 2],
    ]);
    expect(home.lights?.dataAsOf).not.toBeNull();
  });

  it("lists a department's tracked items worst first on its page", async () => {
    const page = await getDepartmentPage(t.db, "secretariat", TODAY);
    expect(page?.tracking?.items.map((i) => i.light)).toEqual([
      "red",
      "not_reported",
      "not_reported",
      "green",
    ]);
    expect(page?.tracking?.lights.counts.total).toBe(4);
  });

  it("marks the database as holding demo data, for the 示範資料 banner", async () => {
    expect(await hasDemoData(t.db)).toBe(true);
    const fresh = await createTestDatabase();
    try {
      expect(await hasDemoData(fresh.db)).toBe(false);
    } finally {
      await fresh.dispose();
    }
  });
});
