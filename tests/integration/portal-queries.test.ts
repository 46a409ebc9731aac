import { taipeiToday } from "@/lib/domain/time";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/lib/import/seed";
import { getBudgetExplorer } from "@/lib/queries/budgets";
import { getDepartmentPage, listDepartments } from "@/lib/queries/departments";
import { getDocumentPage, listDocuments } from "@/lib/queries/documents";
import { listProgressUpdates } from "@/lib/queries/feed";
import { getHomeDashboard } from "@/lib/queries/home";
import { listItems } from "@/lib/queries/items";
import { getNodePage } from "@/lib/queries/nodes";
import { parseItemsQuery } from "@/lib/validation/items-query";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
let staffId: number;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.db, "seeds");
  staffId = (
    await t.db.user.create({
      data: {
        email: "staff@example.test",
        name: "Staff",
        passwordHash: "x",
        role: "staff",
        memberships: { create: { department: { connect: { slug: "secretariat" } } } },
      },
    })
  ).id;
});
afterAll(async () => {
  await t.dispose();
});

async function secretariatItem(index = 0) {
  const items = await t.db.planNode.findMany({
    where: { kind: "agenda_item", department: { slug: "secretariat" }, document: { kind: "policy_outline" } },
    orderBy: { lineFrom: "asc" },
    select: { id: true },
  });
  const item = items[index];
  if (!item) throw new Error("the outline should have Secretariat items");
  return item.id;
}

async function record(
  nodeId: number,
  status: "on_track" | "delayed" | "completed",
  percent: number | null,
  periodFrom: string,
) {
  return t.db.progressEntry.create({
    data: {
      nodeId,
      periodYear: Number(periodFrom.slice(0, 4)),
      periodFrom: new Date(periodFrom),
      periodTo: new Date(`${periodFrom.slice(0, 4)}-12-31`),
      status,
      percent,
      narrative: `${status} ${percent ?? ""}`,
      authorId: staffId,
      state: "published", // the public pages read published updates
    },
  });
}

describe("documents", () => {
  it("lists reports of one department, and gives a plan's tree, budget and no figures", async () => {
    const reports = await listDocuments(t.db, { kinds: ["council-report"], departmentSlug: "secretariat" });
    expect(reports.map((r) => r.presentedOn)).toEqual(["2017-10-18"]);

    const [plan] = await listDocuments(t.db, { kinds: ["department-plan"] });
    const page = await getDocumentPage(t.db, plan?.id ?? 0);
    expect(page?.budget).toMatchObject({ tableName: "對照表", total: 330_433, addsUp: true });
    expect(page?.nodes.filter((n) => n.kind === "key_point")).toHaveLength(18);
    expect(await getDocumentPage(t.db, 999_999)).toBeNull();
  });
});

describe("a department's page", () => {
  it("groups its items by year, newest first, with its budget, reports and progress", async () => {
    const page = await getDepartmentPage(t.db, "secretariat", taipeiToday());
    expect(page?.aliases).toContain("秘書事務");
    expect(page?.itemsByYear.map((g) => g.year)).toEqual([2018, 2013]);
    expect(page?.budgets).toEqual([
      expect.objectContaining({ year: 2018, breakdown: expect.objectContaining({ total: 330_433 }) }),
    ]);
    expect(page?.reports).toHaveLength(1);
    expect(page?.progress.no_update).toBe(page?.progress.total);
    expect(await getDepartmentPage(t.db, "no-such-office", taipeiToday())).toBeNull();

    const directory = await listDepartments(t.db);
    expect(directory.find((d) => d.slug === "secretariat")?.itemCount).toBeGreaterThan(20);
  });
});

describe("an item's page", () => {
  it("shows figures from its department's council reports that speak to it", async () => {
    const item = await t.db.planNode.findFirstOrThrow({
      where: { kind: "agenda_item", text: { contains: "鳳山行政中心新建大樓" } },
      select: { id: true },
    });
    const page = await getNodePage(t.db, item.id, taipeiToday());
    expect(page?.relatedFigures.length).toBeGreaterThan(0);
    expect(page?.relatedFigures[0]).toMatchObject({
      sentence: expect.stringMatching(/行政中心/u),
      report: { presentedOn: "2017-10-18" },
    });
    // A report's own sections show their figures, not "related" ones.
    const section = await t.db.planNode.findFirstOrThrow({
      where: { document: { kind: "council_report" }, figures: { some: {} } },
      select: { id: true },
    });
    expect((await getNodePage(t.db, section.id, taipeiToday()))?.relatedFigures).toEqual([]);
  });
});

