import { taipeiToday } from "@/lib/domain/time";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Command, WhoMayRun } from "@/lib/commands/command";
import { PermissionDeniedError, type SessionUser } from "@/lib/auth/permissions";
import type { AppError } from "@/lib/errors";
import { seedDatabase } from "@/lib/import/seed";
import {
  applyBulkUploadCommand,
  approveProgressCommand,
  createProgressEntryCommand,
  publishProgressCommand,
  returnProgressCommand,
  submitProgressCommand,
  updateProgressEntryCommand,
  withdrawProgressEntryCommand,
} from "@/lib/progress/commands";
import { ProgressConflictError, UpdateLockedError } from "@/lib/progress/entries";
import { StepConflictError, WorkflowRuleError } from "@/lib/progress/workflow";
import type { ProgressFields } from "@/lib/progress/schemas";
import { getNodePage } from "@/lib/queries/nodes";
import { assignLeadCommand, createTrackedSetCommand } from "@/lib/tracking/sets";
import { run } from "../support/commands";
import { makeUser } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The sign-off workflow (lib/domain/updates.ts): draft → submitted → returned / approved →
 * published, who may take each step, what the public sees at each, and the refusals that write
 * nothing: an untracked item, a locked update, one's own update, a step someone else took first.
 */

let t: TestDatabase;
let staff: SessionUser;
let colleague: SessionUser;
let head: SessionUser;
let deputyHead: SessionUser;
let otherHead: SessionUser;
let reviewer: SessionUser;
let keyPoint: number; // a key point of 秘書處's 2018 plan: tracked by the 2018 set
let anotherKeyPoint: number; // the next one, for the spreadsheet
let untracked: number; // an agenda item of the 2013 outline: no set tracks it
let strategy: number; // a city-wide mid-term strategy: nobody's until a lead is assigned
const NOW = new Date("2026-11-22T00:00:00Z");

const fields = (narrative: string, overrides: Partial<ProgressFields> = {}): ProgressFields => ({
  period: { year: 2018, quarter: 4 },
  status: "on_track",
  percent: 40,
  narrative,
  figures: [],
  evidenceLinks: [],
  ...overrides,
});

const draft = async (nodeId: number, narrative: string, author = staff, overrides = {}) =>
  (
    await run(
      t.db,
      createProgressEntryCommand,
      author,
      { nodeId, ...fields(narrative, overrides) },
      { now: NOW },
    )
  ).entry;
const ref = (entry: { id: number; version: number }) => ({
  entryId: entry.id,
  expectedVersion: entry.version,
});
const step = <Schema extends z.ZodType, Output, W extends WhoMayRun>(
  command: Command<Schema, Output, W>,
  actor: SessionUser,
  input: unknown,
) => run(t.db, command, actor, input, { now: NOW });
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error as AppError,
  );
const publicNarratives = async (nodeId: number) =>
  ((await getNodePage(t.db, nodeId, taipeiToday()))?.progress ?? []).map((e) => e.narrative);
const writes = async () => ({
  entries: await t.db.progressEntry.count(),
  steps: await t.db.updateStep.count(),
  audits: await t.db.auditEvent.count(),
  states: JSON.stringify(
    await t.db.progressEntry.findMany({ select: { id: true, state: true }, orderBy: { id: "asc" } }),
  ),
});

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.db, "seeds");
  staff = await makeUser(t.db, "wf-staff", "staff", ["secretariat"]);
  colleague = await makeUser(t.db, "wf-colleague", "staff", ["secretariat"]);
  head = await makeUser(t.db, "wf-head", "supervisor", ["secretariat"]);
  deputyHead = await makeUser(t.db, "wf-deputy", "supervisor", ["secretariat"]);
  otherHead = await makeUser(t.db, "wf-other-head", "supervisor", ["transportation"]);
  reviewer = await makeUser(t.db, "wf-reviewer", "reviewer");
  const node = (where: object) =>
    t.db.planNode.findFirstOrThrow({ where, orderBy: { lineFrom: "asc" }, select: { id: true } });
  keyPoint = (await node({ kind: "key_point", department: { slug: "secretariat" } })).id;
  anotherKeyPoint = (
    await t.db.planNode.findFirstOrThrow({
      where: { kind: "key_point", department: { slug: "secretariat" }, id: { not: keyPoint } },
      orderBy: { lineFrom: "asc" },
      select: { id: true },
    })
  ).id;
  untracked = (await node({ kind: "agenda_item", department: { slug: "secretariat" } })).id;
  strategy = (await node({ kind: "strategy" })).id;
  await step(createTrackedSetCommand, reviewer, { name: "107 年度列管", year: "2018" });
  const set = await step(createTrackedSetCommand, reviewer, { name: "115 年度列管", year: "2026" });
  const item = await t.db.trackedItem.findFirstOrThrow({
    where: { setId: set.setId, nodeId: strategy },
    select: { id: true, version: true },
  });
  await step(assignLeadCommand, reviewer, {
    itemId: item.id,
    expectedVersion: item.version,
    lead: "secretariat",
  });
});
afterAll(async () => {
  await t?.dispose();
});

