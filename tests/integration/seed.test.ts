import { mkdtempSync, mkdirSync, copyFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/lib/import/seed";
import { listDocuments } from "@/lib/queries/documents";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.dispose();
});

describe("seeding from seeds/", () => {
  it("imports the five documents with their detected kind, title, years and department", async () => {
    const report = await seedDatabase(t.db, "seeds");
    expect(report.failed).toEqual([]);
    expect(report.imported).toHaveLength(5);

    const docs = await listDocuments(t.db);
    const summary = docs.map((d) => [d.kind, d.yearFrom, d.yearTo, d.department?.slug ?? null]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ["policy-outline", 2013, 2013, null],
        ["mid-term-plan", 2023, 2026, null],
        ["department-plan", 2018, 2018, "secretariat"],
        ["council-report", 2017, 2017, "secretariat"],
        ["council-report", 2012, 2012, "research-development-evaluation"],
      ]),
    );
    expect(docs.find((d) => d.kind === "policy-outline")?.title).toMatch(/施政綱要/u);
  });

  it("stores each document's tree, budget and figures as the city printed them", async () => {
    const count = (
      kind: "policy_area" | "agenda_item" | "goal" | "vision" | "strategy" | "key_point",
      documentKind: string,
    ) => t.db.planNode.count({ where: { kind, document: { kind: documentKind as never } } });
    // 2013 outline: 31 policy areas, every one with a department, 473 numbered agenda items.
    expect(await count("policy_area", "policy_outline")).toBe(31);
    expect(await t.db.planNode.count({ where: { kind: "policy_area", departmentId: null } })).toBe(0);
    expect(await count("agenda_item", "policy_outline")).toBe(473);
    // 2023-2026 mid-term plan: one goal, four visions of seven strategies, no duplicates from its diagram.
    expect(await count("goal", "mid_term_plan")).toBe(1);
    expect(await count("vision", "mid_term_plan")).toBe(4);
    expect(await count("strategy", "mid_term_plan")).toBe(28);
    // 2018 Secretariat plan: 18 key points; the crosswalk's total is the sum of its parts.
    expect(await count("key_point", "department_plan")).toBe(18);
    const total = await t.db.budgetLine.findFirstOrThrow({ where: { tableName: "對照表", parentId: null } });
    expect(total.amountThousands).toBe(330_433);
    const parts = await t.db.budgetLine.aggregate({
      where: { parentId: total.id },
      _sum: { amountThousands: true },
    });
    expect(parts._sum.amountThousands).toBe(330_433);
    // 2012 研考會 report: the 1999 call-centre figures.
    const calls = await t.db.reportFigure.findMany({
      where: { sentence: { contains: "1999" } },
      select: { valueText: true },
    });
    expect(calls.map((f) => f.valueText)).toEqual(expect.arrayContaining(["405,286"]));
  });

  it("does not duplicate anything when run again", async () => {
    const again = await seedDatabase(t.db, "seeds");
    expect(again.skipped).toBe(true);
    expect(await t.db.sourceDocument.count()).toBe(5);
    expect(await t.db.department.count()).toBeGreaterThanOrEqual(31);
  });

  it("re-reads, on the next start, a document an older parser imported", async () => {
    const plan = await t.db.sourceDocument.findFirstOrThrow({ where: { kind: "mid_term_plan" } });
    const nodes = await t.db.planNode.count({ where: { documentId: plan.id } });
    await t.db.planNode.deleteMany({ where: { documentId: plan.id } });
    await t.db.sourceDocument.update({ where: { id: plan.id }, data: { parserVersion: 0 } });

    const report = await seedDatabase(t.db, "seeds");
    expect(report).toMatchObject({ skipped: true, refreshed: [plan.title], failed: [] });
    expect(await t.db.planNode.count({ where: { documentId: plan.id } })).toBe(nodes);
    expect(await t.db.sourceDocument.count()).toBe(5);
  });

  it("knows the outline's 秘書事務 and the reports' 秘書處 as one department", async () => {
    const alias = await t.db.departmentAlias.findUnique({
      where: { alias: "秘書事務" },
      select: { department: { select: { nameZh: true } } },
    });
    expect(alias?.department.nameZh).toBe("秘書處");
  });
});

describe("a seed folder with broken files", () => {
  it("reports each unreadable or unrecognised file by name and still imports the others", async () => {
    const other = await createTestDatabase();
    try {
      const dir = mkdtempSync(join(tmpdir(), "kpt-seeds-"));
      for (const f of readdirSync("seeds")
        .filter((f) => f.endsWith(".txt"))
        .slice(0, 2)) {
        copyFileSync(join("seeds", f), join(dir, f));
      }
      writeFileSync(join(dir, "100_latin1.txt"), Buffer.from([0x68, 0xe9, 0x6c, 0x6c, 0x6f, 0xff]));
      writeFileSync(join(dir, "101_shopping-list.txt"), "milk\neggs\n");
      mkdirSync(join(dir, "102_folder.txt"));

      const report = await seedDatabase(other.db, dir);
      expect(report.imported.map((i) => i.fileName)).toEqual([
        "000_7edc6d043e517ca0.txt",
        "001_cf916e88195360de.txt",
      ]);
      const failures = Object.fromEntries(report.failed.map((f) => [f.fileName, f.reason]));
      expect(Object.keys(failures).sort()).toEqual([
        "100_latin1.txt",
        "101_shopping-list.txt",
        "102_folder.txt",
      ]);
      expect(failures["100_latin1.txt"]).toMatch(/not UTF-8/u);
      expect(failures["101_shopping-list.txt"]).toMatch(/施政綱要/u);
      expect(failures["102_folder.txt"]).toMatch(/EISDIR|directory/iu);
      expect(await other.db.sourceDocument.count()).toBe(2);
    } finally {
      await other.dispose();
    }
  });
});
