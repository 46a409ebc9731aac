import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PermissionDeniedError, type SessionUser } from "@/lib/auth/permissions";
import type { AnyCommand } from "@/lib/commands/command";
import type { AppError } from "@/lib/errors";
import { stageUploadCommand } from "@/lib/import/commands";
import { createTrackedSetCommand } from "@/lib/tracking/sets";
import { COMMANDS, type CommandName } from "@/lib/command-registry";
import { toCsv } from "@/lib/export/csv";
import { syncDepartments } from "@/lib/import/departments";
import { importDocument } from "@/lib/import/import-document";
import { addNoteCommand } from "@/lib/notes/councillor-notes";
import { BULK_COLUMNS } from "@/lib/progress/bulk";
import { approveProgressCommand, createProgressEntryCommand } from "@/lib/progress/commands";
import { proposePlanCommand } from "@/lib/progress/plans";
import { defineIndicatorCommand } from "@/lib/progress/indicators";
import { enrolSecondFactorCommand } from "@/lib/account/second-factor";
import { portalSecret } from "@/lib/auth/portal-secret";
import { totpCode } from "@/lib/auth/second-factor";
import { storeConfirmedSecondFactor } from "@/lib/auth/second-factor-store";
import { openSecret } from "@/lib/auth/secret-box";
import { run } from "../support/commands";
import { importText, midTermPlanFrom } from "../support/documents";
import { ASKERS, type Asker, makeAskers, makeUser, TEST_TOTP_SECRET } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The permission matrix, generated from the command registry: every command × every kind of asker.
 * A refusal must be a PermissionDeniedError (unauthenticated for a stranger, forbidden otherwise)
 * and leave every row of every table as it was; an allowed asker's call must succeed.
 */

let t: TestDatabase;
let askers: Record<Asker, SessionUser | null>;
let item: number; // a key point of the Secretariat's 2018 plan (seed 002)
let target: SessionUser; // the account the admin commands change
const NOW = new Date("2026-11-22T00:00:00Z");
const PERIOD = { year: 2018, quarter: 4 };
const fields = (narrative: string) => ({
  period: PERIOD,
  status: "on_track",
  percent: 20,
  narrative,
  figures: [],
  evidenceLinks: [],
});

/** Every row of every table, as one fingerprint per table. */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = await t.db.$queryRaw<Array<{ name: string }>>`
    SELECT table_name::text AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`;
  const prints: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await t.db.$queryRawUnsafe<Array<{ n: bigint; digest: string | null }>>(
      `SELECT count(*) AS n, md5(string_agg(r::text, '|' ORDER BY r::text)) AS digest FROM "${name}" r`,
    );
    prints[name] = `${row?.n ?? 0}:${row?.digest ?? ""}`;
  }
  return prints;
}

const as = (asker: Asker) => askers[asker];
const entryBy = async (asker: Asker) => {
  const author = OWNERS.includes(asker) ? as(asker) : askers.admin;
  return (
    await run(
      t.db,
      createProgressEntryCommand,
      author,
      { nodeId: item, ...fields(`${asker} 的進度`) },
      { now: NOW },
    )
  ).entry;
};
/** The item is tracked (a set of its year exists), so its updates can be submitted. */
let tracked: Promise<unknown> | undefined;
const trackItem = () =>
  (tracked ??= run(t.db, createTrackedSetCommand, askers.admin, { name: "簽核列管", year: "2018" }));
