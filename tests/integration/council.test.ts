import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PermissionDeniedError, type SessionUser } from "@/lib/auth/permissions";
import {
  compareDepartmentPeriods,
  getCouncilOverview,
  getDepartmentReport,
  listCouncilPeriods,
} from "@/lib/council/read-models";
import { nodeOwner } from "@/lib/domain/nodes";
import type { ProgressStatus, Role } from "@/lib/generated/prisma/enums";
import { seedDatabase } from "@/lib/import/seed";
import { importText, midTermPlanFrom } from "../support/documents";
import { makeUser } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
const users: Record<string, SessionUser> = {};
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A fixture user from the shared factory, kept under its key. */
async function addUser(key: string, role: Role, departments: string[]) {
  users[key] = await makeUser(t.db, key, role, departments);
}

const councillor = () => users.councillor ?? null;

/** A progress entry written directly, as staff would have recorded it for a quarter. */
async function addEntry(
  nodeId: number,
  year: number,
  quarter: number,
  status: ProgressStatus,
  extra: { narrative?: string; percent?: number; withdrawn?: boolean } = {},
) {
  const from = new Date(Date.UTC(year, (quarter - 1) * 3, 1));
  const to = new Date(Date.UTC(year, quarter * 3, 0));
  return t.db.progressEntry.create({
    data: {
      nodeId,
      periodYear: year,
      periodQuarter: quarter,
      periodFrom: from,
      periodTo: to,
      status,
      percent: extra.percent ?? null,
      narrative: extra.narrative ?? `${year} Q${quarter} ${status}`,
      authorId: users.staff?.id ?? 0,
      withdrawnAt: extra.withdrawn ? new Date() : null,
      state: "published", // councillors read what was published
    },
    select: { id: true },
  });
}

/** Facts read from the seeded database, so the expectations follow the data rather than guesses. */
const seeded = {
  outlineItems: [] as Array<{ id: number; numberLabel: string | null }>,
  planItems: [] as number[],
  report2017: { id: 0, figureIds: [] as number[] },
  report2012FigureCount: 0,
};

beforeAll(async () => {
  t = await createTestDatabase();
  const seed = await seedDatabase(t.db, "seeds");
  expect(seed.failed).toEqual([]);
  await addUser("admin", "admin", []);
  await addUser("staff", "staff", ["secretariat"]);
  await addUser("councillor", "councillor", []);

  seeded.outlineItems = await t.db.planNode.findMany({
    where: {
      kind: "agenda_item",
      department: { slug: "secretariat" },
      document: { kind: "policy_outline" },
    },
    orderBy: { lineFrom: "asc" },
    select: { id: true, numberLabel: true },
  });
  seeded.planItems = (
    await t.db.planNode.findMany({
      where: {
        kind: { in: ["key_point", "program"] },
        document: { kind: "department_plan", department: { slug: "secretariat" } },
      },
      select: { id: true },
    })
  ).map((n) => n.id);
  const report = await t.db.sourceDocument.findFirstOrThrow({
    where: { kind: "council_report", department: { slug: "secretariat" } },
    select: { id: true, figures: { select: { id: true }, orderBy: { lineFrom: "asc" } } },
  });
  seeded.report2017 = { id: report.id, figureIds: report.figures.map((f) => f.id) };
  seeded.report2012FigureCount = await t.db.reportFigure.count({
    where: { document: { department: { slug: "research-development-evaluation" } } },
  });
});
afterAll(async () => {
  await t?.dispose();
});

