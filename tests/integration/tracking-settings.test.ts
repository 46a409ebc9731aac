import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { seedDatabase } from "@/lib/import/seed";
import {
  approveProgressCommand,
  createProgressEntryCommand,
  publishProgressCommand,
} from "@/lib/progress/commands";
import type { ProgressFields } from "@/lib/progress/schemas";
import { getComplianceReport } from "@/lib/tracking/compliance";
import { listInbox } from "@/lib/tracking/inbox";
import { listPendingUpdates } from "@/lib/tracking/queues";
import { scanReminders } from "@/lib/tracking/reminders";
import { listDepartmentReviewSettings, setDepartmentReviewCommand } from "@/lib/tracking/review-settings";
import {
  createTrackedSetCommand,
  getTrackedSet,
  TrackingRuleError,
  updateTrackedSetCommand,
} from "@/lib/tracking/sets";
import { run } from "../support/commands";
import { makeUser } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * What reviewers change after creating a set: its due days (tracking.update-set), which re-date
 * the cycles not yet due and which the inbox, the reminders and the 填報情形 then follow; and
 * whether a department's approved updates wait for 研考會 review (tracking.set-department-review).
 */

let t: TestDatabase;
let reviewer: SessionUser;
let staff: SessionUser;
let head: SessionUser;

const day = (d: Date | undefined) => d?.toISOString().slice(0, 10);
/** 2018-08-01 in Taipei: 2018-Q1 and Q2 are past their staff due days (04-10, 07-10), Q3 and Q4 are not. */
const AUGUST = new Date("2018-08-01T02:00:00Z");
const LATER_DAYS = { staffDueDays: "20", supervisorDueDays: "25", reviewDueDays: "30", graceDays: "3" };

const fields = (narrative: string, quarter: number): ProgressFields => ({
  period: { year: 2018, quarter },
  status: "on_track",
  percent: 50,
  narrative,
  figures: [],
  evidenceLinks: [],
});

/** The set and its cycles as stored, and the audit log's length: what a refusal must leave alone. */
const snapshot = async (setId: number) => ({
  set: await t.db.trackedSet.findUniqueOrThrow({ where: { id: setId } }),
  cycles: await t.db.reportingCycle.findMany({ where: { setId }, orderBy: { id: "asc" } }),
  audits: await t.db.auditEvent.count(),
});
const newSet = async (name: string) =>
  (await run(t.db, createTrackedSetCommand, reviewer, { name, year: "2018", cadence: "quarterly" })).setId;
const ruleOf = (error: unknown) => (error instanceof TrackingRuleError ? error.rule : error);

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.db, "seeds");
  reviewer = await makeUser(t.db, "reviewer", "reviewer");
  staff = await makeUser(t.db, "secretariat", "staff", ["secretariat"]);
  head = await makeUser(t.db, "secretariat-head", "supervisor", ["secretariat"]);
});
afterAll(async () => {
  await t?.dispose();
});