/** An update by the item's own staff, submitted for sign-off (and approved by its supervisor, if asked). */
const pendingEntry = async (approved = false) => {
  await trackItem();
  const { entry } = await run(
    t.db,
    createProgressEntryCommand,
    askers.ownStaff,
    { nodeId: item, submit: true, ...fields("待核可") },
    { now: NOW },
  );
  if (!approved) return { entryId: entry.id, expectedVersion: entry.version };
  const input = { entryId: entry.id, expectedVersion: entry.version };
  await run(t.db, approveProgressCommand, askers.ownSupervisor, input, { now: NOW });
  return input;
};
const noteBy = async (asker: Asker) => {
  const author = COUNCIL.includes(asker) ? as(asker) : askers.councillor;
  return run(t.db, addNoteCommand, author, { nodeId: item, body: `${asker} 的筆記` });
};
/** A tracked item of a fresh set, as a reviewer's form would name it. */
const trackedItem = async () => {
  const set = await run(t.db, createTrackedSetCommand, askers.admin, { name: "列管", year: "2018" });
  const item = await t.db.trackedItem.findFirstOrThrow({ where: { setId: set.setId }, select: { id: true } });
  return { itemId: item.id, expectedVersion: 1 };
};
/** A tracked item of a fresh 2018 set, its quarterly curve, and a proposal by its own staff. */
const PLAN_POINTS = [
  { periodEnd: "2018-03-31", percent: 10 },
  { periodEnd: "2018-06-30", percent: 40 },
  { periodEnd: "2018-09-30", percent: 70 },
  { periodEnd: "2018-12-31", percent: 100 },
];
const planItem = async () => {
  const set = await run(t.db, createTrackedSetCommand, askers.admin, { name: "預定進度", year: "2018" });
  return (
    await t.db.trackedItem.findFirstOrThrow({
      where: { setId: set.setId, nodeId: item },
      select: { id: true },
    })
  ).id;
};
const proposedPlan = async () => {
  const trackedItemId = await planItem();
  const input = { trackedItemId, expectedVersion: 0, points: PLAN_POINTS };
  const plan = await run(t.db, proposePlanCommand, askers.ownStaff, input, { now: NOW });
  return { planId: plan.id };
};
/** An indicator of a fresh 2018 tracked item, defined by the item's own staff. */
const INDICATOR = {
  name: "市民滿意度",
  unit: "%",
  direction: "higher_better",
  baseline: 60,
  targets: [{ year: 2018, value: 75 }],
};
const definedIndicator = async () => {
  const trackedItemId = await planItem();
  return run(t.db, defineIndicatorCommand, askers.ownStaff, { trackedItemId, ...INDICATOR }, { now: NOW });
};
const PLAN = readFileSync("seeds/002_edb18fdb8a68a56c.txt");
const planFile = () => ({ fileName: "002.txt", file: new Blob([PLAN]) });
const bulkCsv = () =>
  toCsv(
    [...BULK_COLUMNS],
    [[item, "", "", "", "", "", "", PERIOD.year, PERIOD.quarter, "", "", "on_track", "40", "整批填報"]],
  );

/**
 * allowed: who may; everyone else is refused by can(), except `unseen`: askers to whom the resource
 * is invisible (another uploader's staged file), refused as not found. Either way nothing changes.
 */
type Fixture = { allowed: readonly Asker[]; unseen?: readonly Asker[]; input: (asker: Asker) => unknown };
const STAFF_WORKSPACE: readonly Asker[] = [
  "ownStaff",
  "otherStaff",
  "ownSupervisor",
  "otherSupervisor",
  "admin",
];
const OWNERS: readonly Asker[] = ["ownStaff", "ownSupervisor", "admin"];
const COUNCIL: readonly Asker[] = ["councillor", "admin"];
const REVIEWERS: readonly Asker[] = ["reviewer", "admin"];
const SUPERVISORS: readonly Asker[] = ["ownSupervisor", "admin"];
/** Which strategies an item serves: the item's departments and the 研考會. */
const LINK_DECIDERS: readonly Asker[] = ["ownStaff", "ownSupervisor", "reviewer", "admin"];
/** A strategy of the generated 2017–2020 mid-term plan, which shares the item's year (2018). */
const strategyNo = async (n: number) =>
  (
    await t.db.planNode.findFirstOrThrow({
      where: { kind: "strategy", document: { kind: "mid_term_plan" } },
      orderBy: { lineFrom: "asc" },
      skip: n,
      select: { id: true },
    })
  ).id;
/** The item → strategy pair as a fresh suggestion, whatever an earlier asker decided. */
const suggestion = async () => {
  const pair = { fromNodeId: item, toNodeId: await strategyNo(0), kind: "serves" as const };
  const link = await t.db.nodeLink.upsert({
    where: { fromNodeId_toNodeId_kind: pair },
    create: { ...pair, origin: "suggested", score: 0.3 },
    update: { origin: "suggested", confirmedById: null, confirmedAt: null },
  });
  return { linkId: link.id, decision: "confirmed", expectedOrigin: "suggested" };
};

const SIGNED_IN: readonly Asker[] = ASKERS.filter((a) => a !== "anonymous");
/** Roles that may go without a second factor, and so turn theirs off. */
const MAY_DISABLE: readonly Asker[] = SIGNED_IN.filter((a) => a !== "admin" && a !== "reviewer");
/** The asker's second factor enrolled with the tests' known secret (a fresh replay guard). */
const enrolled = async (asker: Asker) => {
  const user = as(asker);
  if (user) await storeConfirmedSecondFactor(t.db, user.id, TEST_TOTP_SECRET, portalSecret(), NOW);
};
/** The asker half-way through enrolment: a fresh secret, and the code their app would show. */
const enrolling = async (asker: Asker) => {
  const user = as(asker);
  if (!user) return { code: "123456" };
  await t.db.secondFactor.deleteMany({ where: { userId: user.id } });
  await run(t.db, enrolSecondFactorCommand, user, {}, { now: NOW });
  const { secret } = await t.db.secondFactor.findUniqueOrThrow({ where: { userId: user.id } });
  return { code: await totpCode(openSecret(secret, portalSecret()) ?? "", NOW) };
};

