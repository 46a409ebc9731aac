import pg from "pg";
import PgBoss from "pg-boss";
import { type Db, poolOf } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AnyJob } from "./define";
import { JOBS } from "./registry";

/**
 * The plumbing under lib/jobs: pg-boss (decision record 007) running its SQL on connections we hand
 * it, never a pool of its own. On the embedded database the whole process shares one pool of one
 * connection, so the queue must go through that same pool (poolExecutor) or, to enqueue atomically
 * with a command's writes, through the command's transaction (transactionExecutor).
 */

/** The PostgreSQL schema pg-boss keeps its tables in, beside Prisma's `public`. */
export const JOB_SCHEMA = "pgboss";

/** Settings pg-boss reads from its constructor; the worker adds its own (maintenance, scheduling). */
export const BASE_SETTINGS = { schema: JOB_SCHEMA, migrate: false } as const;

/**
 * pg-boss's SQL through a pool, one checked-out connection per statement. Some of its work is one
 * script (`BEGIN; …; COMMIT;`); when a statement in it fails the connection would go back to the pool
 * inside the aborted transaction, and on the embedded database that is the only connection there is.
 * So a failure is rolled back on the same connection first, and a connection that cannot even do that
 * is discarded.
 */
export function poolExecutor(pool: pg.Pool): PgBoss.Db {
  return {
    async executeSql(text, values) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        return await client.query(text, values);
      } catch (error) {
        await client.query("ROLLBACK").catch((rollbackError: unknown) => {
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
  };
}

/**
 * Values as node-postgres would send them, as text the server casts: pg-boss's SQL casts each
 * parameter itself ($3::jsonb, $4::int …), so Prisma must not guess their types from JS values.
 */
const asText = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
};

/** pg-boss's SQL inside a Prisma transaction: a job enqueued there commits or rolls back with it. */
export function transactionExecutor(tx: Prisma.TransactionClient): PgBoss.Db {
  return {
    async executeSql(text, values = []) {
      const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...values.map(asText));
      return { rows };
    },
  };
}

/** The queue's settings as pg-boss takes them. */
export const queueOptions = (job: AnyJob): PgBoss.Queue => ({
  name: job.name,
  policy: "standard",
  retryLimit: job.queue.retryLimit,
  retryDelay: job.queue.retryDelaySeconds,
  retryBackoff: job.queue.retryBackoff,
  expireInSeconds: job.queue.expireInSeconds,
});

/**
 * Creates or upgrades pg-boss's tables (its own migrations, under an advisory lock, so several
 * processes may race) and one queue per job with its current settings, through `executor`.
 */
async function install(executor: PgBoss.Db, jobs: readonly AnyJob[]): Promise<void> {
  const boss = new PgBoss({
    ...BASE_SETTINGS,
    db: executor,
    migrate: true,
    supervise: false,
    schedule: false,
  });
  await boss.start();
  try {
    for (const job of jobs) {
      await boss.createQueue(job.name, queueOptions(job));
      await boss.updateQueue(job.name, queueOptions(job));
    }
  } finally {
    await boss.stop({ graceful: false, close: false });
  }
}

/**
 * The migration step's part (lib/db/migrate.ts): the queue's schema and every registered job's
 * queue, on one connection opened and closed here like the rest of that step. The server's worker
 * then only checks the version.
 */
export async function installJobQueue(url: string, jobs: readonly AnyJob[] = JOBS): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 5_000 });
  pool.on("error", () => {}); // reported by the query that meets it
  try {
    await install(poolExecutor(pool), jobs);
  } finally {
    await pool.end();
  }
}

/** The same on a client's own pool, for jobs registered at run time (tests' own jobs). */
export function ensureJobQueues(db: Db, jobs: readonly AnyJob[]): Promise<void> {
  return install(poolExecutor(poolOf(db)), jobs);
}
