import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;

// Kept on globalThis: Next bundles the instrumentation hook and the routes separately, and both may
// hold the same client (lib/db/server.ts keeps it there too).
const POOLS = Symbol.for("kaohsiung-policy-tracker.db-pools");
const pools: WeakMap<Db, pg.Pool> = ((globalThis as { [POOLS]?: WeakMap<Db, pg.Pool> })[POOLS] ??=
  new WeakMap());

/**
 * The one way a Prisma client is made, for the app, scripts and tests alike. Password hashes are
 * omitted from every query unless a caller asks for them explicitly. The client owns its
 * node-postgres pool ($disconnect ends it); `poolOf` hands the same pool to work that must share
 * its connections.
 */
export function createPrismaClient(options: { url: string; poolMax: number }): Db {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax,
    connectionTimeoutMillis: 5_000,
  });
  // An idle connection that drops (a server restart) is reported on the next query; without a
  // listener the pool's 'error' event would end the process before Prisma has attached its own.
  pool.on("error", () => {});
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const client: Db = new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
  pools.set(client, pool);
  return client;
}

/**
 * The node-postgres pool under a client made by createPrismaClient. The job queue runs its SQL
 * through it: on the embedded database the whole process must share ONE pool of ONE connection
 * (decision records 001 and 007), so a second pool beside Prisma's would break it.
 */
export function poolOf(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool)
    throw new Error("This database client was not made by createPrismaClient: it has no shared pool.");
  return pool;
}