const FIXTURES: Record<CommandName, Fixture> = {
  "auth.sign-in": { allowed: ASKERS, input: () => ({ email: "nobody@example.test", password: "not it" }) },
  "auth.sign-out": { allowed: ASKERS, input: () => ({}) },
  // A forged challenge: answered "expired", nothing written, for anyone.
  "auth.second-factor": {
    allowed: ASKERS,
    input: () => ({ challenge: "1.0.99999999999.forged", code: "123456" }),
  },
  "account.set-reminders": {
    allowed: SIGNED_IN, // every signed-in user, for themselves
    input: () => ({ remindersOff: true }),
  },
  "account.second-factor-enrol": {
    allowed: SIGNED_IN,
    input: async (a) => {
      const user = as(a);
      if (user) await t.db.secondFactor.deleteMany({ where: { userId: user.id } });
      return {};
    },
  },
  "account.second-factor-confirm": { allowed: SIGNED_IN, input: enrolling },
  "account.recovery-codes": {
    allowed: SIGNED_IN,
    input: async (a) => {
      await enrolled(a);
      return {};
    },
  },
  "account.second-factor-disable": {
    allowed: MAY_DISABLE,
    input: async (a) => {
      await enrolled(a);
      return { code: await totpCode(TEST_TOTP_SECRET, NOW) };
    },
  },
  "progress.create": { allowed: OWNERS, input: (a) => ({ nodeId: item, ...fields(`${a} 新增`) }) },
  "progress.update": {
    allowed: OWNERS,
    input: async (a) => {
      const entry = await entryBy(a);
      return { entryId: entry.id, expectedVersion: entry.version, ...fields(`${a} 修改`) };
    },
  },
  "progress.withdraw": {
    allowed: OWNERS,
    input: async (a) => {
      const entry = await entryBy(a);
      return { entryId: entry.id, expectedVersion: entry.version, reason: "重複" };
    },
  },
  "progress.submit": {
    allowed: OWNERS,
    input: async (a) => {
      await trackItem();
      const entry = await entryBy(a);
      return { entryId: entry.id, expectedVersion: entry.version };
    },
  },
  "progress.approve": { allowed: SUPERVISORS, input: () => pendingEntry() },
  "progress.return": {
    allowed: SUPERVISORS,
    input: async () => ({ ...(await pendingEntry()), comment: "請補充數據" }),
  },
  "progress.publish": { allowed: REVIEWERS, input: () => pendingEntry(true) },
  "progress.override-light": {
    allowed: SUPERVISORS,
    input: async () => ({ entryId: (await pendingEntry()).entryId, light: "green", reason: "工程提前完工" }),
  },
  "plan.propose": {
    allowed: OWNERS,
    input: async () => ({ trackedItemId: await planItem(), expectedVersion: 0, points: PLAN_POINTS }),
  },
  "plan.approve": { allowed: SUPERVISORS, input: () => proposedPlan() },
  "plan.return": {
    allowed: SUPERVISORS,
    input: async () => ({ ...(await proposedPlan()), comment: "第 2 季進度請再確認" }),
  },
  "indicator.define": {
    allowed: LINK_DECIDERS, // the item's departments and the 研考會
    input: async () => ({ trackedItemId: await planItem(), ...INDICATOR }),
  },
  "indicator.update": {
    allowed: LINK_DECIDERS,
    input: async () => ({
      indicatorId: (await definedIndicator()).id,
      expectedVersion: 1,
      ...INDICATOR,
      targets: [{ year: 2018, value: 80 }],
      reason: "依議會決議提高目標",
    }),
  },
  "indicator.record": {
    allowed: OWNERS, // the item's departments' staff and supervisors
    input: async () => ({
      indicatorId: (await definedIndicator()).id,
      periodEnd: "2018-06-30",
      value: 68,
      expectedRevision: 0,
    }),
  },
  "progress.bulk-preview": { allowed: STAFF_WORKSPACE, input: () => ({ file: new Blob([bulkCsv()]) }) },
  "progress.bulk-apply": { allowed: STAFF_WORKSPACE, input: () => ({ csv: bulkCsv() }) },
  "user.create": {
    allowed: ["admin"],
    input: (a) => ({
      email: `new-${a}@example.test`,
      name: "新同仁",
      role: "staff",
      password: "a long enough passphrase",
      departments: ["secretariat"],
    }),
  },
  "user.update": {
    allowed: ["admin"],
    input: () => ({ userId: target.id, name: "改名", role: "staff", active: true, departments: [] }),
  },
  "user.password-reset": {
    allowed: ["admin"],
    input: () => ({ userId: target.id, password: "another long passphrase" }),
  },
  "user.second-factor-reset": { allowed: ["admin"], input: () => ({ userId: target.id }) },
  "note.create": { allowed: COUNCIL, input: (a) => ({ nodeId: item, body: `${a} 的筆記` }) },
  "note.update": {
    allowed: COUNCIL,
    input: async (a) => ({ noteId: (await noteBy(a)).id, body: "改寫" }),
  },
  "note.delete": { allowed: COUNCIL, input: async (a) => ({ noteId: (await noteBy(a)).id }) },
  "document.stage": { allowed: OWNERS, input: () => planFile() },
  "document.confirm": {
    allowed: OWNERS,
    unseen: ["otherStaff", "otherSupervisor"],
    input: async (a) => {
      const uploader = OWNERS.includes(a) ? as(a) : askers.ownStaff;
      return { checksum: (await run(t.db, stageUploadCommand, uploader, planFile())).checksum };
    },
  },
  "document.import": { allowed: OWNERS, input: () => planFile() },
  "tracking.create-set": { allowed: REVIEWERS, input: (a) => ({ name: `${a} 列管`, year: "2018" }) },
  "tracking.assign-lead": {
    allowed: REVIEWERS,
    input: async () => ({ ...(await trackedItem()), lead: "secretariat", co: ["transportation"] }),
  },
  "tracking.close-item": {
    allowed: REVIEWERS,
    input: async () => ({ ...(await trackedItem()), reason: "已完成" }),
  },
  "tracking.set-weight": { allowed: REVIEWERS, input: async () => ({ ...(await trackedItem()), weight: 3 }) },
  "link.decide": { allowed: LINK_DECIDERS, input: () => suggestion() },
  "link.add": {
    allowed: LINK_DECIDERS,
    input: async () => {
      const strategyId = await strategyNo(1);
      await t.db.nodeLink.deleteMany({ where: { fromNodeId: item, toNodeId: strategyId } });
      return { itemId: item, strategyId };
    },
  },
  "tracking.update-set": {
    allowed: REVIEWERS,
    input: async () => {
      const set = await run(t.db, createTrackedSetCommand, askers.admin, { name: "改期限", year: "2018" });
      const days = { staffDueDays: "12", supervisorDueDays: "16", reviewDueDays: "21", graceDays: "4" };
      return { setId: set.setId, expectedVersion: 1, ...days };
    },
  },
  "tracking.set-department-review": {
    allowed: REVIEWERS,
    // The value the department does not have yet, so an allowed asker's call changes it.
    input: async () => {
      const { updatesNeedReview } = await t.db.department.findUniqueOrThrow({
        where: { slug: "secretariat" },
        select: { updatesNeedReview: true },
      });
      return { department: "secretariat", updatesNeedReview: String(!updatesNeedReview) };
    },
  },
};

