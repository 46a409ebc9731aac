import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import pg from "pg";
import { installJobQueue } from "@/lib/jobs/queue";
import { redactDatabaseUrl } from "./url";

const require = createRequire(import.meta.url);
const MIGRATIONS_DIR = join("prisma", "migrations");

/** Names of the committed migrations, in order. */
function committedMigrations(): string[] {
  return readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Migrations the database records as applied; none when it has never been migrated. */
async function appliedMigrations(url: string): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    const exists = await client.query<{ found: string | null }>(
      `select to_regclass('_prisma_migrations') as found`,
    );
    if (!exists.rows[0]?.found) return new Set();
    const rows = await client.query<{ migration_name: string }>(
      `select migration_name from _prisma_migrations where finished_at is not null and rolled_back_at is null`,
    );
    return new Set(rows.rows.map((r) => r.migration_name));
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Applies committed migrations with `prisma migrate deploy` (never `db push`), then brings the job
 * queue's own schema and queues up to date (lib/jobs/queue.ts: pg-boss keeps its tables in `pgboss`,
 * outside Prisma's). The CLI loads its WebAssembly engine for ~10 s, so it runs only when a committed
 * migration is not yet applied; `applied` says whether it did. It is a child process; on the embedded
 * database callers close their own pools first.
 */
export async function applyMigrations(url: string): Promise<{ applied: boolean }> {
  const result = await applyPrismaMigrations(url);
  await installJobQueue(url);
  return result;
}

async function applyPrismaMigrations(url: string): Promise<{ applied: boolean }> {
  const applied = await appliedMigrations(url);
  if (committedMigrations().every((name) => applied.has(name))) return { applied: false };

  const cli = require.resolve("prisma/build/index.js");
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0) {
    const detail = output.join("").trim().split("\n").slice(-8).join("\n");
    throw new Error(`Migrations failed on ${redactDatabaseUrl(url)}:\n${detail}`);
  }
  return { applied: true };
}