describe("tracking.update-set: a set's due days after creation", () => {
  let setId: number;
  beforeAll(async () => {
    setId = await newSet("107 年度列管");
  });

  it("re-dates the cycles whose staff due day has not passed, keeps the others, and is audited", async () => {
    const result = await run(
      t.db,
      updateTrackedSetCommand,
      reviewer,
      { setId, expectedVersion: 1, ...LATER_DAYS, cadence: "monthly" },
      { now: AUGUST },
    );
    expect(result).toEqual({ cyclesRedated: 2 });
    const set = await getTrackedSet(t.db, reviewer, setId);
    expect(set).toMatchObject({
      version: 2,
      cadence: "quarterly", // fixed once created, whatever the input says
      staffDueDays: 20,
      supervisorDueDays: 25,
      reviewDueDays: 30,
      graceDays: 3,
    });
    expect(
      set?.cycles.map((c) =>
        [c.periodKey, day(c.staffDue), day(c.supervisorDue), day(c.reviewDue), day(c.lateAfter)].join(" "),
      ),
    ).toEqual([
      "2018-Q1 2018-04-10 2018-04-15 2018-04-20 2018-04-15", // past: as judged
      "2018-Q2 2018-07-10 2018-07-15 2018-07-20 2018-07-15",
      "2018-Q3 2018-10-20 2018-10-25 2018-10-30 2018-10-23",
      "2018-Q4 2019-01-20 2019-01-25 2019-01-30 2019-01-23",
    ]);
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "tracking.update-set", entityId: String(setId) },
    });
    expect(audit).toMatchObject({
      actorId: reviewer.id,
      entityType: "TrackedSet",
      before: { staffDueDays: 10, supervisorDueDays: 15, reviewDueDays: 20, graceDays: 5 },
      after: {
        staffDueDays: 20,
        supervisorDueDays: 25,
        reviewDueDays: 30,
        graceDays: 3,
        cyclesRedated: ["2018-Q3", "2018-Q4"],
      },
    });
  });

  it("moves the inbox, the reminders and the 填報情形 to the new due day", async () => {
    // 2018-10-15: under the old rule Q3 was due on 10-10 and late after 10-15; now due on 10-20.
    const october15 = new Date("2018-10-15T02:00:00Z");
    const owed = (await listInbox(t.db, staff, october15)).filter((i) => i.set.id === setId);
    expect(owed.length).toBeGreaterThan(0);
    expect(new Set(owed.map((i) => `${day(i.staffDue)} ${day(i.lateAfter)} ${i.step}`))).toEqual(
      new Set(["2018-10-20 2018-10-23 due"]),
    );

    // Reminded on the new due day, not on the old one.
    const dueKeys = async () =>
      (await t.db.jobKey.findMany({ where: { key: { startsWith: "reminder:due:" } } })).length;
    await scanReminders(t.db, new Date("2018-10-10T02:00:00Z"));
    expect(await dueKeys()).toBe(0);
    await scanReminders(t.db, new Date("2018-10-20T02:00:00Z"));
    expect(await dueKeys()).toBe(owed.length);

    // Sent on 10-18, after the old due day and before the new one: on time.
    const first = owed[0];
    if (!first) throw new Error("the inbox should hold items");
    await run(
      t.db,
      createProgressEntryCommand,
      staff,
      { nodeId: first.nodeId, submit: true, ...fields("第三季辦理情形", 3) },
      { now: new Date("2018-10-18T02:00:00Z") },
    );
    const result = await getComplianceReport(
      t.db,
      reviewer,
      { setId, periodKey: "2018-Q3" },
      new Date("2018-11-01T02:00:00Z"),
    );
    if (result.status !== "ok") throw new Error("expected figures");
    expect(result.report.totals).toMatchObject({ onTime: 1, late: 0 });
  });

  it.each([
    ["due dates out of order", { staffDueDays: "20", supervisorDueDays: "10" }, "dueDatesOutOfOrder"],
    ["a due date too far out", { reviewDueDays: "400" }, "dueDaysOutOfRange"],
    ["too many grace days", { graceDays: "61" }, "dueDaysOutOfRange"],
  ])("refuses %s, naming the rule, and writes nothing", async (_name, change, rule) => {
    const id = await newSet("期限規則");
    const before = await snapshot(id);
    const input = { setId: id, expectedVersion: 1, ...LATER_DAYS, ...change };
    await expect(
      run(t.db, updateTrackedSetCommand, reviewer, input, { now: AUGUST }).catch(ruleOf),
    ).resolves.toBe(rule);
    expect(await snapshot(id)).toEqual(before);
  });

  it.each([
    ["days that are not numbers", { staffDueDays: "ten" }, "staffDueDays"],
    ["a missing field", { graceDays: undefined }, "graceDays"],
    ["no version", { expectedVersion: undefined }, "expectedVersion"],
  ])("refuses %s as a field error", async (_name, change, field) => {
    const id = await newSet("欄位錯誤");
    const before = await snapshot(id);
    const error = await run(t.db, updateTrackedSetCommand, reviewer, {
      setId: id,
      expectedVersion: 1,
      ...LATER_DAYS,
      ...change,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(Object.keys((error as AppError).fields)).toContain(field);
    expect(await snapshot(id)).toEqual(before);
  });

  it("two reviewers saving at once: one wins, the other is told, and a stale form changes nothing", async () => {
    const id = await newSet("同時修改");
    const save = (staffDueDays: string) =>
      run(
        t.db,
        updateTrackedSetCommand,
        reviewer,
        { setId: id, expectedVersion: 1, ...LATER_DAYS, staffDueDays },
        { now: AUGUST },
      ).then(
        () => "saved",
        (e: unknown) => (e instanceof AppError ? e.code : e),
      );
    expect((await Promise.all([save("12"), save("14")])).sort()).toEqual(["conflict", "saved"]);
    const before = await snapshot(id);
    expect(before.set.version).toBe(2);
    await expect(save("16")).resolves.toBe("conflict");
    expect(await snapshot(id)).toEqual(before);
  });

  it("answers not found for a set that does not exist", async () => {
    await expect(
      run(t.db, updateTrackedSetCommand, reviewer, {
        setId: 2_000_000_000,
        expectedVersion: 1,
        ...LATER_DAYS,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("tracking.set-department-review: whether approved updates wait for the 研考會", () => {
  let nodes: number[];
  const submitted = async (nodeId: number, narrative: string) =>
    (
      await run(t.db, createProgressEntryCommand, staff, {
        nodeId,
        submit: true,
        ...fields(narrative, 4),
      })
    ).entry;
  const approve = (entry: { id: number; version: number }) =>
    run(t.db, approveProgressCommand, head, { entryId: entry.id, expectedVersion: entry.version });
  const setting = async (slug: string) =>
    (await listDepartmentReviewSettings(t.db, reviewer)).find((d) => d.slug === slug);

  beforeAll(async () => {
    const setId = await newSet("覆核設定");
    nodes = (
      await t.db.trackedItem.findMany({
        where: { setId, leadDepartment: { slug: "secretariat" } },
        orderBy: { id: "asc" },
        take: 3,
        select: { nodeId: true },
      })
    ).map((i) => i.nodeId);
  });

  it("turned off: later approvals publish, and what already waits stays in 待覆核 until reviewed", async () => {
    const waiting = await submitted(nodes[0] ?? 0, "先核可、待覆核");
    await approve(waiting);
    expect(await setting("secretariat")).toMatchObject({ updatesNeedReview: true, waitingForReview: 1 });

    await run(t.db, setDepartmentReviewCommand, reviewer, {
      department: "secretariat",
      updatesNeedReview: "false",
    });
    expect(await setting("secretariat")).toMatchObject({ updatesNeedReview: false, waitingForReview: 1 });
    const queue = await listPendingUpdates(t.db, reviewer, "review");
    expect(queue.map((u) => u.entryId)).toContain(waiting.id); // not published behind anyone's back
    expect(await t.db.progressEntry.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({
      state: "approved",
      publishedAt: null,
    });

    const later = await submitted(nodes[1] ?? 0, "設定改變後核可");
    expect((await approve(later)).entry.state).toBe("published");

    // The 研考會 can still publish what was waiting.
    const stillWaiting = await t.db.progressEntry.findUniqueOrThrow({ where: { id: waiting.id } });
    await run(t.db, publishProgressCommand, reviewer, {
      entryId: waiting.id,
      expectedVersion: stillWaiting.version,
    });
    expect(await setting("secretariat")).toMatchObject({ waitingForReview: 0 });

    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "tracking.set-department-review" },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({
      actorId: reviewer.id,
      entityType: "Department",
      before: { updatesNeedReview: true },
      after: { updatesNeedReview: false },
    });
  });

  it("turned back on: approvals wait for review again", async () => {
    await run(t.db, setDepartmentReviewCommand, reviewer, {
      department: "secretariat",
      updatesNeedReview: true,
    });
    const entry = await submitted(nodes[2] ?? 0, "恢復覆核後核可");
    expect((await approve(entry)).entry.state).toBe("approved");
  });

  it("tells a reviewer whose page is stale, and refuses unknown departments and values, writing nothing", async () => {
    const before = {
      departments: await t.db.department.findMany({ orderBy: { id: "asc" } }),
      audits: await t.db.auditEvent.count(),
    };
    const refusal = (input: Record<string, unknown>) =>
      run(t.db, setDepartmentReviewCommand, reviewer, input).catch((e: unknown) => e);
    // Review is on already: a second "turn it on" comes from a page that showed it off.
    expect(await refusal({ department: "secretariat", updatesNeedReview: "true" })).toMatchObject({
      code: "conflict",
    });
    expect(await refusal({ department: "no-such-department", updatesNeedReview: "false" })).toMatchObject({
      code: "not_found",
    });
    expect(await refusal({ department: "secretariat", updatesNeedReview: "maybe" })).toMatchObject({
      code: "invalid_input",
    });
    expect(await refusal({ department: "../admin", updatesNeedReview: "false" })).toMatchObject({
      code: "invalid_input",
    });
    expect({
      departments: await t.db.department.findMany({ orderBy: { id: "asc" } }),
      audits: await t.db.auditEvent.count(),
    }).toEqual(before);
  });

  it("is read by the 研考會 and administrators only", async () => {
    const councillor = await makeUser(t.db, "councillor", "councillor");
    for (const viewer of [staff, head, councillor]) {
      await expect(listDepartmentReviewSettings(t.db, viewer)).rejects.toMatchObject({ code: "forbidden" });
    }
    await expect(listDepartmentReviewSettings(t.db, null)).rejects.toMatchObject({ code: "unauthenticated" });
    const admin = await makeUser(t.db, "admin", "admin");
    expect((await listDepartmentReviewSettings(t.db, admin)).length).toBeGreaterThan(0);
  });
});
