import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/permissions";
import { seedDatabase } from "@/lib/import/seed";
import {
  applyBulkUploadCommand,
  approveProgressCommand,
  createProgressEntryCommand,
  returnProgressCommand,
  submitProgressCommand,
  updateProgressEntryCommand,
} from "@/lib/progress/commands";
import { toCsv } from "@/lib/export/csv";
import { BULK_COLUMNS } from "@/lib/progress/bulk";
import type { ProgressFields } from "@/lib/progress/schemas";
import { getComplianceReport } from "@/lib/tracking/compliance";
import { createTrackedSetCommand } from "@/lib/tracking/sets";
import { run } from "../support/commands";
import { makeUser } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * `ProgressEntry.firstSubmittedAt`: the 填報情形 reads when a report was first sent from the update
 * itself. Every way of submitting sets it; a resubmission after a return keeps the first time, so a
 * report first sent on time and sent again after the due day still counts as on time.
 */

let t: TestDatabase;
let staff: SessionUser;
let head: SessionUser;
let reviewer: SessionUser;
let setId: number;
let nodes: number[];

const ON_TIME = new Date("2019-01-10T15:30:00Z"); // 23:30 on 2018-Q4's staff due day, in Taipei
const LATE = new Date("2019-01-12T02:00:00Z"); // two days after it
const NOW = new Date("2019-02-01T04:00:00Z");

const fields = (narrative: string): ProgressFields => ({
  period: { year: 2018, quarter: 4 },
  status: "on_track",
  percent: 40,
  narrative,
  figures: [],
  evidenceLinks: [],
});

const firstSubmittedAt = async (entryId: number) =>
  (await t.db.progressEntry.findUniqueOrThrow({ where: { id: entryId }, select: { firstSubmittedAt: true } }))
    .firstSubmittedAt;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.db, "seeds");
  reviewer = await makeUser(t.db, "reviewer", "reviewer");
  staff = await makeUser(t.db, "secretariat", "staff", ["secretariat"]);
  head = await makeUser(t.db, "secretariat-head", "supervisor", ["secretariat"]);
  ({ setId } = await run(t.db, createTrackedSetCommand, reviewer, { name: "107 年度列管", year: "2018" }));
  nodes = (
    await t.db.trackedItem.findMany({
      where: { setId, leadDepartment: { slug: "secretariat" } },
      orderBy: { id: "asc" },
      take: 4,
      select: { nodeId: true },
    })
  ).map((i) => i.nodeId);
});
afterAll(async () => {
  await t?.dispose();
});

describe("the first submission is stored on the update", () => {
  it("is set by the submit step, and a resubmission after a return keeps it", async () => {
    const nodeId = nodes[0] ?? 0;
    const { entry } = await run(
      t.db,
      createProgressEntryCommand,
      staff,
      { nodeId, ...fields("第一次送出") },
      { now: new Date("2019-01-08T02:00:00Z") },
    );
    expect(await firstSubmittedAt(entry.id)).toBeNull(); // a draft has not been sent
    const sent = await run(
      t.db,
      submitProgressCommand,
      staff,
      { entryId: entry.id, expectedVersion: entry.version },
      { now: ON_TIME },
    );
    expect(await firstSubmittedAt(entry.id)).toEqual(ON_TIME);
    const returned = await run(
      t.db,
      returnProgressCommand,
      head,
      { entryId: entry.id, expectedVersion: sent.entry.version, comment: "請補充辦理數據" },
      { now: new Date("2019-01-11T02:00:00Z") },
    );
    // Fixed and sent again after the due day, through "save and submit".
    const again = await run(
      t.db,
      updateProgressEntryCommand,
      staff,
      {
        entryId: entry.id,
        expectedVersion: returned.entry.version,
        submit: true,
        ...fields("補充數據後再送出"),
      },
      { now: LATE },
    );
    expect(again.entry.state).toBe("submitted");
    expect(await firstSubmittedAt(entry.id)).toEqual(ON_TIME);
    const steps = await t.db.updateStep.findMany({
      where: { entryId: entry.id, action: "submit" },
      orderBy: { id: "asc" },
      select: { at: true },
    });
    expect(steps.map((s) => s.at)).toEqual([ON_TIME, LATE]); // both sends are in the history

    await run(t.db, approveProgressCommand, head, {
      entryId: entry.id,
      expectedVersion: again.entry.version,
    });
    const result = await getComplianceReport(t.db, reviewer, { setId, periodKey: "2018-Q4" }, NOW);
    if (result.status !== "ok") throw new Error("expected figures");
    const row = result.report.rows.find((r) => r.department.slug === "secretariat");
    expect(row?.counts).toMatchObject({ onTime: 1, late: 0, returned: 0 });
  });

  it("is set by save-and-submit and by the spreadsheet", async () => {
    const created = await run(
      t.db,
      createProgressEntryCommand,
      staff,
      { nodeId: nodes[1] ?? 0, submit: true, ...fields("新增即送出") },
      { now: LATE },
    );
    expect(await firstSubmittedAt(created.entry.id)).toEqual(LATE);

    const csv = toCsv(
      [...BULK_COLUMNS],
      [[nodes[2] ?? 0, "", "", "", "", "", "", 2018, 4, "", "", "on_track", "40", "整批填報"]],
    );
    await run(t.db, applyBulkUploadCommand, staff, { csv }, { now: ON_TIME });
    const bulk = await t.db.progressEntry.findFirstOrThrow({
      where: { nodeId: nodes[2] ?? 0 },
      select: { state: true, firstSubmittedAt: true },
    });
    expect(bulk).toEqual({ state: "submitted", firstSubmittedAt: ON_TIME });
  });

  it("is what the migration's backfill computes from the steps", async () => {
    const before = await t.db.progressEntry.findMany({
      orderBy: { id: "asc" },
      select: { id: true, firstSubmittedAt: true },
    });
    expect(before.some((e) => e.firstSubmittedAt !== null)).toBe(true);
    const sql = readFileSync("prisma/migrations/20261129170000_first_submission/migration.sql", "utf8");
    const backfill = /UPDATE "ProgressEntry"[\s\S]*?;/u.exec(sql)?.[0];
    if (!backfill) throw new Error("the migration has no backfill");
    await t.db.progressEntry.updateMany({ data: { firstSubmittedAt: null } });
    await t.db.$executeRawUnsafe(backfill);
    const after = await t.db.progressEntry.findMany({
      orderBy: { id: "asc" },
      select: { id: true, firstSubmittedAt: true },
    });
    expect(after).toEqual(before);
  });
});
