import type { z } from "zod";
import { mailSendJob } from "@/lib/mail/jobs";
import { remindersScanJob } from "@/lib/tracking/reminders-job";
import type { AnyJob } from "./define";

/**
 * Every kind of job the worker runs. Register a new one here (declared with defineJob beside its
 * domain, as commands are): the migration step creates its queue, the worker polls it, and
 * enqueueJob accepts its name and checks its data. A scheduled job (the tracking loop's
 * `reminders.scan`) is one with a `cron`.
 */
export const JOBS = [mailSendJob, remindersScanJob] as const satisfies readonly AnyJob[];

type Job = (typeof JOBS)[number];
export type JobName = Job["name"];
/** The data a job of this name is enqueued with. */
export type JobData<N extends JobName> = z.input<Extract<Job, { name: N }>["data"]>;

export function jobNamed(name: string): AnyJob {
  const job = (JOBS as readonly AnyJob[]).find((j) => j.name === name);
  if (!job) throw new Error(`No job is registered as "${name}" (lib/jobs/registry.ts).`);
  return job;
}
