import { createPrismaClient } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { selectDatabase, type SelectedDatabase } from "@/lib/db/select";
import { readEnv } from "@/lib/env";
import { seedDatabase, type SeedReport } from "@/lib/import/seed";

/**
 * What every entry point (start, dev, seed, e2e server) does first: pick the database, bring its
 * schema up to date, and seed it when it is empty. The caller owns the returned database and must
 * close it; no connection of ours is left open, so the next process can connect to an embedded one.
 */
export async function prepareDatabase(options: { seedsDir: string; seed: boolean }): Promise<{
  database: SelectedDatabase;
  seed: SeedReport | null;
}> {
  const env = readEnv();
  const database = await selectDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.PORTAL_DATA_DIR,
    poolMax: env.DATABASE_POOL_MAX,
  });
  try {
    await applyMigrations(database.url);
    if (!options.seed) return { database, seed: null };
    const client = createPrismaClient({ url: database.url, poolMax: 1 });
    try {
      return { database, seed: await seedDatabase(client, options.seedsDir) };
    } finally {
      await client.$disconnect();
    }
  } catch (error) {
    await database.close();
    throw error;
  }
}

export function formatSeedReport(report: SeedReport | null): string[] {
  if (!report) return [];
  if (report.skipped) {
    return [
      "Seed: the database already has documents; nothing imported.",
      ...report.refreshed.map((title) => `  ↻ re-read with the current parser: ${title}`),
      ...report.failed.map((f) => `  ✗ ${f.reason}`),
    ];
  }
  const lines = [`Seed: imported ${report.imported.length} document(s).`];
  for (const item of report.imported) lines.push(`  ✓ ${item.fileName}: ${item.title}`);
  for (const item of report.failed) lines.push(`  ✗ ${item.fileName}: ${item.reason}`);
  return lines;
}
