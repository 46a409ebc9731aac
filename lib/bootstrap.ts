import { DEMO_ACCOUNTS, type DemoAccount, ensureDemoAccounts, ensureFirstAdmin } from "@/lib/auth/accounts";
import { createPrismaClient } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { selectDatabase, type SelectedDatabase } from "@/lib/db/select";
import { demoWanted, readEnv } from "@/lib/env";
import { type DemoScenarioReport, ensureDemoScenario } from "@/lib/demo/scenario";
import { seedDatabase, type SeedReport } from "@/lib/import/seed";

/**
 * What every entry point (start, dev, seed, e2e server) does first: pick the database, bring its
 * schema up to date, and seed it when it is empty. The caller owns the returned database and must
 * close it; no connection of ours is left open, so the next process can connect to an embedded one.
 */
export type AccountsReport = {
  demo: DemoAccount[];
  demoEnabled: boolean;
  firstAdmin: string | null;
  /** The tracking loop's demo scenario (lib/demo/scenario.ts), on a demo database. */
  scenario: DemoScenarioReport | null;
};

export async function prepareDatabase(options: { seedsDir: string; seed: boolean }): Promise<{
  database: SelectedDatabase;
  seed: SeedReport | null;
  accounts: AccountsReport | null;
}> {
  const env = readEnv();
  const database = await selectDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.PORTAL_DATA_DIR,
    poolMax: env.DATABASE_POOL_MAX,
  });
  try {
    await applyMigrations(database.url);
    if (!options.seed) return { database, seed: null, accounts: null };
    const client = createPrismaClient({ url: database.url, poolMax: 1 });
    try {
      const seed = await seedDatabase(client, options.seedsDir);
      // Demo accounts only where nobody could mistake them for real ones, unless asked for.
      const demoEnabled = demoWanted(env, database.embedded);
      const demoSecondFactor =
        env.PORTAL_DEMO_TOTP_SECRET && env.NEXTAUTH_SECRET
          ? { totpSecret: env.PORTAL_DEMO_TOTP_SECRET, authSecret: env.NEXTAUTH_SECRET }
          : undefined;
      const demo = demoEnabled ? await ensureDemoAccounts(client, demoSecondFactor) : [];
      const scenario = demoEnabled ? await ensureDemoScenario(client) : null;
      const firstAdmin =
        env.PORTAL_ADMIN_EMAIL && env.PORTAL_ADMIN_PASSWORD
          ? (await ensureFirstAdmin(client, {
              email: env.PORTAL_ADMIN_EMAIL,
              password: env.PORTAL_ADMIN_PASSWORD,
            }))
            ? env.PORTAL_ADMIN_EMAIL
            : null
          : null;
      return { database, seed, accounts: { demo, demoEnabled, firstAdmin, scenario } };
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

/** The sign-in lines `npm start` prints: demo credentials on a demo database, nothing secret otherwise. */
export function formatAccountsReport(report: AccountsReport | null): string[] {
  if (!report) return [];
  const lines: string[] = [];
  if (report.firstAdmin) lines.push(`Accounts: created the first administrator ${report.firstAdmin}.`);
  if (report.demoEnabled) {
    lines.push("Demo accounts (sign in at /sign-in):");
    for (const a of DEMO_ACCOUNTS) lines.push(`  ${a.role.padEnd(10)} ${a.email}  ${a.password}`);
    lines.push(
      "  (admin and reviewer: set up two-step verification at the first sign-in, unless PORTAL_DEMO_TOTP_SECRET gave them one)",
    );
  }
  if (report.scenario && "setName" in report.scenario) {
    lines.push(
      `Demo scenario: "${report.scenario.setName}" with ${report.scenario.updates} updates at every step.`,
    );
  }
  return lines;
}
