import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/permissions";
import type { AppError } from "@/lib/errors";
import { syncDepartments } from "@/lib/import/departments";
import { importDocument } from "@/lib/import/import-document";
import { BULK_COLUMNS, previewBulkUpload } from "@/lib/progress/bulk";
import {
  approveProgressCommand,
  createProgressEntryCommand,
  publishProgressCommand,
  submitProgressCommand,
  updateProgressEntryCommand,
} from "@/lib/progress/commands";
import { overrideLightCommand } from "@/lib/progress/lights";
import { approvePlanCommand, proposePlanCommand, returnPlanCommand } from "@/lib/progress/plans";
import type { ProgressFields } from "@/lib/progress/schemas";
import { toCsv } from "@/lib/export/csv";
import { closeTrackedItemCommand, createTrackedSetCommand } from "@/lib/tracking/sets";
import { run } from "../support/commands";
import { makeUser } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Planned progress (預定進度) and its use: staff propose a curve, a second supervisor approves or
 * returns it, a revision needs a reason, and an update behind the approved curve (yellow or red)
 * cannot be sent for sign-off without 落後原因, 因應對策 and 預計改善日期. Every refusal writes nothing.
 */

let t: TestDatabase;
let staff: SessionUser;
let head: SessionUser;
let deputyHead: SessionUser;
let otherHead: SessionUser;
let reviewer: SessionUser;
let setId: number;
let keyPoints: number[]; // the Secretariat's 2018 key points, tracked by the 2018 set
const NOW = new Date("2026-11-22T00:00:00Z");
const CURVE = [
  { periodEnd: "2018-03-31", percent: 10 },
  { periodEnd: "2018-06-30", percent: 40 },
  { periodEnd: "2018-09-30", percent: 70 },
  { periodEnd: "2018-12-31", percent: 100 },
];
const CATCH_UP = { delayCause: "用地取得延宕", remedy: "協調地主並調整施工順序", catchUpDate: "2018-12-31" };

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error as AppError,
  );
const as = <T>(actor: SessionUser, command: Parameters<typeof run>[1], input: unknown) =>
  run(t.db, command, actor, input, { now: NOW }) as Promise<T>;
const itemOf = async (nodeId: number) =>
  (
    await t.db.trackedItem.findFirstOrThrow({
      where: { setId, nodeId },
      select: { id: true, version: true },
    })
  ).id;
const propose = (actor: SessionUser, trackedItemId: number, extra: object = {}) =>
  as<{ id: number; version: number }>(actor, proposePlanCommand, {
    trackedItemId,
    expectedVersion: 0,
    points: CURVE,
    ...extra,
  });
/** An item with CURVE approved by its supervisor. */
const approvedItem = async (nodeId: number) => {
  const itemId = await itemOf(nodeId);
  const plan = await propose(staff, itemId);
  await as(head, approvePlanCommand, { planId: plan.id });
  return itemId;
};
const fields = (overrides: Partial<ProgressFields> = {}): ProgressFields => ({
  period: { year: 2018, quarter: 2 }, // planned 40 %
  status: "on_track",
  percent: 25, // 15 behind: red
  narrative: "第 2 季進度",
  figures: [],
  evidenceLinks: [],
  ...overrides,
});
type Written = { entry: { id: number; version: number; state: string } };
const writes = async () => ({
  entries: await t.db.progressEntry.count(),
  versions: await t.db.progressEntryVersion.count(),
  steps: await t.db.updateStep.count(),
  plans: JSON.stringify(await t.db.plannedProgress.findMany({ orderBy: { id: "asc" } })),
  audits: await t.db.auditEvent.count(),
});

beforeAll(async () => {
  t = await createTestDatabase();
  await syncDepartments(t.db);
  await importDocument(t.db, { fileName: "002.txt", bytes: readFileSync("seeds/002_edb18fdb8a68a56c.txt") });
  staff = await makeUser(t.db, "pp-staff", "staff", ["secretariat"]);
  head = await makeUser(t.db, "pp-head", "supervisor", ["secretariat"]);
  deputyHead = await makeUser(t.db, "pp-deputy", "supervisor", ["secretariat"]);
  otherHead = await makeUser(t.db, "pp-other-head", "supervisor", ["transportation"]);
  reviewer = await makeUser(t.db, "pp-reviewer", "reviewer");
  setId = (
    await as<{ setId: number }>(reviewer, createTrackedSetCommand, { name: "107 年度列管", year: "2018" })
  ).setId;
  keyPoints = (
    await t.db.planNode.findMany({
      where: { kind: "key_point", department: { slug: "secretariat" } },
      orderBy: { lineFrom: "asc" },
      select: { id: true },
      take: 12,
    })
  ).map((n) => n.id);
  expect(keyPoints).toHaveLength(12);
});
afterAll(async () => {
  await t?.dispose();
});