describe("the budget explorer", () => {
  it("defaults to the first department with budgets and its latest year; an unknown choice selects nothing", async () => {
    const explorer = await getBudgetExplorer(t.db, {});
    expect(explorer.selected).toMatchObject({ department: { slug: "secretariat" }, year: 2018 });
    expect(explorer.breakdown?.total).toBe(330_433);
    expect(explorer.breakdown?.parts.reduce((n, p) => n + p.amountThousands, 0)).toBe(330_433);
    expect((await getBudgetExplorer(t.db, { department: "secretariat", year: 1999 })).selected).toBeNull();
  });
});

describe("progress, from an entry to every page that shows it", () => {
  it("uses an item's latest entry for its status everywhere, and rolls strategies up from linked items", async () => {
    const itemId = await secretariatItem();
    await record(itemId, "on_track", 40, "2013-01-01");
    await record(itemId, "delayed", 30, "2013-07-01"); // the later period decides

    const node = await getNodePage(t.db, itemId, taipeiToday());
    expect(node?.progress.map((p) => p.status)).toEqual(["delayed", "on_track"]);
    expect(node?.progress[0]?.authorDepartments.map((d) => d.slug)).toEqual(["secretariat"]);

    const dept = await getDepartmentPage(t.db, "secretariat", taipeiToday());
    expect(dept?.progress.delayed).toBe(1);

    const delayed = await listItems(t.db, parseItemsQuery({ status: "delayed" }));
    expect(delayed.rows.map((r) => r.id)).toEqual([itemId]);
    expect(delayed.rows[0]).toMatchObject({ status: "delayed", percent: 30 });

    // A strategy the item is linked to rolls its status up.
    const strategy = await t.db.planNode.findFirstOrThrow({
      where: { kind: "strategy" },
      select: { id: true },
    });
    await t.db.nodeLink.create({ data: { fromNodeId: itemId, toNodeId: strategy.id, origin: "confirmed" } });
    const home = await getHomeDashboard(t.db, taipeiToday());
    const rolled = home.visions.flatMap((v) => v.strategies).find((s) => s.id === strategy.id);
    expect(rolled?.progress).toMatchObject({ percent: expect.any(Number), basedOn: expect.any(Number) });
    expect(rolled?.progress.counts.delayed).toBeGreaterThanOrEqual(1);
    expect(home.recentProgress[0]?.node.id).toBe(itemId);

    const feed = await listProgressUpdates(t.db, { kind: "node", id: strategy.id });
    expect(feed?.updates.map((u) => u.node.id)).toContain(itemId);
    expect(await listProgressUpdates(t.db, { kind: "department", slug: "nowhere" })).toBeNull();
  });

  it("leaves withdrawn entries out of statuses and feeds", async () => {
    const itemId = await secretariatItem(1);
    const entry = await record(itemId, "completed", 100, "2013-01-01");
    await t.db.progressEntry.update({
      where: { id: entry.id },
      data: { withdrawnAt: new Date(), withdrawnReason: "wrong item" },
    });
    expect((await getNodePage(t.db, itemId, taipeiToday()))?.progress).toEqual([]);
    const feed = await listProgressUpdates(t.db, { kind: "city" });
    expect(feed?.updates.map((u) => u.entryId)).not.toContain(entry.id);
  });
});

describe("the items listing", () => {
  it("filters by year and department, pages, and never pages past the end", async () => {
    const all = await listItems(t.db, parseItemsQuery({}));
    const outline = await listItems(
      t.db,
      parseItemsQuery({ year: "2013", department: "secretariat", size: "20" }),
    );
    expect(outline.total).toBeLessThan(all.total);
    expect(outline.rows.every((r) => r.department?.slug === "secretariat" && r.year === 2013)).toBe(true);
    // 2023-2026 strategies count in 2024, inside the plan's period.
    const midTerm = await listItems(t.db, parseItemsQuery({ year: "2024", kind: "strategy" }));
    expect(midTerm.total).toBe(28);
    const beyond = await listItems(t.db, parseItemsQuery({ year: "2013", size: "20", page: "9999" }));
    expect(beyond.page).toBe(beyond.pageCount);
    expect(beyond.rows.length).toBeGreaterThan(0);
    expect(all.options.years).toEqual(expect.arrayContaining([2013, 2018, 2023, 2026]));
  });
});
