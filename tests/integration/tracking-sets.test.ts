import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { seedDatabase } from "@/lib/import/seed";
import {
  assignLeadCommand,
  setWeightCommand,
  closeTrackedItemCommand,
  createTrackedSetCommand,
  getTrackedSet,
  TrackingRuleError,
} from "@/lib/tracking/sets";
import { run } from "../support/commands";
import { makeUser } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
let reviewer: SessionUser;

const counts = async () => ({
  sets: await t.db.trackedSet.count(),
  items: await t.db.trackedItem.count(),
  cycles: await t.db.reportingCycle.count(),
  audits: await t.db.auditEvent.count(),
});
const createSet = (input: Record<string, unknown>) =>
  run(t.db, createTrackedSetCommand, reviewer, { name: "115 年度列管", year: "2026", ...input });
const ruleOf = (error: unknown) => (error instanceof TrackingRuleError ? error.rule : error);

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.db, "seeds");
  reviewer = await makeUser(t.db, "reviewer", "reviewer");
});
afterAll(async () => {
  await t?.dispose();
});

describe("putting a year's plans under tracking", () => {
  it("tracks the mid-term strategies covering 2026, each waiting for a lead department, on quarterly cycles", async () => {
    const created = await createSet({});
    // The seeds' only plan covering 2026 is the 2023–26 mid-term plan: its 28 strategies name no department.
    expect(created).toMatchObject({ items: 28, unassigned: 28, cycles: 4 });
    const set = await getTrackedSet(t.db, reviewer, created.setId);
    expect(set?.items.every((i) => i.node.kind === "strategy" && i.leadDepartment === null)).toBe(true);
    expect(set?.cycles.map((c) => c.periodKey)).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
    expect(set?.cycles[0]?.staffDue.toISOString().slice(0, 10)).toBe("2026-04-10");
  });

  it("dates each step of each cycle after the period ends, across the year end", async () => {
    const { setId } = await createSet({ cadence: "quarterly" });
    const set = await getTrackedSet(t.db, reviewer, setId);
    const q4 = set?.cycles.at(-1);
    const day = (d: Date | undefined) => d?.toISOString().slice(0, 10);
    expect([
      q4?.periodKey,
      day(q4?.staffDue),
      day(q4?.supervisorDue),
      day(q4?.reviewDue),
      day(q4?.lateAfter),
    ]).toEqual(["2026-Q4", "2027-01-10", "2027-01-15", "2027-01-20", "2027-01-15"]);
  });

  it("takes the lead department the document names (a department plan's key points)", async () => {
    const { setId, items, unassigned } = await createSet({
      name: "107 年度",
      year: "2018",
      cadence: "half_yearly",
    });
    expect(items).toBeGreaterThan(0);
    expect(unassigned).toBe(0);
    const set = await getTrackedSet(t.db, reviewer, setId);
    expect(new Set(set?.items.map((i) => i.leadDepartment?.slug))).toEqual(new Set(["secretariat"]));
    expect(set?.cycles.map((c) => c.periodKey)).toEqual(["2018-H1", "2018-H2"]);
  });

  it.each([
    ["due dates out of order", { staffDueDays: "20", supervisorDueDays: "10" }, "dueDatesOutOfOrder"],
    ["a due date too far out", { reviewDueDays: "400" }, "dueDaysOutOfRange"],
    ["a year with nothing to track", { year: "2030" }, "nothingToTrack"],
  ])("refuses %s, naming the rule, and writes nothing", async (_name, input, rule) => {
    const before = await counts();
    await expect(createSet(input).catch(ruleOf)).resolves.toBe(rule);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["days that are not numbers", { staffDueDays: "ten" }, "staffDueDays"],
    ["an unknown cadence", { cadence: "weekly" }, "cadence"],
    ["a year out of range", { year: "1850" }, "year"],
    ["no name", { name: "  " }, "name"],
  ])("refuses %s as a field error", async (_name, input, field) => {
    const before = await counts();
    const error = await createSet(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(Object.keys((error as AppError).fields)).toContain(field);
    expect(await counts()).toEqual(before);
  });
});

describe("lead departments and closing", () => {
  const firstItem = async () => {
    const { setId } = await createSet({ name: "指派測試" });
    return t.db.trackedItem.findFirstOrThrow({ where: { setId }, select: { id: true, version: true } });
  };

  it("assigns a lead and co-departments (never the lead twice), audited", async () => {
    const item = await firstItem();
    await run(t.db, assignLeadCommand, reviewer, {
      itemId: item.id,
      expectedVersion: item.version,
      lead: "transportation",
      co: ["secretariat", "transportation"],
    });
    const saved = await t.db.trackedItem.findUniqueOrThrow({
      where: { id: item.id },
      select: { version: true, leadDepartment: { select: { slug: true } }, coDepartmentIds: true },
    });
    const secretariat = await t.db.department.findUniqueOrThrow({ where: { slug: "secretariat" } });
    expect(saved).toMatchObject({ version: 2, leadDepartment: { slug: "transportation" } });
    expect(saved.coDepartmentIds).toEqual([secretariat.id]);
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "tracking.assign-lead", entityId: String(item.id) },
    });
    expect(audit.actorId).toBe(reviewer.id);
  });

  it("two reviewers saving the same item at once: one wins, the other is told", async () => {
    const item = await firstItem();
    const save = (lead: string) =>
      run(t.db, assignLeadCommand, reviewer, { itemId: item.id, expectedVersion: item.version, lead }).then(
        () => "saved",
        (e: unknown) => (e instanceof AppError ? e.code : e),
      );
    const outcomes = await Promise.all([save("secretariat"), save("transportation")]);
    expect(outcomes.sort()).toEqual(["conflict", "saved"]);
  });

  it("closes an item with its reason; a closed item can no longer change", async () => {
    const item = await firstItem();
    await expect(
      run(t.db, closeTrackedItemCommand, reviewer, { itemId: item.id, expectedVersion: 1, reason: "  " }),
    ).rejects.toMatchObject({ code: "invalid_input", fields: { reason: "closeReasonRequired" } });
    await run(t.db, closeTrackedItemCommand, reviewer, {
      itemId: item.id,
      expectedVersion: 1,
      reason: "併入他案",
    });
    const before = await counts();
    await expect(
      run(t.db, assignLeadCommand, reviewer, {
        itemId: item.id,
        expectedVersion: 2,
        lead: "secretariat",
      }).catch(ruleOf),
    ).resolves.toBe("itemClosed");
    expect(await counts()).toEqual(before);
    expect(await t.db.trackedItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      state: "closed",
      closedReason: "併入他案",
      closedById: reviewer.id,
    });
  });

  it("refuses an unknown department or item", async () => {
    const item = await firstItem();
    await expect(
      run(t.db, assignLeadCommand, reviewer, {
        itemId: item.id,
        expectedVersion: 1,
        lead: "no-such-department",
      }),
    ).rejects.toMatchObject({ code: "invalid_input", fields: { lead: "department" } });
    await expect(
      run(t.db, assignLeadCommand, reviewer, {
        itemId: 2_000_000_000,
        expectedVersion: 1,
        lead: "secretariat",
      }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("sets an item's weight in roll-ups, audited; refuses anything but a whole number from 0 to 100", async () => {
    const item = await firstItem();
    const before = await counts();
    for (const weight of [-1, 101, 1.5, "三", "", null]) {
      await expect(
        run(t.db, setWeightCommand, reviewer, { itemId: item.id, expectedVersion: item.version, weight }),
        String(weight),
      ).rejects.toMatchObject({ code: "invalid_input", fields: { weight: "weight" } });
    }
    expect(await counts()).toEqual(before);
    await run(t.db, setWeightCommand, reviewer, {
      itemId: item.id,
      expectedVersion: item.version,
      weight: "4",
    });
    expect(
      await t.db.trackedItem.findUniqueOrThrow({
        where: { id: item.id },
        select: { weight: true, version: true },
      }),
    ).toEqual({ weight: 4, version: item.version + 1 });
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "tracking.set-weight", entityId: String(item.id) },
    });
    expect(audit.after).toEqual({ weight: 4 });
  });
});
