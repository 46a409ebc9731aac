import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/permissions";
import type { AppError } from "@/lib/errors";
import { syncDepartments } from "@/lib/import/departments";
import { importDocument } from "@/lib/import/import-document";
import {
  approveProgressCommand,
  createProgressEntryCommand,
  publishProgressCommand,
} from "@/lib/progress/commands";
import {
  defineIndicatorCommand,
  indicatorsOfNode,
  recordIndicatorCommand,
  updateIndicatorCommand,
} from "@/lib/progress/indicators";
import { getItemIndicators } from "@/lib/queries/indicators";
import { closeTrackedItemCommand, createTrackedSetCommand } from "@/lib/tracking/sets";
import { run } from "../support/commands";
import { makeUser } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Indicators (衡量指標): staff or the 研考會 define them, staff record an actual per period; a
 * changed definition and a corrected value are new rows with their reason, refusals name the field
 * and write nothing, and the public read shows only what a published update released.
 */

let t: TestDatabase;
let staff: SessionUser;
let head: SessionUser;
let reviewer: SessionUser;
let otherStaff: SessionUser;
let setId: number;
let keyPoints: number[];
const NOW = new Date("2026-11-22T00:00:00Z");
const at = (iso: string) => new Date(iso);
const SATISFACTION = {
  name: "市民滿意度",
  unit: "%",
  direction: "higher_better",
  baseline: 60,
  method: "年度電話調查",
  targets: [{ year: 2018, value: 80 }],
};

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error as AppError,
  );
const as = <T>(actor: SessionUser, command: Parameters<typeof run>[1], input: unknown, now = NOW) =>
  run(t.db, command, actor, input, { now }) as Promise<T>;
const itemOf = async (nodeId: number) =>
  (await t.db.trackedItem.findFirstOrThrow({ where: { setId, nodeId }, select: { id: true } })).id;
const define = (actor: SessionUser, trackedItemId: number, extra: object = {}, now = NOW) =>
  as<{ id: number; version: number }>(
    actor,
    defineIndicatorCommand,
    { trackedItemId, ...SATISFACTION, ...extra },
    now,
  );
const record = (actor: SessionUser, indicatorId: number, extra: object = {}, now = NOW) =>
  as<{ id: number; revision: number }>(
    actor,
    recordIndicatorCommand,
    { indicatorId, periodEnd: "2018-06-30", value: 70, expectedRevision: 0, ...extra },
    now,
  );
const writes = async () => ({
  indicators: JSON.stringify(await t.db.indicator.findMany({ orderBy: { id: "asc" } })),
  versions: await t.db.indicatorVersion.count(),
  values: await t.db.indicatorValue.count(),
  audits: await t.db.auditEvent.count(),
});
/** A published update of the node for a 2018 quarter, published at `when`. */
const publish = async (nodeId: number, quarter: number, when: Date) => {
  const { entry } = await as<{ entry: { id: number; version: number } }>(
    staff,
    createProgressEntryCommand,
    {
      nodeId,
      submit: true,
      period: { year: 2018, quarter },
      status: "on_track",
      percent: 25 * quarter,
      narrative: `第 ${quarter} 季`,
      figures: [],
      evidenceLinks: [],
    },
    when,
  );
  const ref = { entryId: entry.id, expectedVersion: entry.version };
  await as(head, approveProgressCommand, ref, when);
  const state = await t.db.progressEntry.findUniqueOrThrow({
    where: { id: entry.id },
    select: { state: true },
  });
  if (state.state !== "published") await as(reviewer, publishProgressCommand, ref, when);
};

beforeAll(async () => {
  t = await createTestDatabase();
  await syncDepartments(t.db);
  await importDocument(t.db, { fileName: "002.txt", bytes: readFileSync("seeds/002_edb18fdb8a68a56c.txt") });
  staff = await makeUser(t.db, "ind-staff", "staff", ["secretariat"]);
  head = await makeUser(t.db, "ind-head", "supervisor", ["secretariat"]);
  otherStaff = await makeUser(t.db, "ind-other", "staff", ["transportation"]);
  reviewer = await makeUser(t.db, "ind-reviewer", "reviewer");
  setId = (
    await as<{ setId: number }>(reviewer, createTrackedSetCommand, { name: "107 年度列管", year: "2018" })
  ).setId;
  keyPoints = (
    await t.db.planNode.findMany({
      where: { kind: "key_point", department: { slug: "secretariat" } },
      orderBy: { lineFrom: "asc" },
      select: { id: true },
      take: 6,
    })
  ).map((n) => n.id);
  expect(keyPoints).toHaveLength(6);
});
afterAll(async () => {
  await t?.dispose();
});

