import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { createDatabase, dropDatabase, scratchDatabaseName } from "@/lib/db/admin";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { startEmbeddedDatabase } from "@/lib/db/embedded";

export type TestDatabase = { url: string; db: Db; dispose(): Promise<void> };

/**
 * A fresh, migrated database of the same kind the run uses (DATABASE_URL's server, or embedded),
 * for one test file: no test depends on another's data.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject("templateDatabase");
  if (template) {
    const name = scratchDatabaseName("kpt_test");
    const url = await createDatabase(template.serverUrl, name, { template: template.name });
    const db = createPrismaClient({ url, poolMax: 4 });
    return {
      url,
      db,
      async dispose() {
        await db.$disconnect();
        await dropDatabase(template.serverUrl, name);
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
