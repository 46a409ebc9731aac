import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getCsv } from "@/app/[locale]/review/compliance/csv/route";
import { GET as getPdf } from "@/app/[locale]/review/compliance/pdf/route";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { seedDatabase } from "@/lib/import/seed";
import {
  approveProgressCommand,
  createProgressEntryCommand,
  publishProgressCommand,
  returnProgressCommand,
  withdrawProgressEntryCommand,
} from "@/lib/progress/commands";
import type { ProgressFields } from "@/lib/progress/schemas";
import { type ComplianceReport, type ComplianceRow, getComplianceReport } from "@/lib/tracking/compliance";
import { closeTrackedItemCommand, createTrackedSetCommand } from "@/lib/tracking/sets";
import { run } from "../support/commands";
import { makeUser } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// The downloads ask who is signed in through next-auth, which needs a request: the test says who.
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn() }));
const signedIn = (user: SessionUser | null) => vi.mocked(getCurrentUser).mockResolvedValue(user);

/**
 * 填報情形 (lib/tracking/compliance.ts) on a small scenario: the 2018 set, quarterly, staff due ten
 * days after each quarter (2018-Q4: by 2019-01-10, in Taipei). Six of 秘書處's items report on Q4
 * through the real commands, at chosen instants; one more is closed.
 */

let t: TestDatabase;
let reviewer: SessionUser;
let staff: SessionUser;
let head: SessionUser;
let setId: number;
let nodes: number[]; // nodes of the first tracked 秘書處 items, in item order
let itemIds: number[];
let secretariatItems: number; // 秘書處's items still tracked at the end

/** Read on 2019-02-01 in Taipei: every 2018 quarter has ended. */
const NOW = new Date("2019-02-01T04:00:00Z");
const ON_TIME = new Date("2019-01-10T15:30:00Z"); // 23:30 on the due day in Taipei
const LATE = new Date("2019-01-10T16:30:00Z"); // 00:30 the day after, in Taipei (still the 10th in UTC)

const fields = (narrative: string, quarter: number | null = 4): ProgressFields => ({
  period: { year: 2018, quarter },
  status: "on_track",
  percent: 40,
  narrative,
  figures: [],
  evidenceLinks: [],
});

async function report(
  nodeId: number,
  now: Date,
  options: { quarter?: number | null; submit?: boolean } = {},
) {
  const { entry } = await run(
    t.db,
    createProgressEntryCommand,
    staff,
    {
      nodeId,
      ...fields(`辦理情形 ${nodeId}`, options.quarter === undefined ? 4 : options.quarter),
      submit: options.submit ?? true,
    },
    { now },
  );
  return entry;
}

const readAs = (viewer: SessionUser | null, filter = {}) => getComplianceReport(t.db, viewer, filter, NOW);

async function okReport(filter = {}): Promise<ComplianceReport> {
  const result = await readAs(reviewer, filter);
  if (result.status !== "ok") throw new Error(`expected figures, got ${result.problem}`);
  return result.report;
}

const rowOf = (r: ComplianceReport, slug: string, key: string): ComplianceRow | undefined =>
  r.rows.find((row) => row.department.slug === slug && row.key === key);

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.db, "seeds");
  reviewer = await makeUser(t.db, "reviewer", "reviewer");
  staff = await makeUser(t.db, "secretariat", "staff", ["secretariat"]);
  head = await makeUser(t.db, "secretariat-head", "supervisor", ["secretariat"]);
  ({ setId } = await run(t.db, createTrackedSetCommand, reviewer, {
    name: "107 年度列管",
    year: "2018",
    cadence: "quarterly",
  }));
  const items = await t.db.trackedItem.findMany({
    where: { setId, leadDepartment: { slug: "secretariat" } },
    orderBy: { id: "asc" },
    select: { id: true, nodeId: true },
  });
  if (items.length < 8) throw new Error(`the scenario needs 8 秘書處 items, the seeds track ${items.length}`);
  nodes = items.map((i) => i.nodeId);
  itemIds = items.map((i) => i.id);

  // A: on time, approved by the supervisor and published by the 研考會 afterwards.
  const a = await report(nodes[0] ?? 0, ON_TIME);
  const approved = await run(
    t.db,
    approveProgressCommand,
    head,
    { entryId: a.id, expectedVersion: a.version },
    { now: new Date("2019-01-14T02:00:00Z") },
  );
  await run(
    t.db,
    publishProgressCommand,
    reviewer,
    { entryId: a.id, expectedVersion: approved.entry.version },
    { now: new Date("2019-01-18T02:00:00Z") },
  );
  // B: sent half an hour after midnight in Taipei: late.
  await report(nodes[1] ?? 0, LATE);
  // C: sent on time, then returned by the supervisor: returned wins.
  const c = await report(nodes[2] ?? 0, ON_TIME);
  await run(
    t.db,
    returnProgressCommand,
    head,
    { entryId: c.id, expectedVersion: c.version, comment: "請補充辦理數據" },
    { now: new Date("2019-01-12T02:00:00Z") },
  );
  // D: a draft only: not reported.
  await report(nodes[3] ?? 0, ON_TIME, { submit: false });
  // E: one whole-year update sent on 2019-01-05: on time for Q4, late for Q1–Q3.
  await report(nodes[4] ?? 0, new Date("2019-01-05T02:00:00Z"), { quarter: null });
  // F: sent on time, published, then withdrawn: as if nothing was sent (and never updated).
  const f = await report(nodes[5] ?? 0, ON_TIME);
  const fApproved = await run(t.db, approveProgressCommand, head, {
    entryId: f.id,
    expectedVersion: f.version,
  });
  const fPublished = await run(t.db, publishProgressCommand, reviewer, {
    entryId: f.id,
    expectedVersion: fApproved.entry.version,
  });
  await run(t.db, withdrawProgressEntryCommand, staff, {
    entryId: f.id,
    expectedVersion: fPublished.entry.version,
    reason: "數據誤植",
  });
  // G: on time, but its tracking is then closed: never due.
  await report(nodes[6] ?? 0, ON_TIME);
  await run(t.db, closeTrackedItemCommand, reviewer, {
    itemId: itemIds[6] ?? 0,
    expectedVersion: 1,
    reason: "計畫停辦",
  });
  secretariatItems = items.length - 1;
  // The routes read through lib/data, which takes the server's database from here.
  (globalThis as { portalDb?: Db }).portalDb = t.db;
});
afterAll(async () => {
  delete (globalThis as { portalDb?: Db }).portalDb;
  await t?.dispose();
});

