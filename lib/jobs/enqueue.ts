import { randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { JobDefinition } from "./define";
import { BASE_SETTINGS, transactionExecutor } from "./queue";
import { type JobData, jobNamed, type JobName } from "./registry";

type Tx = Prisma.TransactionClient;

export type EnqueueOptions = {
  /**
   * Enqueue this job once, ever: a second call with the same key (from any process, at any time
   * later) enqueues nothing and returns null. E.g. `reminder:${entryId}:${periodKey}:due:${userId}`.
   */
  singletonKey?: string;
  /** Not before this instant (a Date) or this many seconds from now. */
  startAfter?: Date | number;
};

// Builds the SQL of a send; never started and never connected: each send runs on the caller's
// transaction (`db` in the send options).
const sender = new PgBoss({
  ...BASE_SETTINGS,
  db: {
    executeSql: () => Promise.reject(new Error("enqueueJob sends through the caller's transaction")),
  },
  supervise: false,
  schedule: false,
});

/**
 * Puts a job on its queue and returns its id; null when `singletonKey` was used before. `db` is the
 * process's client, or a command's transaction (`ctx.tx`): then the job is enqueued only if that
 * transaction commits, e.g. a workflow step and its notice mail, together or not at all.
 * The data is checked against the job's schema here, so a caller's mistake fails at the caller.
 */
export function enqueueJob<N extends JobName>(
  db: Db | Tx,
  name: N,
  data: JobData<N>,
  options: EnqueueOptions = {},
): Promise<string | null> {
  return enqueueDefinedJob(db, jobNamed(name), data, options);
}

/** enqueueJob for a job given by its definition: one not in the registry (tests' own jobs). */
export async function enqueueDefinedJob<Schema extends z.ZodType>(
  db: Db | Tx,
  job: JobDefinition<string, Schema>,
  data: z.input<Schema>,
  options: EnqueueOptions = {},
): Promise<string | null> {
  const payload: unknown = job.data.parse(data);
  const id = randomUUID();
  const send = async (tx: Tx): Promise<string | null> => {
    if (options.singletonKey !== undefined) {
      // Concurrent callers with one key: the second waits on the first's row, then skips.
      const { count } = await tx.jobKey.createMany({
        data: [{ queue: job.name, key: options.singletonKey, jobId: id }],
        skipDuplicates: true,
      });
      if (count === 0) return null;
    }
    const sent = await sender.send(job.name, payload as object, {
      id,
      ...(options.singletonKey === undefined ? {} : { singletonKey: options.singletonKey }),
      ...(options.startAfter === undefined ? {} : { startAfter: options.startAfter }),
      db: transactionExecutor(tx),
    });
    // pg-boss inserts nothing for a queue that does not exist: the migration step creates them.
    if (sent === null)
      throw new Error(`The "${job.name}" queue does not exist: run the migrations (npm run db:migrate).`);
    return sent;
  };
  return "$transaction" in db ? db.$transaction(send) : send(db);
}
