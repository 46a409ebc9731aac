import { z } from "zod";
import { defineJob } from "@/lib/jobs/define";

/**
 * Runs the reminder scan (lib/tracking/reminders.ts) every morning at 08:00 Taipei time, once
 * across all processes. The scan is imported when the job runs: it enqueues mail, and the queue's
 * modules import this registry, so a static import here would be a cycle.
 */
export const remindersScanJob = defineJob({
  name: "reminders.scan",
  data: z.object({}).loose(),
  queue: { retryLimit: 2, retryDelaySeconds: 300, retryBackoff: false, expireInSeconds: 900 },
  cron: "0 8 * * *",
  run: async (_data, { db }) => (await import("./reminders")).scanReminders(db, new Date()),
});
