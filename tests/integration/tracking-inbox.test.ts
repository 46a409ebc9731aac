import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/permissions";
import { seedDatabase } from "@/lib/import/seed";
import { createProgressEntryCommand, submitProgressCommand } from "@/lib/progress/commands";
import { listInbox } from "@/lib/tracking/inbox";
import { assignLeadCommand, closeTrackedItemCommand, createTrackedSetCommand } from "@/lib/tracking/sets";
import { run } from "../support/commands";
import { makeUser } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
let reviewer: SessionUser;
let secretariat: SessionUser;
let transport: SessionUser;
let setId: number;

// 2019-01-12 in Taipei: 2018's second half ended; staff were due by 01-10, late after 01-15.
const IN_GRACE = new Date("2019-01-12T02:00:00Z");
const LATE = new Date("2019-01-16T02:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.db, "seeds");
  reviewer = await makeUser(t.db, "reviewer", "reviewer");
  secretariat = await makeUser(t.db, "secretariat", "staff", ["secretariat"]);
  transport = await makeUser(t.db, "transport", "staff", ["transportation"]);
  // The Secretariat's 2018 plan: its key points, led by the Secretariat, on half-yearly cycles.
  ({ setId } = await run(t.db, createTrackedSetCommand, reviewer, {
    name: "107 年度列管",
    year: "2018",
    cadence: "half_yearly",
  }));
});
afterAll(async () => {
  await t?.dispose();
});

describe("待填報: what a department owes for the cycle being reported on", () => {
  it("lists the department's tracked items for 2018's second half, in grace, none reported", async () => {
    const inbox = await listInbox(t.db, secretariat, IN_GRACE);
    const tracked = await t.db.trackedItem.count({ where: { setId } });
    expect(inbox).toHaveLength(tracked);
    expect(new Set(inbox.map((i) => [i.period.from, i.period.to, i.step, i.reported].join(" ")))).toEqual(
      new Set(["2018-07-01 2018-12-31 grace false"]),
    );
    expect((await listInbox(t.db, secretariat, LATE))[0]?.step).toBe("overdue");
  });

  it("puts what is reported after what is owed, and drops closed items", async () => {
    const [first, second] = await listInbox(t.db, secretariat, LATE);
    if (!first || !second) throw new Error("the inbox should hold items");
    const { entry } = await run(
      t.db,
      createProgressEntryCommand,
      secretariat,
      {
        nodeId: first.nodeId,
        period: { year: 2018, quarter: null }, // a whole-year entry covers the second half
        status: "on_track",
        percent: 60,
        narrative: "已完成下半年工作",
        figures: [],
        evidenceLinks: [],
      },
      { now: LATE },
    );
    // A draft is still owed: reported means submitted for sign-off.
    const drafted = await listInbox(t.db, secretariat, LATE);
    expect(drafted.find((i) => i.itemId === first.itemId)).toMatchObject({
      reported: false,
      updateState: "draft",
    });
    await run(
      t.db,
      submitProgressCommand,
      secretariat,
      { entryId: entry.id, expectedVersion: entry.version },
      { now: LATE },
    );
    await run(t.db, closeTrackedItemCommand, reviewer, {
      itemId: second.itemId,
      expectedVersion: 1,
      reason: "停辦",
    });
    const inbox = await listInbox(t.db, secretariat, LATE);
    expect(inbox.at(-1)).toMatchObject({ itemId: first.itemId, reported: true, updateState: "submitted" });
    expect(inbox.some((i) => i.itemId === second.itemId)).toBe(false);
    expect(inbox.filter((i) => !i.reported).every((i) => i.step === "overdue")).toBe(true);
  });

  it("follows the lead department a reviewer assigns", async () => {
    expect(await listInbox(t.db, transport, LATE)).toEqual([]);
    const [item] = await listInbox(t.db, secretariat, LATE);
    if (!item) throw new Error("the inbox should hold items");
    await run(t.db, assignLeadCommand, reviewer, {
      itemId: item.itemId,
      expectedVersion: 1,
      lead: "transportation",
    });
    expect((await listInbox(t.db, transport, LATE)).map((i) => i.itemId)).toEqual([item.itemId]);
    expect((await listInbox(t.db, secretariat, LATE)).some((i) => i.itemId === item.itemId)).toBe(false);
  });

  it("is nothing before any period of the set has ended, and not for councillors", async () => {
    expect(await listInbox(t.db, secretariat, new Date("2018-05-01T00:00:00Z"))).toEqual([]);
    const councillor = await makeUser(t.db, "councillor", "councillor");
    await expect(listInbox(t.db, councillor, LATE)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("an administrator's inbox of a large city", () => {
  /** The parameters bound by each statement the database client sends while `read` runs. */
  async function boundParameters(read: () => Promise<unknown>): Promise<number[]> {
    const spy = vi.spyOn(pg.Client.prototype, "query");
    try {
      await read();
      return spy.mock.calls.map(([query, values]: unknown[]) => {
        const bound = Array.isArray(values) ? values : (query as { values?: unknown[] } | null)?.values;
        return Array.isArray(bound) ? bound.length : 0;
      });
    } finally {
      spy.mockRestore();
    }
  }

  it("binds no list of ids, however many items are tracked", async () => {
    const admin = await makeUser(t.db, "admin", "admin");
    const tracked = await t.db.trackedItem.count({
      where: { state: "tracking", leadDepartmentId: { not: null } },
    });
    expect(tracked).toBeGreaterThan(10);
    let inbox: Awaited<ReturnType<typeof listInbox>> = [];
    const bound = await boundParameters(async () => {
      inbox = await listInbox(t.db, admin, LATE);
    });
    expect(inbox).toHaveLength(tracked);
    // A few values per statement (the day, the departments as one array), not one per item or node:
    // lists of ids grew with the city and were sent in batches of 32,765.
    expect(bound.length).toBeGreaterThan(0);
    expect(Math.max(...bound)).toBeLessThanOrEqual(3);
  });
});