describe("填報情形: who reported on time", () => {
  it("classifies 秘書處's 2018-Q4 reports: on time, late, returned, not reported, published", async () => {
    const r = await okReport({ setId });
    expect(rowOf(r, "secretariat", "2018-Q4")).toMatchObject({
      period: { cadence: "quarterly", year: 2018, index: 4 },
      counts: {
        due: secretariatItems,
        onTime: 2, // A, E
        late: 1, // B
        returned: 1, // C
        notReported: secretariatItems - 4, // D, F and the rest
        published: 1, // A
      },
      onTimeShare: 2 / secretariatItems,
    });
  });

  it("lets a whole-year update answer for every quarter, late for those already past due", async () => {
    const r = await okReport({ setId });
    for (const key of ["2018-Q1", "2018-Q2", "2018-Q3"]) {
      expect(rowOf(r, "secretariat", key)?.counts).toEqual({
        due: secretariatItems,
        onTime: 0,
        late: 1,
        returned: 0,
        notReported: secretariatItems - 1,
        published: 0,
      });
    }
  });

  it("charts every ended cycle, oldest first, and adds the rows up", async () => {
    const r = await okReport({ setId });
    expect(r.byCycle.map((c) => c.key)).toEqual(["2018-Q1", "2018-Q2", "2018-Q3", "2018-Q4"]);
    const q4 = r.byCycle.at(-1);
    const q4Rows = r.rows.filter((row) => row.key === "2018-Q4");
    expect(q4?.counts.due).toBe(q4Rows.reduce((sum, row) => sum + row.counts.due, 0));
    expect(q4?.counts.onTime).toBe(2);
    expect(q4?.lateShare).toBeCloseTo(1 / (q4?.counts.due ?? 1));
    expect(r.totals.due).toBe(r.rows.reduce((sum, row) => sum + row.counts.due, 0));
  });

  it("lists the newest cycle first and, within it, the worst department first", async () => {
    const r = await okReport({ setId, periodKey: "2018-Q4" });
    expect(r.cycle?.key).toBe("2018-Q4");
    expect(new Set(r.rows.map((row) => row.key))).toEqual(new Set(["2018-Q4"]));
    const shares = r.rows.map((row) => row.onTimeShare ?? 1);
    expect(shares).toEqual([...shares].sort((x, y) => x - y));
    expect(r.byCycle).toHaveLength(4); // the chart keeps every cycle whichever is chosen
    const all = await okReport({ setId });
    expect(all.rows[0]?.key).toBe("2018-Q4");
    expect(all.rows.at(-1)?.key).toBe("2018-Q1");
  });

  it("lists tracked items nobody has updated, counting a withdrawn update as none", async () => {
    const r = await okReport({ setId });
    const listed = new Set(r.neverUpdated.items.map((i) => i.itemId));
    expect(listed.has(itemIds[5] ?? 0)).toBe(true); // F: its only update was withdrawn
    expect(listed.has(itemIds[3] ?? 0)).toBe(false); // D: a draft is an update
    expect(listed.has(itemIds[6] ?? 0)).toBe(false); // G: closed, no longer tracked
    expect(listed.has(itemIds[7] ?? 0)).toBe(true);
    const tracking = await t.db.trackedItem.count({ where: { setId, state: "tracking" } });
    expect(r.tracked).toBe(tracking);
    expect(r.neverUpdated.total).toBe(tracking - 5); // A, B, C, D, E have updates
  });

  it("counts nothing before the first quarter has ended", async () => {
    const result = await getComplianceReport(t.db, reviewer, { setId }, new Date("2018-03-31T15:00:00Z"));
    expect(result.status === "ok" && result.report).toMatchObject({ rows: [], byCycle: [], cycles: [] });
  });

  it("refuses a set or cycle that does not exist or has not ended", async () => {
    expect(await readAs(reviewer, { setId: setId + 1000 })).toEqual({ status: "badFilter", problem: "set" });
    expect(await readAs(reviewer, { setId, periodKey: "2019-Q1" })).toEqual({
      status: "badFilter",
      problem: "cycle",
    });
  });

  it("is for the 研考會 and administrators: staff, supervisors and councillors are refused", async () => {
    const admin = await makeUser(t.db, "admin", "admin");
    expect((await readAs(admin, { setId })).status).toBe("ok");
    const councillor = await makeUser(t.db, "councillor", "councillor");
    for (const viewer of [staff, head, councillor]) {
      await expect(readAs(viewer)).rejects.toMatchObject({ code: "forbidden" });
    }
    await expect(readAs(null)).rejects.toMatchObject({ code: "unauthenticated" });
  });
});

