import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/permissions";
import { loadSessionUser } from "@/lib/auth/session-user";
import { parseCsv } from "@/lib/export/csv-parse";
import { toCsv } from "@/lib/export/csv";
import { seedDatabase } from "@/lib/import/seed";
import {
  BULK_COLUMNS,
  BulkFileError,
  bulkTemplate,
  decodeBulkFile,
  previewBulkUpload,
} from "@/lib/progress/bulk";
import { applyBulkUploadCommand, updateProgressEntryCommand } from "@/lib/progress/commands";
import { run } from "../support/commands";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
let staff: SessionUser;
let secretariat: { id: number; slug: string; nameZh: string };
const meta = { ip: "203.0.113.9", userAgent: "vitest" };
const NOW = new Date("2026-11-22T00:00:00Z");
const PERIOD = { year: 2018, quarter: 4 }; // the Secretariat's 2018 plan (seed 002)

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.db, "seeds");
  secretariat = await t.db.department.findUniqueOrThrow({
    where: { slug: "secretariat" },
    select: { id: true, slug: true, nameZh: true },
  });
  const user = await t.db.user.create({
    data: {
      email: "bulk@example.test",
      name: "Bulk",
      role: "staff",
      passwordHash: "unused",
      memberships: { create: { departmentId: secretariat.id } },
    },
  });
  const session = await loadSessionUser(t.db, user.id, 0);
  if (!session) throw new Error("fixture");
  staff = session;
});
afterAll(async () => {
  await t?.dispose();
});

const counts = async () => ({
  entries: await t.db.progressEntry.count(),
  versions: await t.db.progressEntryVersion.count(),
  audits: await t.db.auditEvent.count(),
});

/** The downloaded template as rows of named cells, to edit like a spreadsheet would. */
async function download() {
  const template = await bulkTemplate(t.db, staff, secretariat, PERIOD);
  const [header, ...rows] = parseCsv(template.csv);
  return { header: header ?? [], rows, template };
}
const col = (name: (typeof BULK_COLUMNS)[number]) => BULK_COLUMNS.indexOf(name);
function edit(row: string[], values: Partial<Record<(typeof BULK_COLUMNS)[number], string>>): string[] {
  const copy = [...row];
  for (const [name, value] of Object.entries(values))
    copy[col(name as (typeof BULK_COLUMNS)[number])] = value;
  return copy;
}

