import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PermissionDeniedError, type SessionUser } from "@/lib/auth/permissions";
import { loadSessionUser } from "@/lib/auth/session-user";
import type { Role } from "@/lib/generated/prisma/enums";
import { seedDatabase } from "@/lib/import/seed";
import {
  createProgressEntryCommand,
  updateProgressEntryCommand,
  withdrawProgressEntryCommand,
} from "@/lib/progress/commands";
import { progressImpactOf, ProgressConflictError, ProgressRuleError } from "@/lib/progress/entries";
import { getProgressHistory } from "@/lib/progress/history";
import { type ProgressFields, progressFields } from "@/lib/progress/schemas";
import { run } from "../support/commands";
import { makeUser } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
const users: Record<string, SessionUser> = {};
let secretariatItem: number; // an agenda item of the 2013 outline, owned by 秘書處
let cityWideStrategy: number; // a mid-term plan strategy no department owns
const meta = { ip: "203.0.113.7", userAgent: "vitest" };
const NOW = new Date("2026-11-22T00:00:00Z");

/** A fixture user from the shared factory, kept under its key. */
async function addUser(key: string, role: Role, departments: string[]) {
  users[key] = await makeUser(t.db, key, role, departments);
}

const fields = (overrides: Partial<ProgressFields> = {}): ProgressFields => ({
  period: { year: 2013, quarter: 4 },
  status: "on_track",
  percent: 50,
  narrative: "辦理公文線上簽核推廣",
  figures: [{ value: 12, unit: "場", label: "教育訓練" }],
  evidenceLinks: [{ url: "https://www.kcg.gov.tw/", title: null }],
  ...overrides,
});

const counts = async () => ({
  entries: await t.db.progressEntry.count(),
  versions: await t.db.progressEntryVersion.count(),
  audits: await t.db.auditEvent.count(),
});

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.db, "seeds");
  await addUser("admin", "admin", []);
  await addUser("secretariat", "staff", ["secretariat"]);
  await addUser("transport", "staff", ["transportation"]);
  await addUser("councillor", "councillor", []);
  secretariatItem = (
    await t.db.planNode.findFirstOrThrow({
      where: {
        kind: "agenda_item",
        department: { slug: "secretariat" },
        document: { kind: "policy_outline" },
      },
      orderBy: { lineFrom: "asc" },
      select: { id: true },
    })
  ).id;
  cityWideStrategy = (
    await t.db.planNode.findFirstOrThrow({
      where: { kind: "strategy", departmentId: null, document: { kind: "mid_term_plan" } },
      select: { id: true },
    })
  ).id;
});
afterAll(async () => {
  await t?.dispose();
});

describe("who may write progress (every write × every kind of user)", () => {
  const actors = ["admin", "secretariat", "transport", "councillor", "anonymous"] as const;
  const allowedOnDepartmentItem = new Set(["admin", "secretariat"]);
  const actor = (key: (typeof actors)[number]) => (key === "anonymous" ? null : (users[key] ?? null));

  it.each(actors)("create on a 秘書處 item as %s", async (key) => {
    const before = await counts();
    const attempt = run(
      t.db,
      createProgressEntryCommand,
      actor(key),
      { nodeId: secretariatItem, ...fields() },
      { meta, now: NOW },
    );
    if (allowedOnDepartmentItem.has(key)) {
      await expect(attempt).resolves.toMatchObject({ entry: { version: 1 } });
    } else {
      await expect(attempt).rejects.toBeInstanceOf(PermissionDeniedError);
      expect(await counts()).toEqual(before); // refused writes leave no trace but the refusal
    }
  });

  it.each(actors)("edit and withdraw a 秘書處 entry as %s", async (key) => {
    const { entry } = await run(
      t.db,
      createProgressEntryCommand,
      users.admin ?? null,
      { nodeId: secretariatItem, ...fields() },
      { meta, now: NOW },
    );
    const before = await counts();
    const edit = run(
      t.db,
      updateProgressEntryCommand,
      actor(key),
      { entryId: entry.id, expectedVersion: 1, ...fields({ percent: 70 }) },
      { meta, now: NOW },
    );
    const withdraw = () =>
      run(
        t.db,
        withdrawProgressEntryCommand,
        actor(key),
        { entryId: entry.id, expectedVersion: 2, reason: "重複填報" },
        { meta },
      );
    if (allowedOnDepartmentItem.has(key)) {
      await expect(edit).resolves.toMatchObject({ entry: { version: 2, percent: 70 } });
      await expect(withdraw()).resolves.toMatchObject({ entry: { version: 3, withdrawnReason: "重複填報" } });
    } else {
      await expect(edit).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(
        run(
          t.db,
          withdrawProgressEntryCommand,
          actor(key),
          { entryId: entry.id, expectedVersion: 1, reason: "x" },
          { meta },
        ),
      ).rejects.toBeInstanceOf(PermissionDeniedError);
      expect(await counts()).toEqual(before);
    }
  });

  it("a city-wide strategy (no owning department) is the administrators' alone", async () => {
    await expect(
      run(
        t.db,
        createProgressEntryCommand,
        users.secretariat ?? null,
        { nodeId: cityWideStrategy, ...fields({ period: { year: 2024, quarter: 1 } }) },
        { meta, now: NOW },
      ),
    ).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(
      run(
        t.db,
        createProgressEntryCommand,
        users.admin ?? null,
        { nodeId: cityWideStrategy, ...fields({ period: { year: 2024, quarter: 1 } }) },
        { meta, now: NOW },
      ),
    ).resolves.toMatchObject({ entry: { nodeId: cityWideStrategy } });
  });
});