describe("which set is shown", () => {
  it("shows the newest set unless asked for another or for all of them", async () => {
    const { setId: older } = await run(t.db, createTrackedSetCommand, reviewer, {
      name: "102 年度列管",
      year: "2013",
      cadence: "half_yearly",
    });
    expect(older).toBeGreaterThan(setId); // newest by creation, whatever year it tracks
    expect((await okReport()).set?.id).toBe(older);
    expect((await okReport({ setId })).set?.id).toBe(setId);
    const all = await okReport({ setId: "all" });
    expect(all.set).toBeNull();
    expect(all.sets.map((s) => s.id)).toEqual([older, setId]);
    expect(new Set(all.cycles.map((c) => c.key))).toEqual(
      new Set(["2013-H1", "2013-H2", "2018-Q1", "2018-Q2", "2018-Q3", "2018-Q4"]),
    );
    expect(all.neverUpdated.items.some((i) => i.set.id === older)).toBe(true);
  });
});

describe("the CSV and PDF downloads", () => {
  const request = (route: string, query: string) =>
    new NextRequest(`http://127.0.0.1:3000/zh-Hant/review/compliance/${route}${query}`);
  const params = (locale: string) => ({ params: Promise.resolve({ locale }) });

  it("writes the CSV: BOM, Chinese headers, one row per department × cycle", async () => {
    signedIn(reviewer);
    const response = await getCsv(request("csv", `?set=${setId}&cycle=2018-Q4`), params("zh-Hant"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain(`compliance-${setId}-2018-Q4.csv`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split("\r\n");
    expect(lines[0]).toMatch(/^列管案,期別,期別代碼,機關,應填報,準時,遲交,退回,未填報,已公開,/u);
    const report = await okReport({ setId, periodKey: "2018-Q4" });
    expect(lines.filter((l) => l !== "")).toHaveLength(report.rows.length + 1);
    const secretariat = lines.find((l) => l.includes(",秘書處,"));
    expect(secretariat).toContain(
      `107 年度列管,民國 107 年第 4 季,2018-Q4,秘書處,${secretariatItems},2,1,1,`,
    );
  });

  it.each([
    ["a malformed set", "?set=abc", "找不到這個列管案"],
    ["a set that does not exist", "?set=999999", "找不到這個列管案"],
    ["a malformed cycle", "?cycle=2018-Q9", "這個期別不存在"],
    ["a cycle that has not ended", "?cycle=2099-Q1", "這個期別不存在"],
  ])("answers 400 for %s, in the reader's language", async (_name, query, message) => {
    signedIn(reviewer);
    for (const route of [getCsv, getPdf]) {
      const response = await route(request("csv", query), params("zh-Hant"));
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: expect.stringContaining(message) });
    }
    const english = await getCsv(request("csv", query), params("en"));
    expect(await english.json()).toEqual({
      error: expect.stringMatching(/^(There is no such|That period)/u),
    });
  });

  it("refuses staff with 403 and strangers with 401, before reading anything", async () => {
    for (const [user, status] of [
      [staff, 403],
      [head, 403],
      [null, 401],
    ] as const) {
      signedIn(user);
      for (const route of [getCsv, getPdf]) {
        const response = await route(request("pdf", `?set=${setId}`), params("en"));
        expect(response.status).toBe(status);
        expect(await response.json()).toEqual({ error: expect.stringMatching(/not allowed|sign in/iu) });
      }
    }
  });
});