describe("bulk progress by spreadsheet", () => {
  it("downloads one row per item of the department's plans for that year", async () => {
    const { header, rows, template } = await download();
    expect(header).toEqual([...BULK_COLUMNS]);
    expect(rows.length).toBeGreaterThan(10);
    expect(template.fileName).toBe("progress-secretariat-2018-q4.csv");
    expect(new Set(rows.map((r) => r[col("period_year")]))).toEqual(new Set(["2018"]));
  });

  it("previews every change and every refused row with its reason, writing nothing", async () => {
    const { header, rows } = await download();
    const [a, b, c, d] = rows as [string[], string[], string[], string[]];
    const uploaded = [
      edit(a, { status: "進行中", percent: "30", narrative: "完成第一階段" }),
      edit(b, { status: "delayed", percent: "10", narrative: "招標流標，重新辦理" }),
      edit(c, { status: "on_track", percent: "150", narrative: "百分比錯誤" }),
      edit(d, { status: "", narrative: "" }), // left blank: nothing to record
      edit(b, { status: "completed", percent: "100", narrative: "重複的列" }),
      edit(a, { node_id: "999999", status: "on_track", narrative: "不存在的項目" }),
      edit(c, { status: "on_track", narrative: "未來的期間", period_year: "2019" }),
    ];
    const before = await counts();
    const preview = await previewBulkUpload(t.db, staff, toCsv(header, uploaded), NOW);
    expect(await counts()).toEqual(before);
    expect(preview.rows.map((r) => [r.line, r.action, r.reasons.map((x) => x.key)])).toEqual([
      [2, "create", []],
      [3, "create", []],
      [4, "rejected", ["percent"]],
      [5, "unchanged", []],
      [6, "rejected", ["duplicateRow"]],
      [7, "rejected", ["unknownNode"]],
      [8, "rejected", ["periodOutsidePlan"]],
    ]);
    expect(preview).toMatchObject({ accepted: 2, rejected: 4, unchanged: 1 });
    expect(preview.rows[0]?.changes).toContainEqual({
      field: "status",
      first: true,
      before: null,
      after: "on_track",
    });
  });

  it("applies the accepted rows in one transaction, and a second download carries them", async () => {
    const { header, rows } = await download();
    const [a, b] = rows as [string[], string[]];
    const uploaded = [
      edit(a, { status: "on_track", percent: "30", narrative: "完成第一階段" }),
      edit(b, { status: "delayed", percent: "10", narrative: "招標流標" }),
    ];
    const result = await run(
      t.db,
      applyBulkUploadCommand,
      staff,
      { csv: toCsv(header, uploaded) },
      { meta, now: NOW },
    );
    expect(result).toMatchObject({ created: 2, updated: 0 });
    expect(result.impact.departmentSlugs).toEqual(["secretariat"]);
    const audits = await t.db.auditEvent.count({ where: { action: "progress.create", actorId: staff.id } });
    expect(audits).toBe(2);

    const again = await download();
    const filled = again.rows.filter((r) => r[col("entry_id")] !== "");
    expect(filled.map((r) => [r[col("status")], r[col("percent")], r[col("entry_version")]])).toEqual([
      ["on_track", "30", "1"],
      ["delayed", "10", "1"],
    ]);

    // Change one, leave the other as downloaded: one update, one unchanged.
    const changed = again.rows.map((r) =>
      r === filled[0] ? edit(r, { percent: "45", narrative: "完成第二階段" }) : r,
    );
    const second = await run(
      t.db,
      applyBulkUploadCommand,
      staff,
      { csv: toCsv(again.header, changed) },
      { meta, now: NOW },
    );
    expect(second).toMatchObject({ created: 0, updated: 1 });
    expect(second.preview.unchanged).toBe(again.rows.length - 1);
  });

  it("refuses a row someone changed after the download, and never overwrites it", async () => {
    const { header, rows } = await download();
    const row = rows.find((r) => r[col("entry_id")] !== "") as string[];
    const entryId = Number(row[col("entry_id")]);
    const current = await t.db.progressEntry.findUniqueOrThrow({ where: { id: entryId } });
    await run(
      t.db,
      updateProgressEntryCommand,
      staff,
      {
        entryId,
        expectedVersion: current.version,
        period: PERIOD,
        status: "completed",
        percent: 100,
        narrative: "同事先完成了",
        figures: [],
        evidenceLinks: [],
      },
      { meta, now: NOW },
    );
    const result = await run(
      t.db,
      applyBulkUploadCommand,
      staff,
      { csv: toCsv(header, [edit(row, { narrative: "我的舊版本" })]) },
      { meta, now: NOW },
    );
    expect(result.updated).toBe(0);
    expect(result.preview.rows[0]).toMatchObject({
      action: "rejected",
      reasons: [{ key: "changedSinceDownload" }],
    });
    expect((await t.db.progressEntry.findUniqueOrThrow({ where: { id: entryId } })).narrative).toBe(
      "同事先完成了",
    );
  });

  it.each(["abc", "12x", "-1", "0", "1e3", "99999999999"])(
    "refuses the row whose entry_id is %s, and previews and applies the others",
    async (entryId) => {
      const { header, rows } = await download();
      const [a, b] = rows as [string[], string[]];
      const uploaded = [
        edit(a, { entry_id: entryId, entry_version: "1", status: "on_track", narrative: "編號錯誤" }),
        edit(b, { status: "on_track", percent: "5", narrative: `另一列 ${entryId}` }),
      ];
      const preview = await previewBulkUpload(t.db, staff, toCsv(header, uploaded), NOW);
      expect(preview.rows.map((r) => [r.action, r.reasons.map((x) => x.key)])).toEqual([
        ["rejected", ["badEntryId"]],
        [expect.stringMatching(/^(create|update|unchanged)$/u), []],
      ]);
      const before = await counts();
      const applied = await run(
        t.db,
        applyBulkUploadCommand,
        staff,
        { csv: toCsv(header, uploaded) },
        { meta, now: NOW },
      );
      expect(applied.preview.rows[0]).toMatchObject({ action: "rejected", reasons: [{ key: "badEntryId" }] });
      expect((await counts()).entries - before.entries).toBe(applied.created);
    },
  );

  it("refuses another department's items row by row", async () => {
    const other = await t.db.planNode.findFirstOrThrow({
      where: { kind: "agenda_item", department: { slug: "transportation" } },
      select: { id: true },
    });
    const { header, rows } = await download();
    const row = edit(rows[0] as string[], {
      node_id: String(other.id),
      status: "on_track",
      narrative: "越權",
    });
    const preview = await previewBulkUpload(t.db, staff, toCsv(header, [row]), NOW);
    expect(preview.rows[0]).toMatchObject({ action: "rejected", reasons: [{ key: "forbidden" }] });
  });

  it.each([
    ["a file that is not UTF-8", new Uint8Array([0xff, 0xfe, 0x00, 0x41]), "notUtf8"],
    ["a file over the size limit", new Uint8Array(1_000_001), "tooLarge"],
  ])("refuses %s as a whole", (_name, bytes, code) => {
    expect(() => decodeBulkFile(bytes)).toThrow(expect.objectContaining({ reason: code }) as Error);
  });

  it.each([
    ["a CSV without the needed columns", "node_id,status\n1,on_track\n", "missingColumns"],
    ["an unclosed quote", `${BULK_COLUMNS.join(",")}\n1,"unclosed\n`, "csvSyntax"],
    ["an empty file", "", "empty"],
  ])("refuses %s as a whole, writing nothing", async (_name, text, code) => {
    const before = await counts();
    await expect(
      run(t.db, applyBulkUploadCommand, staff, { csv: text }, { meta, now: NOW }),
    ).rejects.toSatisfy((e) => e instanceof BulkFileError && e.reason === code);
    expect(await counts()).toEqual(before);
  });
});