describe("every write is versioned and audited in the same transaction", () => {
  it("create → edit → withdraw leaves three versions, three audit records and a readable history", async () => {
    const staff = users.secretariat ?? null;
    const created = await run(
      t.db,
      createProgressEntryCommand,
      staff,
      { nodeId: secretariatItem, ...fields() },
      { meta, now: NOW },
    );
    const id = created.entry.id;
    await run(
      t.db,
      updateProgressEntryCommand,
      staff,
      { entryId: id, expectedVersion: 1, ...fields({ status: "delayed", percent: 30 }) },
      { meta, now: NOW },
    );
    await run(
      t.db,
      withdrawProgressEntryCommand,
      staff,
      { entryId: id, expectedVersion: 2, reason: "填錯項目" },
      { meta },
    );

    const versions = await t.db.progressEntryVersion.findMany({
      where: { entryId: id },
      orderBy: { version: "asc" },
    });
    expect(versions.map((v) => [v.version, v.status, v.percent, v.withdrawnReason])).toEqual([
      [1, "on_track", 50, null],
      [2, "delayed", 30, null],
      [3, "delayed", 30, "填錯項目"],
    ]);
    const audits = await t.db.auditEvent.findMany({
      where: { entityType: "ProgressEntry", entityId: String(id) },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => [a.action, a.actorId, a.ip])).toEqual([
      ["progress.create", staff?.id, meta.ip],
      ["progress.update", staff?.id, meta.ip],
      ["progress.withdraw", staff?.id, meta.ip],
    ]);
    expect(audits[1]?.before).toMatchObject({ status: "on_track", percent: 50 });
    expect(audits[1]?.after).toMatchObject({ status: "delayed", percent: 30 });

    const history = await getProgressHistory(t.db, id);
    expect(history.map((h) => h.version)).toEqual([3, 2, 1]);
    expect(history[1]?.changes).toEqual([
      // Values as data (rendered with labels by lib/i18n/changes), no longer preformatted strings.
      { field: "status", first: false, before: "on_track", after: "delayed" },
      { field: "percent", first: false, before: 50, after: 30 },
    ]);
    expect(history[0]?.author).toEqual({ name: "secretariat", departments: ["秘書處"] });
  });

  it("a save that fails after the entry row was written leaves every table as it was", async () => {
    const before = await counts();
    // A node id that passes validation but does not exist fails inside the transaction.
    await expect(
      run(
        t.db,
        createProgressEntryCommand,
        users.admin ?? null,
        { nodeId: 2_000_000_000, ...fields() },
        { meta, now: NOW },
      ),
    ).rejects.toThrow(/No plan node/u);
    expect(await counts()).toEqual(before);
  });
});

