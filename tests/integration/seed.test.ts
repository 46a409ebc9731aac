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

  it("does not duplicate anything when run again", async () => {
    const again = await seedDatabase(t.db, "seeds");
    expect(again.skipped).toBe(true);
    expect(await t.db.sourceDocument.count()).toBe(5);
    expect(await t.db.department.count()).toBeGreaterThanOrEqual(31);
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
