import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { readEnv } from "@/lib/env";

declare module "vitest" {
  export interface ProvidedContext {
    /** Real PostgreSQL: the server URL and a migrated template database to copy per test file. */
    templateDatabase: { serverUrl: string; name: string } | null;
    /** Embedded: a tarball of a migrated PGlite database to load per test file. */
    embeddedDumpPath: string | null;
  }
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Migrates once per run; each test file then gets its own copy (tests/support/test-database.ts). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const env = readEnv();
  if (env.DATABASE_URL) {
    const name = `kpt_template_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
    await adminQuery(env.DATABASE_URL, `CREATE DATABASE "${name}"`);
    const url = new URL(env.DATABASE_URL);
    url.pathname = `/${name}`;
    await applyMigrations(url.toString());
    project.provide("templateDatabase", { serverUrl: env.DATABASE_URL, name });
    project.provide("embeddedDumpPath", null);
    return async () => adminQuery(env.DATABASE_URL ?? "", `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }

  const embedded = await startEmbeddedDatabase({ memory: true });
  await applyMigrations(embedded.url);
  const dump = await embedded.dump();
  await embedded.close();
  const dir = mkdtempSync(join(tmpdir(), "kpt-test-"));
  const dumpPath = join(dir, "migrated.tar");
  writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide("templateDatabase", null);
  project.provide("embeddedDumpPath", dumpPath);
  return async () => rmSync(dir, { recursive: true, force: true });
}