describe("the sign-off workflow", () => {
  it("takes an update from draft to published, returned once, and the public sees it only then", async () => {
    const entry = await draft(keyPoint, "草稿：推動公文線上簽核");
    expect(entry.state).toBe("draft");
    expect(await publicNarratives(keyPoint)).not.toContain("草稿：推動公文線上簽核");

    const submitted = (await step(submitProgressCommand, staff, ref(entry))).entry;
    expect(submitted.state).toBe("submitted");

    const returned = (await step(returnProgressCommand, head, { ...ref(submitted), comment: "請補上場次數" }))
      .entry;
    expect(returned).toMatchObject({ state: "returned", returnComment: "請補上場次數" });

    const fixed = (
      await step(updateProgressEntryCommand, staff, {
        ...ref(returned),
        submit: true,
        ...fields("已辦理 12 場線上簽核教育訓練"),
      })
    ).entry;
    expect(fixed).toMatchObject({ state: "submitted", version: 2, returnComment: null });

    const approved = (await step(approveProgressCommand, head, ref(fixed))).entry;
    expect(approved.state).toBe("approved"); // 秘書處 needs the 研考會's review (the default)
    expect(await publicNarratives(keyPoint)).not.toContain("已辦理 12 場線上簽核教育訓練");

    const published = (await step(publishProgressCommand, reviewer, ref(approved))).entry;
    expect(published.state).toBe("published");
    expect(published.publishedAt).toEqual(NOW);
    expect(await publicNarratives(keyPoint)).toContain("已辦理 12 場線上簽核教育訓練");

    const steps = await t.db.updateStep.findMany({
      where: { entryId: entry.id },
      orderBy: { id: "asc" },
      select: { action: true, toState: true, comment: true, actor: { select: { name: true } } },
    });
    expect(steps).toEqual([
      { action: "submit", toState: "submitted", comment: null, actor: { name: "wf-staff" } },
      { action: "return", toState: "returned", comment: "請補上場次數", actor: { name: "wf-head" } },
      { action: "submit", toState: "submitted", comment: null, actor: { name: "wf-staff" } },
      { action: "approve", toState: "approved", comment: null, actor: { name: "wf-head" } },
      { action: "publish", toState: "published", comment: null, actor: { name: "wf-reviewer" } },
    ]);
    const audited = await t.db.auditEvent.findMany({
      where: { entityType: "ProgressEntry", entityId: String(entry.id) },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(audited.map((a) => a.action)).toEqual([
      "progress.create",
      "progress.submit",
      "progress.return",
      "progress.update",
      "progress.submit",
      "progress.approve",
      "progress.publish",
    ]);
  });

  it("publishes on approval where the department needs no 研考會 review", async () => {
    await t.db.department.update({ where: { slug: "secretariat" }, data: { updatesNeedReview: false } });
    try {
      const entry = await draft(keyPoint, "免覆核：直接公開", staff, { period: { year: 2018, quarter: 3 } });
      const submitted = (await step(submitProgressCommand, staff, ref(entry))).entry;
      const approved = (await step(approveProgressCommand, head, ref(submitted))).entry;
      expect(approved.state).toBe("published");
      expect(await publicNarratives(keyPoint)).toContain("免覆核：直接公開");
    } finally {
      await t.db.department.update({ where: { slug: "secretariat" }, data: { updatesNeedReview: true } });
    }
  });

  it("lets the lead department report on a city-wide strategy once a reviewer assigns it", async () => {
    const entry = await draft(strategy, "策略：主辦機關填報", staff, { period: { year: 2026, quarter: 3 } });
    const submitted = (await step(submitProgressCommand, staff, ref(entry))).entry;
    expect(submitted.state).toBe("submitted");
    const refused = await refusal(step(approveProgressCommand, otherHead, ref(submitted)));
    expect(refused).toBeInstanceOf(PermissionDeniedError);
  });
});

describe("refusals name the rule and write nothing", () => {
  it("refuses to submit an update of an item nobody tracks", async () => {
    const entry = await draft(untracked, "未列管項目", staff, { period: { year: 2013, quarter: 4 } });
    const before = await writes();
    const error = await refusal(step(submitProgressCommand, staff, ref(entry)));
    expect(error).toBeInstanceOf(WorkflowRuleError);
    expect(error?.fields).toEqual({ form: "notTracked" });
    expect(await writes()).toEqual(before);
  });

  it("locks a submitted update against edits, withdrawal and a second submission", async () => {
    const entry = await draft(keyPoint, "送出後鎖定", staff, { period: { year: 2018, quarter: 2 } });
    const submitted = (await step(submitProgressCommand, staff, ref(entry))).entry;
    const before = await writes();
    const edit = await refusal(
      step(updateProgressEntryCommand, staff, {
        ...ref(submitted),
        ...fields("偷改", { period: { year: 2018, quarter: 2 } }),
      }),
    );
    expect(edit).toBeInstanceOf(UpdateLockedError);
    expect(edit?.fields).toEqual({ form: "updateLocked" });
    const withdraw = await refusal(
      step(withdrawProgressEntryCommand, staff, { ...ref(submitted), reason: "撤" }),
    );
    expect(withdraw).toBeInstanceOf(UpdateLockedError);
    expect(await refusal(step(submitProgressCommand, staff, ref(submitted)))).toBeInstanceOf(
      StepConflictError,
    );
    expect(await writes()).toEqual(before);
  });

  it("never lets a supervisor approve or return their own update, nor a staff member approve", async () => {
    const own = await draft(keyPoint, "主管自己填的", head, { period: { year: 2018, quarter: 1 } });
    const submitted = (await step(submitProgressCommand, head, ref(own))).entry;
    const before = await writes();
    const error = await refusal(step(approveProgressCommand, head, ref(submitted)));
    expect(error).toBeInstanceOf(WorkflowRuleError);
    expect(error?.fields).toEqual({ form: "ownUpdate" });
    expect(
      await refusal(step(returnProgressCommand, head, { ...ref(submitted), comment: "自己退" })),
    ).toBeInstanceOf(WorkflowRuleError);
    expect(await refusal(step(approveProgressCommand, colleague, ref(submitted)))).toBeInstanceOf(
      PermissionDeniedError,
    );
    expect(await refusal(step(publishProgressCommand, reviewer, ref(submitted)))).toBeInstanceOf(
      StepConflictError,
    );
    expect(await writes()).toEqual(before);
    // Another supervisor of the department may.
    expect((await step(approveProgressCommand, deputyHead, ref(submitted))).entry.state).toBe("approved");
  });

  it("refuses a return without a comment, in the form's words", async () => {
    const entry = await draft(keyPoint, "退回須附意見", colleague, { period: { year: 2018, quarter: 4 } });
    const submitted = (await step(submitProgressCommand, colleague, ref(entry))).entry;
    const before = await writes();
    const error = await refusal(step(returnProgressCommand, head, { ...ref(submitted), comment: "  " }));
    expect(error?.code).toBe("invalid_input");
    expect(error?.fields).toEqual({ comment: "commentRequired" });
    expect(await writes()).toEqual(before);
  });

  it("of two supervisors approving at once, one wins and the other is told", async () => {
    const entry = await draft(keyPoint, "兩位主管同時核可", staff, { period: { year: 2018, quarter: null } });
    const submitted = (await step(submitProgressCommand, staff, ref(entry))).entry;
    const results = await Promise.allSettled([
      step(approveProgressCommand, head, ref(submitted)),
      step(approveProgressCommand, deputyHead, ref(submitted)),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.flatMap((r) => (r.status === "rejected" ? [r.reason as AppError] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]?.code).toBe("conflict");
    expect(await t.db.updateStep.count({ where: { entryId: entry.id, action: "approve" } })).toBe(1);
  });

  it("refuses a step on a version the actor did not see", async () => {
    const entry = await draft(keyPoint, "舊版本", staff, { status: "delayed" });
    const before = await writes();
    const stale = { entryId: entry.id, expectedVersion: entry.version + 1 };
    expect(await refusal(step(submitProgressCommand, staff, stale))).toBeInstanceOf(ProgressConflictError);
    expect(await writes()).toEqual(before);
  });
});

describe("the bulk spreadsheet reports into the workflow", () => {
  it("submits a tracked item's new row for sign-off", async () => {
    const csv = [
      "node_id,department,document,number,item,latest_status,latest_percent,period_year,period_quarter,entry_id,entry_version,status,percent,narrative",
      `${anotherKeyPoint},,,,,,,2018,3,,,on_track,60,批次填報第三季`,
    ].join("\n");
    const applied = await step(applyBulkUploadCommand, colleague, { csv });
    expect(applied.created).toBe(1);
    expect(applied.preview.rows[0]?.submits).toBe(true);
    const entry = await t.db.progressEntry.findFirstOrThrow({ where: { narrative: "批次填報第三季" } });
    expect(entry.state).toBe("submitted");
  });
});