describe("who may read the council area", () => {
  const calls = {
    listCouncilPeriods: (u: SessionUser | null) => listCouncilPeriods(t.db, u),
    getCouncilOverview: (u: SessionUser | null) => getCouncilOverview(t.db, u, 2018),
    getDepartmentReport: (u: SessionUser | null) => getDepartmentReport(t.db, u, "secretariat", 2018),
    compareDepartmentPeriods: (u: SessionUser | null) =>
      compareDepartmentPeriods(t.db, u, "secretariat", 2017, 2018),
  };
  const cases = Object.keys(calls).flatMap((name) =>
    (["admin", "councillor", "staff", "anonymous"] as const).map((who) => ({ name, who })),
  );

  it.each(cases)("$name as $who", async ({ name, who }) => {
    const user = who === "anonymous" ? null : (users[who] ?? null);
    const attempt = calls[name as keyof typeof calls](user);
    if (who === "admin" || who === "councillor") await expect(attempt).resolves.toBeTruthy();
    else await expect(attempt).rejects.toBeInstanceOf(PermissionDeniedError);
  });

  it("refuses before it even looks the department up", async () => {
    await expect(getDepartmentReport(t.db, null, "no-such-department", 2018)).rejects.toBeInstanceOf(
      PermissionDeniedError,
    );
  });
});

describe("periods", () => {
  it("lists every year a plan or a report covers, newest first, with the kinds covering it", async () => {
    expect(await listCouncilPeriods(t.db, councillor())).toEqual([
      { year: 2026, kinds: ["mid-term-plan"], documentCount: 1 },
      { year: 2025, kinds: ["mid-term-plan"], documentCount: 1 },
      { year: 2024, kinds: ["mid-term-plan"], documentCount: 1 },
      { year: 2023, kinds: ["mid-term-plan"], documentCount: 1 },
      { year: 2018, kinds: ["department-plan"], documentCount: 1 },
      // The Secretariat's report covers 2017-02-16 to 2017-07-31 (presented 2017-10-18).
      { year: 2017, kinds: ["council-report"], documentCount: 1 },
      { year: 2013, kinds: ["policy-outline"], documentCount: 1 },
      // 研考會's report has no period; it was presented on 2012-10-22.
      { year: 2012, kinds: ["council-report"], documentCount: 1 },
    ]);
  });

  it("refuses a year that is not one", async () => {
    await expect(getCouncilOverview(t.db, councillor(), 106)).rejects.toBeInstanceOf(RangeError);
    await expect(getDepartmentReport(t.db, councillor(), "secretariat", 2017.5)).rejects.toBeInstanceOf(
      RangeError,
    );
  });
});

