import "server-only";
import { serverEnv } from "@/lib/env";
import { createPrismaClient, type Db } from "./client";

const globalForDb = globalThis as unknown as { portalDb?: Db };

/**
 * The Next.js server's client. `npm start` (scripts/serve.ts) selects the database and passes its
 * URL and pool size down, so the server never starts an embedded database of its own.
 * Created lazily: `next build` imports this module without a database.
 */
export function db(): Db {
  if (globalForDb.portalDb) return globalForDb.portalDb;
  const env = serverEnv();
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set: start the portal with `npm start` or `npm run dev`.");
  }
  globalForDb.portalDb = createPrismaClient({ url: env.DATABASE_URL, poolMax: env.DATABASE_POOL_MAX });
  return globalForDb.portalDb;
}
