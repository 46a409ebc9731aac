import "server-only";
import { db } from "@/lib/db/server";
import { serverEnv } from "@/lib/env";
import { mailTransport } from "@/lib/mail/transport";
import { JOBS } from "./registry";
import { type JobWorker, startJobWorker } from "./worker";

// One worker per server process, kept on globalThis like the database client (lib/db/server.ts).
const globalForJobs = globalThis as unknown as { portalJobWorker?: Promise<JobWorker | null> };

/** Where mail goes, for the start-up line: never the SMTP URL's user or password. */
function describeMail(): string {
  const transport = mailTransport();
  if (transport.kind === "outbox")
    return `no SMTP_URL, mail is written to ${transport.dir} (read it at /admin/outbox)`;
  const url = new URL(transport.url);
  return `mail goes through ${url.protocol}//${url.host}`;
}

/**
 * Stops the worker on SIGINT and SIGTERM, then exits: the attempt in progress finishes (up to 10 s)
 * and is recorded, rather than left to expire and run again. Ctrl-C reaches the process twice (from
 * the terminal and from `npm start`), so only the first signal counts.
 */
function stopOnSignals(): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    void stopServerJobWorker().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

/**
 * Starts this server process's job worker, once. Called by Next's instrumentation hook
 * (instrumentation.ts) when the web server starts: the worker must run in the process that holds
 * the database pool, since on the embedded database that pool is the one connection there is. A worker
 * that cannot start (the queue's schema missing: the server was started without `npm start`'s
 * migration step) is reported and the site keeps serving. `handleSignals`: Next was told to leave
 * SIGINT and SIGTERM to us (NEXT_MANUAL_SIG_HANDLE, set by scripts/serve.ts).
 */
export function startServerJobWorker(options: { handleSignals: boolean }): Promise<JobWorker | null> {
  if (globalForJobs.portalJobWorker) return globalForJobs.portalJobWorker;
  if (options.handleSignals) stopOnSignals();
  globalForJobs.portalJobWorker = (async () => {
    if (!serverEnv().DATABASE_URL) return null; // no database was selected for this process
    const worker = await startJobWorker({ db: db(), stopTimeoutMs: 10_000 });
    console.log(`Jobs: worker started (${JOBS.map((j) => j.name).join(", ")}); ${describeMail()}.`);
    return worker;
  })().catch((error: unknown) => {
    console.error(
      `Jobs: the worker did not start: ${error instanceof Error ? error.message : String(error)}`,
    );
    return null;
  });
  return globalForJobs.portalJobWorker;
}

/** Stops the worker: the attempt in progress finishes (up to 10 s) and is recorded. */
export async function stopServerJobWorker(): Promise<void> {
  const worker = await globalForJobs.portalJobWorker;
  await worker?.stop();
}
