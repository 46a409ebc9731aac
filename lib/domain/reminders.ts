import { addDays } from "./cycles";

/**
 * When the portal reminds a department of a report it owes (all Taipei calendar days, "YYYY-MM-DD"):
 * some days before the staff due date, on it, once the grace period is over (overdue), and, some
 * days later still, to the department's supervisors (escalation). Each kind is sent once per item
 * and cycle (the job's key says so), and none once the report has been submitted.
 */
export const REMINDER_KINDS = ["due_soon", "due", "overdue", "escalation"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_DAYS = Object.freeze({ before: 3, escalateAfter: 5 });

export function remindersDue(
  today: string,
  staffDue: string,
  lateAfter: string,
  days: { before: number; escalateAfter: number } = REMINDER_DAYS,
): ReminderKind[] {
  if (today < addDays(staffDue, -days.before)) return [];
  if (today < staffDue) return ["due_soon"];
  if (today === staffDue) return ["due"];
  if (today <= lateAfter) return []; // the grace period: reminded on the day, not chased yet
  return today >= addDays(lateAfter, days.escalateAfter) ? ["overdue", "escalation"] : ["overdue"];
}
