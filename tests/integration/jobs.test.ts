import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import PgBoss from "pg-boss";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { z } from "zod";
import { createPrismaClient, type Db, poolOf } from "@/lib/db/client";
import { type JobContext, defineJob } from "@/lib/jobs/define";
import { enqueueDefinedJob, enqueueJob } from "@/lib/jobs/enqueue";
import { BASE_SETTINGS, ensureJobQueues, JOB_SCHEMA, poolExecutor } from "@/lib/jobs/queue";
import { type JobWorker, startJobWorker } from "@/lib/jobs/worker";
import type { MailTransport } from "@/lib/mail/transport";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The durable queue on the run's database (embedded PGlite by default, DATABASE_URL's PostgreSQL
 * otherwise): jobs are rows in pg-boss's schema, fetched with SKIP LOCKED, retried on failure and
 * after their attempt expired.
 */

let t: TestDatabase;
let outbox: string;
let mail: MailTransport;
const workers: JobWorker[] = [];
const failures: Array<{ error: unknown; job?: JobContext["job"] }> = [];
const embedded = inject("templateDatabase") === null;

/** A worker on `db` polling quickly, whose failures the test reads instead of stderr. */
async function worker(db: Db, jobs: Parameters<typeof startJobWorker>[0]["jobs"]) {
  const started = await startJobWorker({
    db,
    mail,
    jobs,
    pollingIntervalMs: 50,
    schedule: false,
    onError: (error, job) => failures.push({ error, job }),
  });
  workers.push(started);
  return started;
}

async function jobState(db: Db, id: string): Promise<string | null> {
  const rows = await db.$queryRawUnsafe<Array<{ state: string }>>(
    `SELECT state::text AS state FROM ${JOB_SCHEMA}.job WHERE id = $1::uuid`,
    id,
  );
  return rows[0]?.state ?? null;
}