describe("defining and changing an indicator", () => {
  it("keeps every version of the definition, with the reason of a change, and audits both", async () => {
    const itemId = await itemOf(keyPoints[0] ?? 0);
    const indicator = await define(staff, itemId);
    const changed = await as<{ version: number }>(reviewer, updateIndicatorCommand, {
      indicatorId: indicator.id,
      expectedVersion: 1,
      ...SATISFACTION,
      targets: [{ year: 2018, value: 85 }],
      reason: "依議會決議提高目標",
    });
    expect(changed.version).toBe(2);
    const versions = await t.db.indicatorVersion.findMany({
      where: { indicatorId: indicator.id },
      orderBy: { version: "asc" },
      select: { version: true, targets: true, reason: true, authorId: true },
    });
    expect(versions).toEqual([
      { version: 1, targets: [{ year: 2018, value: 80 }], reason: null, authorId: staff.id },
      {
        version: 2,
        targets: [{ year: 2018, value: 85 }],
        reason: "依議會決議提高目標",
        authorId: reviewer.id,
      },
    ]);
    const audited = await t.db.auditEvent.findMany({
      where: { entityType: "Indicator", entityId: String(indicator.id) },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(audited.map((a) => a.action)).toEqual(["indicator.define", "indicator.update"]);
    const [view] = await indicatorsOfNode(t.db, keyPoints[0] ?? 0);
    expect(view?.indicators[0]?.history.map((h) => h.version)).toEqual([2, 1]);
    expect(view?.years).toEqual([2018]);
  });

  it.each([
    ["a target without a unit", { unit: "" }, { unit: "targetNeedsUnit" }],
    [
      "a target outside the span",
      { targets: [{ year: 2019, value: 90 }] },
      { targets: "targetOutsideTracking" },
    ],
    ["a target below a higher-is-better baseline", { baseline: 90 }, { targets: "targetAgainstDirection" }],
    ["a blank name", { name: "  " }, { name: "required" }],
    ["no direction", { direction: "up" }, { direction: "direction" }],
    [
      "a target that is not a number",
      { targets: [{ year: 2018, value: "八十" }] },
      { "targets.0.value": "number" },
    ],
  ] as const)("refuses %s, naming the field and writing nothing", async (_what, change, fields) => {
    const itemId = await itemOf(keyPoints[1] ?? 0);
    const before = await writes();
    const error = await refusal(define(staff, itemId, change));
    expect(error?.fields).toEqual(fields);
    expect(await writes()).toEqual(before);
  });

  it("refuses a change without a reason, a stale version, and any change on a closed item, writing nothing", async () => {
    const nodeId = keyPoints[2] ?? 0;
    const itemId = await itemOf(nodeId);
    const indicator = await define(staff, itemId);
    const change = { indicatorId: indicator.id, expectedVersion: 1, ...SATISFACTION };
    const before = await writes();
    expect((await refusal(as(staff, updateIndicatorCommand, change)))?.fields).toEqual({
      reason: "indicatorReasonRequired",
    });
    expect(
      (await refusal(as(staff, updateIndicatorCommand, { ...change, expectedVersion: 2, reason: "x" })))
        ?.code,
    ).toBe("conflict");
    expect(await writes()).toEqual(before);

    const item = await t.db.trackedItem.findUniqueOrThrow({
      where: { id: itemId },
      select: { version: true },
    });
    await as(reviewer, closeTrackedItemCommand, { itemId, expectedVersion: item.version, reason: "已完成" });
    const closed = await writes();
    expect((await refusal(as(staff, updateIndicatorCommand, { ...change, reason: "調整" })))?.fields).toEqual(
      {
        form: "itemClosed",
      },
    );
    expect((await refusal(record(staff, indicator.id)))?.fields).toEqual({ form: "itemClosed" });
    expect((await refusal(define(staff, itemId)))?.fields).toEqual({ form: "itemClosed" });
    expect(await writes()).toEqual(closed);
  });

  it("lets neither another department's staff nor a missing item through, writing nothing", async () => {
    const itemId = await itemOf(keyPoints[1] ?? 0);
    const before = await writes();
    expect((await refusal(define(otherStaff, itemId)))?.code).toBe("forbidden");
    expect((await refusal(define(staff, 999_999)))?.code).toBe("not_found");
    expect(await writes()).toEqual(before);
  });
});

describe("recording actual values", () => {
  it("keeps a correction as the next revision with its reason, never overwriting", async () => {
    const itemId = await itemOf(keyPoints[3] ?? 0);
    const indicator = await define(staff, itemId);
    await record(staff, indicator.id);
    const before = await writes();
    expect((await refusal(record(staff, indicator.id, { value: 72, expectedRevision: 1 })))?.fields).toEqual({
      note: "correctionNoteRequired",
    });
    expect((await refusal(record(staff, indicator.id, { value: 72 })))?.code).toBe("conflict");
    expect(
      (await refusal(record(staff, indicator.id, { value: 70, expectedRevision: 1, note: "同值" })))?.fields,
    ).toEqual({ value: "valueUnchanged" });
    expect(await writes()).toEqual(before);

    const second = await record(head, indicator.id, { value: 72, expectedRevision: 1, note: "調查樣本更正" });
    expect(second.revision).toBe(2);
    const rows = await t.db.indicatorValue.findMany({
      where: { indicatorId: indicator.id },
      orderBy: { revision: "asc" },
      select: { revision: true, value: true, note: true },
    });
    expect(rows).toEqual([
      { revision: 1, value: 70, note: null },
      { revision: 2, value: 72, note: "調查樣本更正" },
    ]);
    const [view] = await indicatorsOfNode(t.db, keyPoints[3] ?? 0);
    expect(view?.indicators[0]?.values["2018-06-30"]?.map((v) => v.value)).toEqual([72, 70]);
  });

  it.each([
    ["a day that ends no period of the set", { periodEnd: "2018-05-31" }, { periodEnd: "indicatorPeriod" }],
    ["a period outside the span", { periodEnd: "2019-03-31" }, { periodEnd: "indicatorPeriod" }],
    ["not a day", { periodEnd: "第二季" }, { periodEnd: "indicatorPeriod" }],
    ["a value that is not a number", { value: "七十" }, { value: "number" }],
  ] as const)("refuses %s, naming the field and writing nothing", async (_what, change, fields) => {
    const itemId = await itemOf(keyPoints[4] ?? 0);
    const indicator = await define(staff, itemId, { name: `指標 ${_what}` });
    const before = await writes();
    expect((await refusal(record(staff, indicator.id, change)))?.fields).toEqual(fields);
    expect(await writes()).toEqual(before);
  });

  it("refuses a period that has not begun, and a reviewer (who defines but does not report)", async () => {
    const itemId = await itemOf(keyPoints[4] ?? 0);
    const indicator = await define(reviewer, itemId, { name: "提前填報" });
    const before = await writes();
    const early = await refusal(record(staff, indicator.id, {}, at("2018-03-15T00:00:00Z")));
    expect(early?.fields).toEqual({ periodEnd: "periodInFuture" });
    expect((await refusal(record(reviewer, indicator.id)))?.code).toBe("forbidden");
    expect(await writes()).toEqual(before);
  });
});

describe("the public read", () => {
  it("shows only what a published update released: definitions, periods and corrections", async () => {
    const nodeId = keyPoints[5] ?? 0;
    const itemId = await itemOf(nodeId);
    const indicator = await define(staff, itemId, {}, at("2018-07-01T00:00:00Z"));
    await record(staff, indicator.id, { periodEnd: "2018-03-31", value: 62 }, at("2018-07-02T00:00:00Z"));
    await record(staff, indicator.id, { periodEnd: "2018-06-30", value: 70 }, at("2018-07-02T00:00:00Z"));
    // Nothing published yet: nothing public.
    expect(await getItemIndicators(t.db, nodeId)).toEqual([]);

    // Q2's update is published: Q2's value shows (Q1 has no published update), with its attainment.
    await publish(nodeId, 2, at("2018-07-10T00:00:00Z"));
    let [item] = await getItemIndicators(t.db, nodeId);
    expect(item?.indicators.map((i) => i.name)).toEqual(["市民滿意度"]);
    const actuals = () => item?.indicators[0]?.actuals.map((a) => [a.period.to, a.value, a.corrected]);
    expect(actuals()).toEqual([["2018-06-30", 70, false]]);
    expect(item?.indicators[0]?.actuals[0]?.attainment?.percent).toBeCloseTo(50, 6); // (70 − 60) ÷ (80 − 60)
    expect(item?.light).toMatchObject({ light: "green", reason: "computed", attainment: 50, expected: 50 });

    // A correction and a second indicator after the publication stay private until the next one.
    await record(
      staff,
      indicator.id,
      { value: 66, expectedRevision: 1, note: "樣本更正" },
      at("2018-07-12T00:00:00Z"),
    );
    await define(staff, itemId, { name: "新指標" }, at("2018-07-12T00:00:00Z"));
    [item] = await getItemIndicators(t.db, nodeId);
    expect(actuals()).toEqual([["2018-06-30", 70, false]]);
    expect(item?.indicators).toHaveLength(1);

    await publish(nodeId, 3, at("2018-10-10T00:00:00Z"));
    [item] = await getItemIndicators(t.db, nodeId);
    expect(actuals()).toEqual([["2018-06-30", 66, true]]);
    expect(item?.indicators.map((i) => i.name)).toEqual(["市民滿意度", "新指標"]);
    // Q3 is now the latest published period, but no indicator has a Q3 actual: not rated.
    expect(item?.light).toMatchObject({ light: "unrated", reason: "noActual" });
  });
});