beforeAll(async () => {
  t = await createTestDatabase();
  await syncDepartments(t.db);
  await importDocument(t.db, { fileName: "002.txt", bytes: PLAN });
  await importText(t.db, "mid-term-106.txt", midTermPlanFrom(106));
  askers = await makeAskers(t.db);
  target = await makeUser(t.db, "target", "staff", ["secretariat"]);
  item = (
    await t.db.planNode.findFirstOrThrow({
      where: { kind: "key_point", department: { slug: "secretariat" } },
      orderBy: { lineFrom: "asc" },
      select: { id: true },
    })
  ).id;
});
afterAll(async () => {
  await t?.dispose();
});

describe("the command registry", () => {
  it("has a permission fixture for every command, and no fixture without a command", () => {
    expect(Object.keys(FIXTURES).sort()).toEqual(COMMANDS.map((c) => c.name).sort());
  });

  it("names each command once", () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

const cases = COMMANDS.map((command): [CommandName, AnyCommand, Fixture] => {
  const fixture = FIXTURES[command.name] as Fixture | undefined;
  if (!fixture) throw new Error(`${command.name} has no permission fixture: add one to FIXTURES`);
  return [command.name, command, fixture];
});

describe.each(cases)("%s", (_name, command, fixture) => {
  it.each(ASKERS)("as %s", async (asker) => {
    const input = await fixture.input(asker);
    if (fixture.allowed.includes(asker)) {
      await expect(run(t.db, command, as(asker), input, { now: NOW })).resolves.not.toThrow();
      return;
    }
    const before = await fingerprint();
    const refusal = await run(t.db, command, as(asker), input, { now: NOW }).then(
      () => null,
      (error: unknown) => error,
    );
    if (fixture.unseen?.includes(asker)) {
      expect((refusal as AppError).code).toMatch(/^(not_found|upload_expired)$/u);
    } else {
      expect(refusal).toBeInstanceOf(PermissionDeniedError);
      expect((refusal as AppError).code).toBe(asker === "anonymous" ? "unauthenticated" : "forbidden");
    }
    expect(await fingerprint()).toEqual(before);
  });
});
