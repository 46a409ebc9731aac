import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { startEmbeddedDatabase } from "@/lib/db/embedded";

export type TestDatabase = { url: string; db: Db; dispose(): Promise<void> };

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated database of the same kind the run uses (DATABASE_URL's server, or embedded),
 * for one test file: no test depends on another's data.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject("templateDatabase");
  if (template) {
    const name = `kpt_test_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
    await adminQuery(template.serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${template.name}"`);
    const url = new URL(template.serverUrl);
    url.pathname = `/${name}`;
    const db = createPrismaClient({ url: url.toString(), poolMax: 4 });
    return {
      url: url.toString(),
      db,
      async dispose() {
        await db.$disconnect();
        await adminQuery(template.serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
  }
  const dumpPath = inject("embeddedDumpPath");
  if (!dumpPath) throw new Error("Integration tests need tests/support/global-setup.ts to run first.");
  const embedded = await startEmbeddedDatabase({
    memory: true,
    loadFrom: new Blob([readFileSync(dumpPath)]),
  });
  const db = createPrismaClient({ url: embedded.url, poolMax: 1 });
  return {
    url: embedded.url,
    db,
    async dispose() {
      await db.$disconnect();
      await embedded.close();
    },
  };
}