async function until(what: string, check: () => Promise<boolean> | boolean, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

const message = (subject: string) => ({
  to: "staff@example.test",
  subject,
  text: "您負責的項目本期進度尚未填報。\nA progress update is due.",
  kind: "test",
  meta: { entryId: 12 },
});

beforeAll(async () => {
  t = await createTestDatabase();
  outbox = mkdtempSync(join(tmpdir(), "kpt-outbox-"));
  mail = { kind: "outbox", dir: outbox, from: "高雄市政追蹤 <no-reply@example.test>" };
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  failures.length = 0;
});
afterAll(async () => {
  await t?.dispose();
  rmSync(outbox, { recursive: true, force: true });
});

describe("mail.send through the queue", () => {
  it("a job enqueued twice with the same singletonKey runs once", async () => {
    const key = "reminder:entry-12:2026-Q4:due:user-7";
    const [first, second] = await Promise.all([
      enqueueJob(t.db, "mail.send", message("提醒：進度即將到期"), { singletonKey: key }),
      enqueueJob(t.db, "mail.send", message("提醒：進度即將到期"), { singletonKey: key }),
    ]);
    expect([first, second].filter((id) => id !== null)).toHaveLength(1);
    const id = (first ?? second) as string;
    await worker(t.db, undefined);
    await until("the mail job to complete", async () => (await jobState(t.db, id)) === "completed");
    // Later, from anywhere: still once, even though the first job is done.
    expect(
      await enqueueJob(t.db, "mail.send", message("提醒：進度即將到期"), { singletonKey: key }),
    ).toBeNull();
    await sleep(300);
    expect(readdirSync(outbox).filter((f) => f.endsWith(".json"))).toHaveLength(1);
    expect(failures).toEqual([]);
  });

  it("enqueued inside a transaction that rolls back, nothing is sent", async () => {
    const before = readdirSync(outbox).length;
    await expect(
      t.db.$transaction(async (tx) => {
        await enqueueJob(tx, "mail.send", message("不會寄出"), { singletonKey: "rolled-back" });
        throw new Error("the command failed");
      }),
    ).rejects.toThrow("the command failed");
    // The key was rolled back with it: a later attempt of the same step still sends.
    const id = await enqueueJob(t.db, "mail.send", message("會寄出"), { singletonKey: "rolled-back" });
    expect(id).not.toBeNull();
    await worker(t.db, undefined);
    await until("the mail job to complete", async () => (await jobState(t.db, id as string)) === "completed");
    expect(readdirSync(outbox).length).toBe(before + 1);
  });

  it("refuses data that is not a message, at the caller", async () => {
    await expect(enqueueJob(t.db, "mail.send", { ...message("x"), to: "not an address" })).rejects.toThrow();
  });
});

describe("retries", () => {
  it("a job whose work throws once is retried and then succeeds", async () => {
    const attempts: number[] = [];
    const flaky = defineJob({
      name: "test.flaky",
      data: z.object({ n: z.number() }),
      queue: { retryLimit: 2, retryDelaySeconds: 0, retryBackoff: false, expireInSeconds: 30 },
      run: async (_data, { job }) => {
        attempts.push(job.retryCount);
        if (attempts.length === 1) throw new Error("the SMTP server said 451, try later");
        return { sent: true };
      },
    });
    await ensureJobQueues(t.db, [flaky]);
    const id = await enqueueDefinedJob(t.db, flaky, { n: 1 });
    await worker(t.db, [flaky]);
    await until(
      "the flaky job to complete",
      async () => (await jobState(t.db, id as string)) === "completed",
    );
    expect(attempts).toEqual([0, 1]);
    expect(failures).toHaveLength(1);
    expect(String(failures[0]?.error)).toContain("451");
    expect(failures[0]?.job).toMatchObject({ id, name: "test.flaky", retryCount: 0 });
  });

  it("a job whose process died mid-attempt is retried once its attempt expires", async () => {
    const runs: string[] = [];
    const slow = defineJob({
      name: "test.abandoned",
      data: z.object({}),
      queue: { retryLimit: 1, retryDelaySeconds: 0, retryBackoff: false, expireInSeconds: 1 },
      run: async (_data, { job }) => void runs.push(job.id),
    });
    await ensureJobQueues(t.db, [slow]);
    const id = await enqueueDefinedJob(t.db, slow, {});
    // Another process fetches the job (it is now active) and dies before finishing it.
    const dying = new PgBoss({
      ...BASE_SETTINGS,
      db: poolExecutor(poolOf(t.db)),
      supervise: false,
      schedule: false,
    });
    const [taken] = await dying.fetch(slow.name);
    expect(taken?.id).toBe(id);
    expect(await jobState(t.db, id as string)).toBe("active");

    const survivor = await worker(t.db, [slow]);
    await sleep(1_200); // past the attempt's expireInSeconds
    await survivor.maintain(); // what the worker's maintenance timer does every minute
    await until(
      "the abandoned job to complete",
      async () => (await jobState(t.db, id as string)) === "completed",
    );
    expect(runs).toEqual([id]);
  });
});

describe("several workers", () => {
  const N = 40;
  /** Runs N jobs on two workers; returns which worker ran each job, as many times as it ran. */
  async function runOnTwoWorkers(first: Db, second: Db): Promise<string[][]> {
    const runs = new Map<string, string[]>();
    const job = defineJob({
      name: "test.count",
      data: z.object({ i: z.number() }),
      queue: { retryLimit: 0, retryDelaySeconds: 0, retryBackoff: false, expireInSeconds: 30 },
      run: async (_data, { job, db }) => {
        await db.$executeRaw`SELECT pg_sleep(0.005)`; // long enough for the other worker to fetch meanwhile
        runs.set(job.id, [...(runs.get(job.id) ?? []), db === first ? "first" : "second"]);
      },
    });
    await ensureJobQueues(t.db, [job]);
    const ids = [];
    for (let i = 0; i < N; i++) ids.push(await enqueueDefinedJob(t.db, job, { i }));
    await Promise.all([worker(first, [job]), worker(second, [job])]);
    await until(`${N} jobs to complete`, () => runs.size === N);
    await sleep(300); // a duplicate run would show up here
    expect([...runs.keys()].sort()).toEqual([...ids].sort());
    expect([...runs.values()].filter((r) => r.length !== 1)).toEqual([]);
    expect(failures).toEqual([]);
    return [...runs.values()];
  }

  // Two processes: two clients with their own pools, as two servers would have.
  it.skipIf(embedded)("two workers with their own connections run each of N jobs exactly once", async () => {
    const other = createPrismaClient({ url: t.url, poolMax: 2 });
    try {
      const ranBy = (await runOnTwoWorkers(t.db, other)).flat();
      // Both took part: the jobs were shared out, not all run by whichever started first.
      expect(new Set(ranBy)).toEqual(new Set(["first", "second"]));
    } finally {
      await Promise.all(workers.splice(0).map((w) => w.stop()));
      await other.$disconnect();
    }
  });

  // The embedded database serves exactly one connection, so a second process (a second pool) cannot
  // connect at all; two queue instances in one process, taking turns on that connection, still must not
  // run a job twice.
  it.runIf(embedded)(
    "two workers sharing the one embedded connection run each of N jobs exactly once",
    async () => {
      await runOnTwoWorkers(t.db, t.db);
    },
  );
});