describe("the Secretariat's report per year", () => {
  it("2013: the outline's 秘書處 agenda items, no budget, no council report", async () => {
    const report = await getDepartmentReport(t.db, councillor(), "secretariat", 2013);
    expect(report?.department).toEqual({ slug: "secretariat", nameZh: "秘書處", nameEn: "Secretariat" });
    expect(seeded.outlineItems.length).toBeGreaterThan(0);
    expect(report?.items.map((i) => ({ id: i.id, numberLabel: i.numberLabel }))).toEqual(seeded.outlineItems);
    expect(report?.items[0]?.numberLabel).toBe("(一)");
    expect(report?.items.every((i) => i.document.kind === "policy-outline" && i.noUpdate)).toBe(true);
    expect(report?.items[0]?.text.length).toBeGreaterThan(0);
    expect(report?.statusCounts).toMatchObject({
      total: seeded.outlineItems.length,
      no_update: seeded.outlineItems.length,
    });
    expect(report?.budget).toBeNull();
    expect(report?.reports).toEqual([]);
    // Every strategy listed is one an item serves, and lists that item.
    for (const strategy of report?.strategies ?? []) {
      for (const itemId of strategy.itemIds) {
        expect(report?.items.find((i) => i.id === itemId)?.serves.map((s) => s.id)).toContain(strategy.id);
      }
    }
  });

  it("2017: no plan, the 2017 report with its presenter, sections and figures", async () => {
    const report = await getDepartmentReport(t.db, councillor(), "secretariat", 2017);
    expect(report).toMatchObject({ year: 2017, items: [], budget: null, strategies: [] });
    expect(report?.statusCounts.total).toBe(0);
    expect(report?.reports).toHaveLength(1);
    const [council] = report?.reports ?? [];
    expect(council?.document).toMatchObject({
      id: seeded.report2017.id,
      presenter: "陳瓊華",
      presentedOn: day("2017-10-18"),
      periodFrom: day("2017-02-16"),
      periodTo: day("2017-07-31"),
    });
    expect(council?.document.councilSession).toMatch(/第\s*2\s*屆第\s*6\s*次定期大會/u);
    expect(council?.figures.map((f) => f.id)).toEqual(seeded.report2017.figureIds);
    expect(council?.figures.length).toBeGreaterThan(50);
    expect(council?.figures[0]).toEqual({
      id: expect.any(Number),
      value: expect.any(Number),
      valueText: expect.any(String),
      unit: expect.any(String),
      label: expect.toBeOneOf([expect.any(String), null]),
      sentence: expect.any(String),
      nodeId: expect.toBeOneOf([expect.any(Number), null]),
    });
    // The work areas under 壹、重要業務執行狀況, starting with 一、推動高雄國際化.
    expect(council?.sections[0]).toMatchObject({ numberLabel: "一、", title: "推動高雄國際化" });
    expect(council?.sections.length).toBeGreaterThanOrEqual(8);
    const inSections = council?.sections.reduce((n, s) => n + s.figureCount, 0) ?? 0;
    expect(inSections).toBeGreaterThan(0);
    expect(inSections).toBeLessThanOrEqual(council?.figures.length ?? 0);
  });

  it("2018: the plan's items in document order and a budget whose parts add up to the printed total", async () => {
    const report = await getDepartmentReport(t.db, councillor(), "secretariat", 2018);
    expect(report?.items).toHaveLength(seeded.planItems.length);
    expect(new Set(report?.items.map((i) => i.id))).toEqual(new Set(seeded.planItems));
    expect(report?.items.slice(0, 3).map((i) => i.numberLabel)).toEqual(["一、", "二、", "三、"]);
    expect(report?.items.every((i) => i.document.kind === "department-plan")).toBe(true);
    expect(report?.budget).toMatchObject({ tableName: "對照表", total: 330_433, addsUp: true });
    expect(report?.budget?.document.title).toContain("107");
    const parts = report?.budget?.parts ?? [];
    expect(parts.reduce((n, p) => n + p.amountThousands, 0)).toBe(330_433);
    expect(parts.map((p) => p.name)).toContain("人事費及第一預備金");
    expect(report?.reports).toEqual([]);
  });

  it("unknown departments have no report", async () => {
    expect(await getDepartmentReport(t.db, councillor(), "no-such-department", 2018)).toBeNull();
    expect(await compareDepartmentPeriods(t.db, councillor(), "no-such-department", 2017, 2018)).toBeNull();
  });
});

describe("the overview", () => {
  it("2017: the Secretariat with its report's figures and no budget; 研考會 is 2012's", async () => {
    const overview = await getCouncilOverview(t.db, councillor(), 2017);
    expect(overview.departments).toEqual([
      {
        department: { slug: "secretariat", nameZh: "秘書處", nameEn: "Secretariat" },
        itemCount: 0,
        statusCounts: expect.objectContaining({ total: 0 }),
        budgetTotalThousands: null,
        reportCount: 1,
        figureCount: seeded.report2017.figureIds.length,
      },
    ]);
    const y2012 = await getCouncilOverview(t.db, councillor(), 2012);
    expect(y2012.departments.map((d) => [d.department.slug, d.figureCount])).toEqual([
      ["research-development-evaluation", seeded.report2012FigureCount],
    ]);
  });

  it("2018: the Secretariat with its plan's items and budget total", async () => {
    const overview = await getCouncilOverview(t.db, councillor(), 2018);
    expect(overview.departments).toHaveLength(1);
    expect(overview.departments[0]).toMatchObject({
      department: { slug: "secretariat" },
      itemCount: seeded.planItems.length,
      budgetTotalThousands: 330_433,
      reportCount: 0,
      figureCount: 0,
    });
  });

  it("2013: the outline's departments in their sort order, the Secretariat first", async () => {
    const overview = await getCouncilOverview(t.db, councillor(), 2013);
    expect(overview.departments.length).toBeGreaterThan(10);
    expect(overview.departments[0]).toMatchObject({
      department: { slug: "secretariat" },
      itemCount: seeded.outlineItems.length,
      budgetTotalThousands: null,
    });
    const order = await t.db.department.findMany({ orderBy: { sortOrder: "asc" }, select: { slug: true } });
    const slugs = overview.departments.map((d) => d.department.slug);
    expect(slugs).toEqual(order.map((d) => d.slug).filter((s) => slugs.includes(s)));
    expect(overview.departments.every((d) => d.statusCounts.total === d.itemCount)).toBe(true);
  });

  it("2023: the mid-term plan's strategies belong to no department", async () => {
    expect((await getCouncilOverview(t.db, councillor(), 2023)).departments).toEqual([]);
  });
});

