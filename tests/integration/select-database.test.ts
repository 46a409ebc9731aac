import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { selectDatabase } from "@/lib/db/select";
import { createTestDatabase } from "../support/test-database";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("selecting the database", () => {
  it("names the URL (password hidden) and the reason when DATABASE_URL cannot be reached", async () => {
    const attempt = selectDatabase({
      databaseUrl: "postgresql://alice:s3cret@127.0.0.1:9/portal",
      dataDir: "unused",
      poolMax: 5,
    });
    await expect(attempt).rejects.toThrow(
      "Cannot use the database at postgresql://alice:***@127.0.0.1:9/portal: connection refused",
    );
    await expect(attempt).rejects.not.toThrow(/s3cret/u);
  });

  it("starts an embedded database without DATABASE_URL, and the next start finds the same data", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "kpt-embedded-"));
    dirs.push(dataDir);

    const first = await selectDatabase({ databaseUrl: undefined, dataDir, poolMax: 10 });
    expect(first).toMatchObject({ embedded: true, poolMax: 1 });
    await applyMigrations(first.url);
    const client = createPrismaClient({ url: first.url, poolMax: first.poolMax });
    await client.department.create({ data: { slug: "test", nameZh: "測試處", nameEn: "Test Office" } });
    await client.$disconnect();
    await first.close();

    const second = await selectDatabase({ databaseUrl: undefined, dataDir, poolMax: 10 });
    const again = createPrismaClient({ url: second.url, poolMax: second.poolMax });
    expect(await again.department.findMany({ select: { slug: true } })).toEqual([{ slug: "test" }]);
    await again.$disconnect();
    await second.close();
  });

  it("refuses to open an embedded database another live process is using", async () => {
    const parent = mkdtempSync(join(tmpdir(), "kpt-locked-"));
    dirs.push(parent);
    const dataDir = join(parent, "pglite");
    writeFileSync(join(parent, "pglite.lock"), String(process.ppid));
    await expect(selectDatabase({ databaseUrl: undefined, dataDir, poolMax: 1 })).rejects.toThrow(
      /in use by another portal process/u,
    );
  });
});

describe("applying migrations", () => {
  it("runs the migrate CLI only when a committed migration is missing", async () => {
    const t = await createTestDatabase(); // already migrated from the template
    try {
      await t.db.$disconnect();
      expect(await applyMigrations(t.url)).toEqual({ applied: false });
    } finally {
      await t.dispose();
    }
  });
});