describe("proposing and approving a curve", () => {
  it("keeps every version: proposed, returned with a comment, proposed again, approved", async () => {
    const itemId = await itemOf(keyPoints[0] ?? 0);
    const first = await propose(staff, itemId);
    expect(first.version).toBe(1);
    await as(head, returnPlanCommand, { planId: first.id, comment: "第 1 季太樂觀" });
    const second = await propose(staff, itemId, {
      expectedVersion: 1,
      points: [{ periodEnd: "2018-03-31", percent: 5 }, ...CURVE.slice(1)],
      reason: "依主管意見調整第 1 季",
    });
    await as(head, approvePlanCommand, { planId: second.id });
    const rows = await t.db.plannedProgress.findMany({
      where: { trackedItemId: itemId },
      orderBy: { version: "asc" },
      select: { version: true, state: true, reason: true, returnComment: true, decidedById: true },
    });
    expect(rows).toEqual([
      { version: 1, state: "returned", reason: null, returnComment: "第 1 季太樂觀", decidedById: head.id },
      {
        version: 2,
        state: "approved",
        reason: "依主管意見調整第 1 季",
        returnComment: null,
        decidedById: head.id,
      },
    ]);
    const audited = await t.db.auditEvent.findMany({
      where: { entityType: "PlannedProgress", entityId: { in: [String(first.id), String(second.id)] } },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(audited.map((a) => a.action)).toEqual([
      "plan.propose",
      "plan.return",
      "plan.propose",
      "plan.approve",
    ]);
  });

  it("refuses a revision without a reason, a stale version and a second pending proposal, writing nothing", async () => {
    const itemId = await approvedItem(keyPoints[1] ?? 0);
    const before = await writes();
    expect((await refusal(propose(staff, itemId, { expectedVersion: 1 })))?.fields).toEqual({
      reason: "revisionReasonRequired",
    });
    expect((await refusal(propose(staff, itemId, { expectedVersion: 1, reason: "  " })))?.fields).toEqual({
      reason: "revisionReasonRequired",
    });
    expect((await refusal(propose(staff, itemId, { expectedVersion: 0 })))?.code).toBe("conflict");
    expect(await writes()).toEqual(before);

    await propose(staff, itemId, { expectedVersion: 1, reason: "颱風停工" });
    const pending = await refusal(propose(staff, itemId, { expectedVersion: 2, reason: "再改一次" }));
    expect(pending?.fields).toEqual({ form: "planPending" });
  });

  it.each([
    ["goes down", [10, 40, 30, 100], "planGoesDown"],
    ["passes 100", [10, 40, 70, 120], "planOver100"],
  ] as const)("refuses a curve that %s, writing nothing", async (_name, percents, key) => {
    const itemId = await itemOf(keyPoints[2] ?? 0);
    const before = await writes();
    const points = CURVE.map((p, i) => ({ ...p, percent: percents[i] }));
    const error = await refusal(propose(staff, itemId, { points }));
    expect(error?.code).toBe("rule_broken");
    expect(error?.fields).toEqual({ points: key });
    expect(await writes()).toEqual(before);
  });

  it("refuses a point past the tracking period, a missing period and a negative %, writing nothing", async () => {
    const itemId = await itemOf(keyPoints[2] ?? 0);
    const before = await writes();
    const past = [...CURVE, { periodEnd: "2019-03-31", percent: 100 }];
    expect((await refusal(propose(staff, itemId, { points: past })))?.fields).toEqual({
      points: "planOutsideTracking",
    });
    expect((await refusal(propose(staff, itemId, { points: CURVE.slice(0, 3) })))?.fields).toEqual({
      points: "planPeriodsMismatch",
    });
    const negative = [{ periodEnd: "2018-03-31", percent: -5 }, ...CURVE.slice(1)];
    expect((await refusal(propose(staff, itemId, { points: negative })))?.code).toBe("invalid_input");
    expect(await writes()).toEqual(before);
  });

  it("lets one of two supervisors approving at once win; the other is told it changed", async () => {
    const itemId = await itemOf(keyPoints[3] ?? 0);
    const plan = await propose(staff, itemId);
    const results = await Promise.allSettled([
      as(head, approvePlanCommand, { planId: plan.id }),
      as(deputyHead, approvePlanCommand, { planId: plan.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect((lost?.reason as AppError).code).toBe("conflict");
    const approvals = await t.db.auditEvent.count({
      where: { action: "plan.approve", entityId: String(plan.id) },
    });
    expect(approvals).toBe(1);
  });

  it("never lets a supervisor approve or return their own proposal, nor another department's", async () => {
    const itemId = await itemOf(keyPoints[4] ?? 0);
    const plan = await propose(head, itemId);
    const before = await writes();
    expect((await refusal(as(head, approvePlanCommand, { planId: plan.id })))?.fields).toEqual({
      form: "ownPlan",
    });
    expect(
      (await refusal(as(head, returnPlanCommand, { planId: plan.id, comment: "自己退回" })))?.fields,
    ).toEqual({ form: "ownPlan" });
    expect((await refusal(as(otherHead, approvePlanCommand, { planId: plan.id })))?.code).toBe("forbidden");
    expect(await writes()).toEqual(before);
    await as(deputyHead, approvePlanCommand, { planId: plan.id });
  });

  it("refuses proposing or deciding on a closed item", async () => {
    const itemId = await itemOf(keyPoints[5] ?? 0);
    const plan = await propose(staff, itemId);
    await as(reviewer, closeTrackedItemCommand, { itemId, expectedVersion: 1, reason: "已併入其他計畫" });
    const before = await writes();
    expect((await refusal(as(head, approvePlanCommand, { planId: plan.id })))?.fields).toEqual({
      form: "itemClosed",
    });
    expect((await refusal(propose(staff, itemId, { expectedVersion: 1, reason: "改" })))?.fields).toEqual({
      form: "itemClosed",
    });
    expect(await writes()).toEqual(before);
  });
});

describe("an update behind the approved plan", () => {
  it("cannot be submitted without its catch-up plan; a draft can be saved; with it, it goes through", async () => {
    const nodeId = keyPoints[6] ?? 0;
    await approvedItem(nodeId);
    const before = await writes();
    const refused = await refusal(
      as(staff, createProgressEntryCommand, { nodeId, submit: true, ...fields() }),
    );
    expect(refused?.code).toBe("rule_broken");
    expect(refused?.fields).toEqual({
      delayCause: "catchUpRequired",
      remedy: "catchUpRequired",
      catchUpDate: "catchUpRequired",
    });
    expect(await writes()).toEqual(before);

    // A draft saves without them; submitting it alone is refused, naming only what is missing.
    const draft = await as<Written>(staff, createProgressEntryCommand, {
      nodeId,
      ...fields({ delayCause: "用地取得延宕" }),
    });
    expect(draft.entry.state).toBe("draft");
    const again = await writes();
    const stillRefused = await refusal(
      as(staff, submitProgressCommand, { entryId: draft.entry.id, expectedVersion: draft.entry.version }),
    );
    expect(stillRefused?.fields).toEqual({ remedy: "catchUpRequired", catchUpDate: "catchUpRequired" });
    expect(await writes()).toEqual(again);

    const sent = await as<Written>(staff, updateProgressEntryCommand, {
      entryId: draft.entry.id,
      expectedVersion: draft.entry.version,
      submit: true,
      ...fields(CATCH_UP),
    });
    expect(sent.entry.state).toBe("submitted");
    const stored = await t.db.progressEntry.findUniqueOrThrow({
      where: { id: draft.entry.id },
      select: { delayCause: true, remedy: true, catchUpDate: true },
    });
    expect(stored).toEqual({ ...CATCH_UP, catchUpDate: new Date("2018-12-31T00:00:00Z") });
    const version = await t.db.progressEntryVersion.findFirstOrThrow({
      where: { entryId: draft.entry.id, version: sent.entry.version },
      select: { remedy: true },
    });
    expect(version.remedy).toBe(CATCH_UP.remedy); // the history keeps what was said when
  });

  it("asks nothing of an update on schedule (green) or of an item without an approved plan", async () => {
    const nodeId = keyPoints[7] ?? 0;
    const itemId = await itemOf(nodeId);
    // Only proposed: no approved plan, no light, nothing required.
    const plan = await propose(staff, itemId);
    const unplanned = await as<Written>(staff, createProgressEntryCommand, {
      nodeId,
      submit: true,
      ...fields({ period: { year: 2018, quarter: 1 }, percent: 0 }),
    });
    expect(unplanned.entry.state).toBe("submitted");
    await as(head, approvePlanCommand, { planId: plan.id });
    const green = await as<Written>(staff, createProgressEntryCommand, {
      nodeId,
      submit: true,
      ...fields({ percent: 35 }), // 5 behind: still green
    });
    expect(green.entry.state).toBe("submitted");
  });

  it("refuses the bulk CSV row of a behind update without its catch-up plan, naming each column", async () => {
    const nodeId = keyPoints[6] ?? 0;
    const row = (cells: Partial<Record<(typeof BULK_COLUMNS)[number], string | number>>) =>
      BULK_COLUMNS.map((c) => cells[c] ?? "");
    const base = { node_id: nodeId, period_year: 2018, period_quarter: 3, status: "on_track", percent: 50 };
    const preview = await previewBulkUpload(
      t.db,
      staff,
      toCsv([...BULK_COLUMNS], [row({ ...base, narrative: "第 3 季" })]),
      NOW,
    );
    expect(preview.rows[0]?.action).toBe("rejected");
    expect(preview.rows[0]?.reasons.map((r) => r.key)).toEqual([
      "delayCauseRequired",
      "remedyRequired",
      "catchUpDateRequired",
    ]);
    const ok = await previewBulkUpload(
      t.db,
      staff,
      toCsv(
        [...BULK_COLUMNS],
        [
          row({
            ...base,
            narrative: "第 3 季",
            delay_cause: "缺工",
            remedy: "增派人力",
            catch_up_date: "2018-12-31",
          }),
        ],
      ),
      NOW,
    );
    expect(ok.rows[0]).toMatchObject({ action: "create", reasons: [] });
  });

  it("reads a file downloaded before the catch-up columns: an entry keeps the catch-up plan it has", async () => {
    const nodeId = keyPoints[6] ?? 0;
    const draft = await as<Written>(staff, createProgressEntryCommand, {
      nodeId,
      ...fields({ period: { year: 2018, quarter: 4 }, percent: 50, ...CATCH_UP }), // 50 behind: red
    });
    const old = BULK_COLUMNS.slice(0, BULK_COLUMNS.indexOf("narrative") + 1);
    const cells: Record<string, string | number> = {
      node_id: nodeId,
      period_year: 2018,
      period_quarter: 4,
      entry_id: draft.entry.id,
      entry_version: draft.entry.version,
      status: "on_track",
      percent: 55,
      narrative: "第 4 季",
    };
    const preview = await previewBulkUpload(
      t.db,
      staff,
      toCsv([...old], [old.map((c) => cells[c] ?? "")]),
      NOW,
    );
    expect(preview.rows[0]).toMatchObject({ action: "update", reasons: [] });
  });
});

describe("an update lower than the last published one", () => {
  it("cannot be submitted without saying why; with the reason it goes through", async () => {
    const nodeId = keyPoints[8] ?? 0; // tracked, no plan: no light, only the drop rule applies
    const sent = await as<Written>(staff, createProgressEntryCommand, {
      nodeId,
      submit: true,
      ...fields({ period: { year: 2018, quarter: 1 }, percent: 40 }),
    });
    const ref = { entryId: sent.entry.id, expectedVersion: sent.entry.version };
    await as(head, approveProgressCommand, ref);
    await as(reviewer, publishProgressCommand, ref);

    const before = await writes();
    const lower = { nodeId, submit: true, ...fields({ period: { year: 2018, quarter: 2 }, percent: 30 }) };
    const refused = await refusal(as(staff, createProgressEntryCommand, lower));
    expect(refused?.fields).toEqual({ percentDropReason: "dropReasonRequired" });
    expect(await writes()).toEqual(before);

    const explained = await as<Written>(staff, createProgressEntryCommand, {
      ...lower,
      percentDropReason: "重新核算工程量，第 1 季數字高估",
    });
    expect(explained.entry.state).toBe("submitted");
    // Not lower (same as published): nothing to explain.
    const same = await as<Written>(staff, createProgressEntryCommand, {
      nodeId,
      submit: true,
      ...fields({ period: { year: 2018, quarter: 3 }, percent: 40 }),
    });
    expect(same.entry.state).toBe("submitted");
  });
});

describe("the light an update is published with", () => {
  const lightOf = (id: number) =>
    t.db.progressEntry.findUniqueOrThrow({
      where: { id },
      select: {
        light: true,
        computedLight: true,
        plannedPercent: true,
        lightOverride: true,
        lightOverrideReason: true,
        lightOverriddenById: true,
      },
    });
  const signOff = async (entry: { id: number; version: number }) => {
    const ref = { entryId: entry.id, expectedVersion: entry.version };
    await as(head, approveProgressCommand, ref);
    await as(reviewer, publishProgressCommand, ref);
  };

  it("is judged at publication from the approved curve and kept when the curve is revised later", async () => {
    const nodeId = keyPoints[9] ?? 0;
    const itemId = await approvedItem(nodeId);
    const sent = await as<Written>(staff, createProgressEntryCommand, {
      nodeId,
      submit: true,
      ...fields(CATCH_UP),
    });
    expect((await lightOf(sent.entry.id)).light).toBeNull(); // not public yet: no light stored
    await signOff(sent.entry);
    expect(await lightOf(sent.entry.id)).toEqual({
      light: "red", // 40 planned, 25 actual: 15 behind
      computedLight: "red",
      plannedPercent: 40,
      lightOverride: null,
      lightOverrideReason: null,
      lightOverriddenById: null,
    });
    // A later revision (Q2 lowered to 25) does not rewrite a published light.
    const revision = await propose(staff, itemId, {
      expectedVersion: 1,
      points: [CURVE[0], { periodEnd: "2018-06-30", percent: 25 }, ...CURVE.slice(2)],
      reason: "用地取得延宕，調整期程",
    });
    await as(head, approvePlanCommand, { planId: revision.id });
    expect((await lightOf(sent.entry.id)).light).toBe("red");
  });

  it("takes a supervisor's override only with a reason, before publication, and shows both lights", async () => {
    const nodeId = keyPoints[10] ?? 0;
    await approvedItem(nodeId);
    // Q3: 70 planned, 60 actual: 10 behind, yellow.
    const sent = await as<Written>(staff, createProgressEntryCommand, {
      nodeId,
      submit: true,
      ...fields({ period: { year: 2018, quarter: 3 }, percent: 60, ...CATCH_UP }),
    });
    const entryId = sent.entry.id;
    const before = await writes();
    const tried = [
      // no reason
      [head, { entryId, light: "green" }, "invalid_input"],
      [head, { entryId, light: "green", reason: "   " }, "invalid_input"],
      // not a colour
      [head, { entryId, light: "purple", reason: "x" }, "invalid_input"],
      // the light it already has
      [head, { entryId, light: "yellow", reason: "同意" }, "rule_broken"],
      // the author's department's staff, another department's supervisor
      [staff, { entryId, light: "green", reason: "自評" }, "forbidden"],
      [otherHead, { entryId, light: "green", reason: "跨機關" }, "forbidden"],
    ] as const;
    for (const [actor, input, code] of tried) {
      const refused = await refusal(as(actor, overrideLightCommand, input));
      expect(refused?.code, JSON.stringify(input)).toBe(code);
    }
    expect(await writes()).toEqual(before);

    const reason = "第 3 季已完成招標，實際進度已追上";
    await as(head, overrideLightCommand, { entryId, light: "green", reason });
    await signOff({ id: entryId, version: sent.entry.version });
    expect(await lightOf(entryId)).toEqual({
      light: "green",
      computedLight: "yellow",
      plannedPercent: 70,
      lightOverride: "green",
      lightOverrideReason: reason,
      lightOverriddenById: head.id,
    });
    // Published is final: no more overrides.
    const late = await refusal(as(head, overrideLightCommand, { entryId, light: "red", reason: "改判" }));
    expect(late?.fields).toEqual({ form: "notOverridable" });
  });

  it("refuses making a light yellow or red while the update lacks its catch-up plan", async () => {
    const nodeId = keyPoints[11] ?? 0;
    await approvedItem(nodeId);
    const sent = await as<Written>(staff, createProgressEntryCommand, {
      nodeId,
      submit: true,
      ...fields({ percent: 40 }), // on plan: green, no catch-up plan given
    });
    const before = await writes();
    const refused = await refusal(
      as(head, overrideLightCommand, { entryId: sent.entry.id, light: "red", reason: "關鍵里程碑未達成" }),
    );
    expect(refused?.fields).toEqual({ light: "overrideNeedsCatchUp" });
    expect(await writes()).toEqual(before);
  });
});
