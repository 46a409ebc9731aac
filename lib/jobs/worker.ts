import { setTimeout as sleep } from "node:timers/promises";
import PgBoss from "pg-boss";
import { type Db, poolOf } from "@/lib/db/client";
import { mailTransport, type MailTransport } from "@/lib/mail/transport";
import type { AnyJob, JobContext } from "./define";
import { BASE_SETTINGS, poolExecutor } from "./queue";
import { JOBS } from "./registry";

export type JobWorkerOptions = {
  /** The process's client: the worker runs on its pool (on the embedded database, its one connection). */
  db: Db;
  /** Where mail.send delivers; by default what the environment says (SMTP_URL, else the outbox). */
  mail?: MailTransport;
  /** The jobs to run; by default every registered one (lib/jobs/registry.ts). */
  jobs?: readonly AnyJob[];
  /** How often an idle queue is asked for work. */
  pollingIntervalMs?: number;
  /** How often attempts past their time are failed (and so retried) and old jobs archived. */
  maintenanceIntervalSeconds?: number;
  /** Enqueue the jobs that have a `cron` on their schedule (on by default). */
  schedule?: boolean;
  /** How long stop() waits for attempts in progress; one still running is left to expire and retry. */
  stopTimeoutMs?: number;
  /** A failed attempt (job given) or a fault of the queue itself; by default one line on stderr. */
  onError?: (error: unknown, job?: JobContext["job"]) => void;
};

export type JobWorker = {
  /** Stops fetching, waits for the attempts in progress, then stops the queue's timers. */
  stop(): Promise<void>;
  /** The queue's maintenance, now: attempts past their time are failed, so retried. */
  maintain(): Promise<void>;
};

const TIMEZONE = "Asia/Taipei";

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

function reportToStderr(error: unknown, job?: JobContext["job"]): void {
  const where = job ? `${job.name} ${job.id} (attempt ${job.retryCount + 1})` : "queue";
  console.error(`Jobs: ${where} failed: ${describe(error)}`);
}

class AttemptTimeout extends Error {
  constructor(seconds: number) {
    super(`still running after ${seconds}s (the job's expireInSeconds)`);
    this.name = "AttemptTimeout";
  }
}

/** The work, or a rejection once its time is up (the queue would fail it then anyway). */
async function within<T>(seconds: number, work: Promise<T>): Promise<T> {
  const timer = new AbortController();
  try {
    return await Promise.race([
      work,
      sleep(seconds * 1000, undefined, { signal: timer.signal }).then(() => {
        throw new AttemptTimeout(seconds);
      }),
    ]);
  } finally {
    timer.abort();
  }
}

/**
 * Starts the worker: one loop per registered job that fetches one job at a time (pg-boss's
 * `FOR UPDATE SKIP LOCKED`, so each job runs once however many processes poll), runs it, and records
 * the outcome. Our loop rather than pg-boss's work(): completion and failure are awaited and retried
 * here, and stop() can wait for the attempt in progress. pg-boss keeps its maintenance (expiring
 * attempts of processes that died, archiving) and its cron scheduling, on the same pool.
 */
export async function startJobWorker(options: JobWorkerOptions): Promise<JobWorker> {
  const jobs = options.jobs ?? JOBS;
  const mail = options.mail ?? mailTransport();
  const report = options.onError ?? reportToStderr;
  const pollingIntervalMs = options.pollingIntervalMs ?? 2_000;
  const schedule = options.schedule ?? true;
  let stopping = false;
  const idle = new AbortController();

  const boss = new PgBoss({
    ...BASE_SETTINGS,
    db: poolExecutor(poolOf(options.db)),
    supervise: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
    schedule,
  });
  // After stop() the queue's last timers may still meet a closed pool: nothing to report then.
  boss.on("error", (error) => {
    if (!stopping) report(error);
  });
  await boss.start(); // checks that the migration step installed the queue's schema

  if (schedule) {
    for (const job of jobs) {
      if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: TIMEZONE });
    }
    // A job whose cron was removed (or that is no longer registered) stops being enqueued.
    for (const existing of await boss.getSchedules()) {
      if (!jobs.some((job) => job.name === existing.name && job.cron)) await boss.unschedule(existing.name);
    }
  }

  /** complete/fail must land, or the attempt would be retried after it expired: try three times. */
  async function record(what: string, write: () => Promise<unknown>, job: JobContext["job"]) {
    for (let attempt = 1; ; attempt++) {
      try {
        await write();
        return;
      } catch (error) {
        if (attempt === 3) {
          report(new Error(`could not record ${what}: ${describe(error)}`), job);
          return;
        }
        await sleep(attempt * 1_000);
      }
    }
  }

  async function attempt(definition: AnyJob, fetched: PgBoss.JobWithMetadata<unknown>) {
    const job = { id: fetched.id, name: definition.name, retryCount: fetched.retryCount };
    try {
      const data: unknown = definition.data.parse(fetched.data);
      const output = await within(
        fetched.expireInSeconds,
        definition.run(data, { db: options.db, mail, job }),
      );
      const result = typeof output === "object" && output !== null ? output : { value: output ?? null };
      await record("completion", () => boss.complete(definition.name, fetched.id, result), job);
    } catch (error) {
      report(error, job);
      await record("failure", () => boss.fail(definition.name, fetched.id, error as object), job);
    }
  }

  const loops = jobs.map(async (definition) => {
    while (!stopping) {
      const [fetched] = await boss.fetch<unknown>(definition.name, { batchSize: 1, includeMetadata: true });
      if (fetched) {
        await attempt(definition, fetched);
        continue;
      }
      await sleep(pollingIntervalMs, undefined, { signal: idle.signal }).catch(() => {});
    }
  });

  let stopped: Promise<void> | undefined;
  return {
    stop() {
      stopped ??= (async () => {
        stopping = true;
        idle.abort();
        await Promise.race([Promise.all(loops), sleep(options.stopTimeoutMs ?? 15_000)]);
        await boss.stop({ graceful: false, close: false });
      })();
      return stopped;
    },
    maintain: () => boss.maintain(),
  };
}