describe("two people editing the same entry", () => {
  it("refuses the second save, writes nothing, and hands back the version that won", async () => {
    const { entry } = await run(
      t.db,
      createProgressEntryCommand,
      users.secretariat ?? null,
      { nodeId: secretariatItem, ...fields() },
      { meta, now: NOW },
    );
    // Both opened version 1; the admin saves first.
    await run(
      t.db,
      updateProgressEntryCommand,
      users.admin ?? null,
      { entryId: entry.id, expectedVersion: 1, ...fields({ narrative: "管理員的版本" }) },
      { meta, now: NOW },
    );
    const before = await counts();
    const second = run(
      t.db,
      updateProgressEntryCommand,
      users.secretariat ?? null,
      { entryId: entry.id, expectedVersion: 1, ...fields({ narrative: "承辦人的版本" }) },
      { meta, now: NOW },
    );
    await expect(second).rejects.toBeInstanceOf(ProgressConflictError);
    await second.catch((error: ProgressConflictError) => {
      expect(error.current).toMatchObject({ version: 2, narrative: "管理員的版本" });
    });
    expect(await counts()).toEqual(before);
    const saved = await t.db.progressEntry.findUniqueOrThrow({ where: { id: entry.id } });
    expect([saved.version, saved.narrative]).toEqual([2, "管理員的版本"]);
  });
});

describe("bad input is refused with a reason and writes nothing", () => {
  it.each([
    ["percent above 100", { percent: 150 }, "percent", "percent"],
    ["negative percent", { percent: -1 }, "percent", "percent"],
    ["empty narrative", { narrative: "   " }, "narrative", "narrativeRequired"],
    ["completed at 80%", { status: "completed" as const, percent: 80 }, "percent", "completedNeeds100"],
    [
      "a javascript: evidence link",
      { evidenceLinks: [{ url: "javascript:alert(1)", title: null }] },
      "evidenceLinks.0.url",
      "url",
    ],
    ["an over-long narrative", { narrative: "長".repeat(4001) }, "narrative", "tooLong"],
  ])("%s", (_name, override, path, message) => {
    const result = progressFields.safeParse({ ...fields(), ...override });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path.join(".") === path);
    expect(issue?.message).toBe(message);
  });

  it.each([
    ["a period that has not begun", { period: { year: 2027, quarter: 1 } }, "periodInFuture"],
    ["a period outside the plan's years", { period: { year: 2015, quarter: null } }, "periodOutsidePlan"],
  ])("%s", async (_name, override, code) => {
    const before = await counts();
    await expect(
      run(
        t.db,
        createProgressEntryCommand,
        users.secretariat ?? null,
        { nodeId: secretariatItem, ...fields(override) },
        { meta, now: NOW },
      ),
    ).rejects.toSatisfy((e) => e instanceof ProgressRuleError && e.rule === code);
    expect(await counts()).toEqual(before);
  });

  it("HTML and script in a narrative are stored as the text typed (pages render it escaped)", async () => {
    const narrative = `<img src=x onerror="alert(1)"><script>alert(2)</script>`;
    const { entry } = await run(
      t.db,
      createProgressEntryCommand,
      users.secretariat ?? null,
      { nodeId: secretariatItem, ...fields({ narrative }) },
      { meta, now: NOW },
    );
    expect(entry.narrative).toBe(narrative);
  });
});

describe("what a write makes stale", () => {
  it("names the node, its ancestors, its document and its department", async () => {
    const impact = await progressImpactOf(t.db, secretariatItem);
    const node = await t.db.planNode.findUniqueOrThrow({
      where: { id: secretariatItem },
      select: { parentId: true, documentId: true },
    });
    expect(impact.nodeIds).toContain(secretariatItem);
    expect(impact.nodeIds).toContain(node.parentId);
    expect(impact.documentIds).toContain(node.documentId);
    expect(impact.departmentSlugs).toEqual(["secretariat"]);
  });
});

describe("sessions end at once", () => {
  it("a disabled user's or an outdated session is no longer a user", async () => {
    const id = users.transport?.id ?? 0;
    expect(await loadSessionUser(t.db, id, 0)).not.toBeNull();
    await t.db.user.update({ where: { id }, data: { sessionVersion: { increment: 1 } } });
    expect(await loadSessionUser(t.db, id, 0)).toBeNull(); // e.g. signed out elsewhere, role changed
    expect(await loadSessionUser(t.db, id, 1)).not.toBeNull();
    await t.db.user.update({ where: { id }, data: { active: false } });
    expect(await loadSessionUser(t.db, id, 1)).toBeNull();
  });
});
