import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { MailTransport } from "@/lib/mail/transport";

/** What a job's work is given besides its data. */
export type JobContext = {
  /** The process's database (on the embedded database, the one shared connection). */
  db: Db;
  /** Where mail goes: SMTP or the outbox (tests pass their own). */
  mail: MailTransport;
  job: { id: string; name: string; /** 0 on the first attempt. */ retryCount: number };
};

/** How a job's queue retries and times out; stored with the queue in the database. */
export type QueueSettings = {
  /** Attempts after the first one fails. */
  retryLimit: number;
  /** Seconds before a retry; doubled each time (with jitter) when `retryBackoff`. */
  retryDelaySeconds: number;
  retryBackoff: boolean;
  /**
   * How long one attempt may run. An attempt still active after this (its process died, or it hung)
   * is failed by the queue's maintenance and retried, so keep it well above the slowest real run.
   */
  expireInSeconds: number;
};

/**
 * A kind of job: its name (also the queue's), the zod schema of its data (checked when it is enqueued
 * and again when it runs: the payload comes back from JSON of any age), its retries, and the work.
 * `cron` (5 fields, Asia/Taipei) makes the worker enqueue it on that schedule, once across all
 * processes.
 */
export type JobDefinition<Name extends string, Schema extends z.ZodType> = {
  name: Name;
  data: Schema;
  queue: QueueSettings;
  cron?: string;
  // Method syntax on purpose: it lets the registry hold every job as one AnyJob type.
  run(data: z.output<Schema>, context: JobContext): Promise<unknown>;
};

export type AnyJob = JobDefinition<string, z.ZodType>;

export function defineJob<const Name extends string, Schema extends z.ZodType>(
  job: JobDefinition<Name, Schema>,
): JobDefinition<Name, Schema> {
  return job;
}
