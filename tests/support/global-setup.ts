import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { createDatabase, dropDatabase, scratchDatabaseName } from "@/lib/db/admin";
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

/** Migrates once per run; each test file then gets its own copy (tests/support/test-database.ts). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { DATABASE_URL: serverUrl } = readEnv();
  if (serverUrl) {
    const name = scratchDatabaseName("kpt_template");
    await applyMigrations(await createDatabase(serverUrl, name));
    project.provide("templateDatabase", { serverUrl, name });
    project.provide("embeddedDumpPath", null);
    return () => dropDatabase(serverUrl, name);
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