describe("comparing 2017 with 2018", () => {
  it("the budget appears on the 2018 side only, the figures on the 2017 side only", async () => {
    // Asked later year first: the result still reads from the earlier year to the later one.
    const comparison = await compareDepartmentPeriods(t.db, councillor(), "secretariat", 2018, 2017);
    expect(comparison).toMatchObject({
      a: 2017,
      b: 2018,
      statusChanges: [],
      newlyDelayed: [],
      newlyDone: [],
    });
    expect(comparison?.budget).toMatchObject({ totalA: null, totalB: 330_433, difference: null });
    expect(comparison?.budget.lines.length).toBeGreaterThan(0);
    expect(comparison?.budget.lines.every((l) => l.a === null && l.b !== null && l.difference === null)).toBe(
      true,
    );
    expect(comparison?.budget.lines.reduce((n, l) => n + (l.b ?? 0), 0)).toBe(330_433);
    expect(comparison?.figures).toEqual({
      changed: [],
      unchanged: 0,
      onlyA: seeded.report2017.figureIds.length,
      onlyB: 0,
    });
  });
});

describe("progress as of the period end", () => {
  it("the 2018 items' status is their latest entry whose period began by 2018-12-31", async () => {
    const report = await getDepartmentReport(t.db, councillor(), "secretariat", 2018);
    const [first, second, third] = report?.items ?? [];
    if (!first || !second || !third) throw new Error("expected the 2018 plan's items");
    const long = "加速辦理眷舍收回及老舊眷舍拆除作業。".repeat(12);
    await addEntry(first.id, 2018, 1, "on_track", { percent: 25, narrative: long });
    await addEntry(first.id, 2018, 4, "completed", { withdrawn: true }); // withdrawn: never counts
    await addEntry(first.id, 2019, 1, "delayed"); // after the period end
    await addEntry(second.id, 2018, 2, "not_started");
    await addEntry(second.id, 2018, 3, "delayed");

    const after = await getDepartmentReport(t.db, councillor(), "secretariat", 2018);
    const byId = new Map(after?.items.map((i) => [i.id, i]));
    expect(byId.get(first.id)).toMatchObject({
      noUpdate: false,
      latest: { status: "on_track", percent: 25, periodYear: 2018, periodQuarter: 1 },
    });
    const narrative = byId.get(first.id)?.latest?.narrativeExcerpt ?? "";
    expect(Array.from(narrative).length).toBeLessThanOrEqual(120);
    expect(narrative.endsWith("…")).toBe(true);
    expect(byId.get(first.id)?.latest?.updatedAt).toBeInstanceOf(Date);
    expect(byId.get(second.id)?.latest).toMatchObject({ status: "delayed", periodQuarter: 3 });
    expect(byId.get(third.id)).toMatchObject({ latest: null, noUpdate: true });
    expect(after?.statusCounts).toMatchObject({
      on_track: 1,
      delayed: 1,
      completed: 0,
      no_update: seeded.planItems.length - 2,
      total: seeded.planItems.length,
    });

    const overview = await getCouncilOverview(t.db, councillor(), 2018);
    expect(overview.departments[0]?.statusCounts).toEqual(after?.statusCounts);
  });

  it("serves lists suggested and confirmed links, never rejected ones; strategies gather their items", async () => {
    // A mid-term plan sharing the 2018 plan's year (the seeds' 2023–2026 one does not): its strategies get suggestions.
    await importText(t.db, "mid-term-106.txt", midTermPlanFrom(106));
    const links = await t.db.nodeLink.findMany({
      where: { kind: "serves", fromNodeId: { in: seeded.planItems } },
      select: { id: true, fromNodeId: true, toNodeId: true },
      orderBy: { id: "asc" },
    });
    expect(links.length).toBeGreaterThanOrEqual(2);
    const [confirmed, rejected] = links;
    if (!confirmed || !rejected) throw new Error("expected two suggested links");
    await t.db.nodeLink.update({ where: { id: confirmed.id }, data: { origin: "confirmed" } });
    await t.db.nodeLink.update({ where: { id: rejected.id }, data: { origin: "rejected" } });

    const report = await getDepartmentReport(t.db, councillor(), "secretariat", 2018);
    const confirmedItem = report?.items.find((i) => i.id === confirmed.fromNodeId);
    expect(confirmedItem?.serves).toContainEqual(
      expect.objectContaining({ id: confirmed.toNodeId, confirmed: true }),
    );
    const rejectedItem = report?.items.find((i) => i.id === rejected.fromNodeId);
    expect(rejectedItem?.serves.map((s) => s.id)).not.toContain(rejected.toNodeId);
    expect(report?.strategies).toContainEqual(
      expect.objectContaining({ id: confirmed.toNodeId, confirmed: true, itemIds: [confirmed.fromNodeId] }),
    );
    const strategy = await t.db.planNode.findUniqueOrThrow({
      where: { id: confirmed.toNodeId },
      select: { numberLabel: true, title: true },
    });
    expect(report?.strategies.find((s) => s.id === confirmed.toNodeId)).toMatchObject(strategy);
  });
});

