import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentCoversYear, planCoversYear } from "@/lib/domain/plan-years";
import { seedDatabase } from "@/lib/import/seed";
import { ancestorsOf, pathToNode } from "@/lib/queries/ancestors";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/** The rules of lib/domain as the database sees them (issue 11): ownership, plan years, ancestors. */

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  const seed = await seedDatabase(t.db, "seeds");
  expect(seed.failed).toEqual([]);
}, 300_000);

afterAll(async () => {
  await t?.dispose();
});

const strandedNodes = () =>
  t.db.planNode.count({ where: { departmentId: null, document: { departmentId: { not: null } } } });

describe("a node's owner, stored at import", () => {
  it("is on every node of a department's document", async () => {
    expect(await t.db.planNode.count({ where: { departmentId: { not: null } } })).toBeGreaterThan(0);
    expect(await strandedNodes()).toBe(0);
  });

  it("is backfilled by the migration from the node's document; city-wide nodes stay without one", async () => {
    // Nodes of a department's document that inherit its owner (a node may also name another department).
    const candidates = await t.db.planNode.findMany({
      where: { document: { departmentId: { not: null } } },
      select: { id: true, departmentId: true, document: { select: { departmentId: true } } },
      orderBy: { id: "asc" },
    });
    const owned = candidates
      .filter((n) => n.departmentId === n.document.departmentId)
      .slice(0, 5)
      .map(({ id, departmentId }) => ({ id, departmentId }));
    expect(owned).toHaveLength(5);
    const cityWide = await t.db.planNode.count({ where: { departmentId: null } });
    await t.db.planNode.updateMany({
      where: { id: { in: owned.map((n) => n.id) } },
      data: { departmentId: null },
    });
    expect(await strandedNodes()).toBe(owned.length);

    const sql = readFileSync("prisma/migrations/20261128230000_store_node_owner/migration.sql", "utf8");
    await t.db.$executeRawUnsafe(sql);

    expect(await strandedNodes()).toBe(0);
    const after = await t.db.planNode.findMany({
      where: { id: { in: owned.map((n) => n.id) } },
      select: { id: true, departmentId: true },
      orderBy: { id: "asc" },
    });
    expect(after).toEqual(owned);
    expect(await t.db.planNode.count({ where: { departmentId: null } })).toBe(cityWide);
  });
});

describe("which plans cover a year, in SQL and in code", () => {
  it("selects exactly the documents the pure rule says, the edge cases included", async () => {
    const docs = await t.db.sourceDocument.findMany({
      select: { id: true, rocYearFrom: true, rocYearTo: true, periodFrom: true, periodTo: true },
      orderBy: { id: "asc" },
    });
    expect(docs.length).toBeGreaterThanOrEqual(3);
    // Give three documents the shapes the seeds lack: no end year, a range printed backwards, no ROC year.
    const [noEnd, backwards, datesOnly] = docs;
    await t.db.sourceDocument.update({
      where: { id: noEnd!.id },
      data: { rocYearFrom: 107, rocYearTo: null },
    });
    await t.db.sourceDocument.update({
      where: { id: backwards!.id },
      data: { rocYearFrom: 115, rocYearTo: 112 },
    });
    await t.db.sourceDocument.update({
      where: { id: datesOnly!.id },
      data: {
        rocYearFrom: null,
        rocYearTo: null,
        periodFrom: new Date("2019-07-01T00:00:00Z"),
        periodTo: new Date("2020-06-30T00:00:00Z"),
      },
    });
    const rows = await t.db.sourceDocument.findMany({
      select: { id: true, rocYearFrom: true, rocYearTo: true, periodFrom: true, periodTo: true },
    });
    for (let year = 2010; year <= 2028; year++) {
      const inSql = await t.db.sourceDocument.findMany({
        where: documentCoversYear(year),
        select: { id: true },
        orderBy: { id: "asc" },
      });
      const inCode = rows.filter((d) => planCoversYear(d, year)).map((d) => ({ id: d.id }));
      expect(inSql, `year ${year}`).toEqual(inCode.sort((a, b) => a.id - b.id));
    }
    const ids = async (year: number) =>
      (await t.db.sourceDocument.findMany({ where: documentCoversYear(year), select: { id: true } })).map(
        (d) => d.id,
      );
    expect(await ids(2018)).toContain(noEnd!.id);
    expect(await ids(2019)).not.toContain(noEnd!.id);
    expect(await ids(2024)).toContain(backwards!.id);
    expect(await ids(2020)).toContain(datesOnly!.id);
    expect(await ids(2021)).not.toContain(datesOnly!.id);
  });
});

describe("a node's ancestors, in one query", () => {
  it("walks from the root to the node, as the parent links say", async () => {
    const deepest = await t.db.planNode.findFirst({ orderBy: [{ depth: "desc" }, { id: "asc" }] });
    expect(deepest?.depth).toBeGreaterThanOrEqual(2);
    const expected: number[] = [];
    for (let id: number | null = deepest!.id; id !== null;) {
      expected.unshift(id);
      const node: { parentId: number | null } | null = await t.db.planNode.findUnique({
        where: { id },
        select: { parentId: true },
      });
      id = node?.parentId ?? null;
    }
    const path = await pathToNode(t.db, deepest!.id);
    expect(path.map((n) => n.id)).toEqual(expected);
    expect(path[0]?.parentId).toBeNull();
    expect(path.at(-1)).toMatchObject({
      id: deepest!.id,
      kind: deepest!.kind,
      documentId: deepest!.documentId,
    });
    expect((await ancestorsOf(t.db, deepest!.id)).map((n) => n.id)).toEqual(expected.slice(0, -1));
  });

  it("knows each node's stored owner by slug, and nothing of a node that does not exist", async () => {
    const owned = await t.db.planNode.findFirst({
      where: { departmentId: { not: null }, parentId: { not: null } },
      select: { id: true, department: { select: { slug: true } } },
    });
    const path = await pathToNode(t.db, owned!.id);
    expect(path.at(-1)?.departmentSlug).toBe(owned!.department!.slug);
    expect(await pathToNode(t.db, 2_000_000_000)).toEqual([]);
    expect(await ancestorsOf(t.db, 2_000_000_000)).toEqual([]);
  });
});