describe("a plan covering two years (2019–2020)", () => {
  // The seeds' plans cover one year each, so a two-year department plan of the Secretariat is made
  // here, with a budget for each year and items that change status between the years.
  const ids = { steady: 0, slipping: 0, finished: 0, inherited: 0, retired: 0 };

  beforeAll(async () => {
    const department = await t.db.department.findUniqueOrThrow({
      where: { slug: "secretariat" },
      select: { id: true },
    });
    const doc = await t.db.sourceDocument.create({
      data: {
        kind: "department_plan",
        title: "高雄市政府秘書處 108 至 109 年度施政計畫提要（測試）",
        documentKey: "department-plan:secretariat:2019-2020",
        checksum: "council-test-2019-2020",
        fileName: "council-test.txt",
        rocYearFrom: 108,
        rocYearTo: 109,
        periodFrom: day("2019-01-01"),
        periodTo: day("2020-12-31"),
        departmentId: department.id,
        rawText: "測試",
        lineCount: 10,
      },
      select: { id: true },
    });
    const node = async (key: string, line: number, departmentId: number | null, retired = false) =>
      (
        await t.db.planNode.create({
          data: {
            documentId: doc.id,
            kind: "key_point",
            numberLabel: `${key}、`,
            position: line,
            depth: 0,
            stableKey: key,
            text: `第${key}項重點`,
            // Stored as the importer stores it: a node naming no department is its document's.
            departmentId: nodeOwner(departmentId, department.id),
            lineFrom: line,
            lineTo: line,
            retiredAt: retired ? new Date() : null,
          },
          select: { id: true },
        })
      ).id;
    ids.steady = await node("一", 1, department.id);
    ids.slipping = await node("二", 2, department.id);
    ids.finished = await node("三", 3, department.id);
    ids.inherited = await node("四", 4, null); // no department of its own: the document's
    ids.retired = await node("五", 5, department.id, true);

    const table = async (fiscalYear: number, total: number, parts: Array<[string, number]>) => {
      const root = await t.db.budgetLine.create({
        data: {
          documentId: doc.id,
          departmentId: department.id,
          tableName: "對照表",
          stableKey: `${fiscalYear}/合計`,
          fiscalYear,
          name: "合計",
          amountThousands: total,
          position: 0,
          lineFrom: 1,
          lineTo: 1,
        },
        select: { id: true },
      });
      await t.db.budgetLine.createMany({
        data: parts.map(([name, amountThousands], position) => ({
          documentId: doc.id,
          departmentId: department.id,
          parentId: root.id,
          tableName: "對照表",
          stableKey: `${fiscalYear}/合計/${name}`,
          fiscalYear,
          name,
          amountThousands,
          position,
          lineFrom: 2,
          lineTo: 2,
        })),
      });
    };
    await table(2019, 100, [
      ["一般行政", 60],
      ["國際事務", 40],
    ]);
    await table(2020, 130, [
      ["一般 行政", 70],
      ["智慧城市", 60],
    ]);

    await addEntry(ids.steady, 2019, 2, "on_track");
    await addEntry(ids.steady, 2020, 2, "on_track");
    await addEntry(ids.slipping, 2019, 4, "on_track");
    await addEntry(ids.slipping, 2020, 3, "delayed");
    await addEntry(ids.finished, 2020, 4, "completed");
    await addEntry(ids.inherited, 2019, 1, "not_started");
    await addEntry(ids.inherited, 2020, 1, "delayed", { withdrawn: true });
    await addEntry(ids.retired, 2020, 1, "delayed");
  });

  it("both years list the plan's current items, including the one owned through its document", async () => {
    for (const year of [2019, 2020]) {
      const report = await getDepartmentReport(t.db, councillor(), "secretariat", year);
      expect(report?.items.map((i) => i.id)).toEqual([ids.steady, ids.slipping, ids.finished, ids.inherited]);
    }
    const y2019 = await getDepartmentReport(t.db, councillor(), "secretariat", 2019);
    expect(y2019?.items.map((i) => i.latest?.status ?? "no_update")).toEqual([
      "on_track",
      "on_track",
      "no_update",
      "not_started",
    ]);
    expect(y2019?.budget).toMatchObject({ total: 100, addsUp: true });
  });

  it("statusChanges, newlyDelayed and newlyDone between the years' ends", async () => {
    const comparison = await compareDepartmentPeriods(t.db, councillor(), "secretariat", 2020, 2019);
    expect(comparison).toMatchObject({ a: 2019, b: 2020 });
    expect(comparison?.statusChanges).toEqual([
      {
        item: { id: ids.slipping, numberLabel: "二、", title: null, text: "第二項重點" },
        from: "on_track",
        to: "delayed",
      },
      {
        item: { id: ids.finished, numberLabel: "三、", title: null, text: "第三項重點" },
        from: "no_update",
        to: "completed",
      },
    ]);
    expect(comparison?.newlyDelayed.map((c) => c.item.id)).toEqual([ids.slipping]);
    expect(comparison?.newlyDone.map((c) => c.item.id)).toEqual([ids.finished]);
  });

  it("the budget line by line, matched by normalised name", async () => {
    const comparison = await compareDepartmentPeriods(t.db, councillor(), "secretariat", 2019, 2020);
    expect(comparison?.budget).toEqual({
      totalA: 100,
      totalB: 130,
      difference: 30,
      lines: [
        { name: "一般 行政", a: 60, b: 70, difference: 10 },
        { name: "智慧城市", a: null, b: 60, difference: 60 },
        { name: "國際事務", a: 40, b: null, difference: -40 },
      ],
    });
  });

  it("a later year's items are not compared with an earlier plan's", async () => {
    const comparison = await compareDepartmentPeriods(t.db, councillor(), "secretariat", 2018, 2019);
    expect(comparison?.statusChanges).toEqual([]);
    expect(comparison?.budget).toMatchObject({ totalA: 330_433, totalB: 100, difference: 100 - 330_433 });
  });
});
