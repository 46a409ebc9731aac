/**
 * Reporting cycles (管考): the periods a tracked set reports on and the due dates of each step.
 * Every day is a Taipei calendar day "YYYY-MM-DD" (see time.ts); a period turns over at midnight in
 * Taipei. Day arithmetic runs on UTC dates only because they have no offset and no DST, so adding
 * days never drifts; the result is read back as a plain calendar day. Pure: `now` is a parameter.
 */
import { taipeiDay } from "./time";
import { isAcceptedYear } from "./years";

export const CADENCES = ["monthly", "quarterly", "half_yearly"] as const;
export type Cadence = (typeof CADENCES)[number];

/** Days after a period ends by which each step is due; grace = days after the staff due date before an update counts as late. */
export type DueOffsets = { staffDays: number; supervisorDays: number; reviewDays: number; graceDays: number };

/** GPMnet practice: staff by the 10th after the period, supervisor by the 15th, 研考會 by the 20th. */
export const DEFAULT_DUE_OFFSETS: DueOffsets = Object.freeze({
  staffDays: 10,
  supervisorDays: 15,
  reviewDays: 20,
  graceDays: 5,
});

/** A reporting period: calendar days "YYYY-MM-DD" in Taipei, inclusive. index: 1-12 (month), 1-4 (quarter) or 1-2 (half). */
export type CyclePeriod = { cadence: Cadence; year: number; index: number; from: string; to: string };
export type CycleDueDates = { staff: string; supervisor: string; review: string; lateAfter: string };

/** More periods than this in one span is a caller's mistake (50 years of months), not a real cycle list. */
export const MAX_PERIODS = 600;
export const MAX_DUE_DAYS = 90;
export const MAX_GRACE_DAYS = 60;

/** Months per period: every cadence divides the year evenly, so a period is a run of whole months. */
const MONTHS_PER_PERIOD: Record<Cadence, number> = { monthly: 1, quarterly: 3, half_yearly: 6 };

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/u;
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export function isCadence(value: unknown): value is Cadence {
  return typeof value === "string" && (CADENCES as readonly string[]).includes(value);
}

/** Parses a calendar day, refusing impossible ones (2027-02-29) that Date.UTC would silently roll over. */
function parseDay(day: string): { year: number; month: number; day: number } {
  const match = DAY_PATTERN.exec(day);
  if (!match) throw new RangeError(`Not a calendar day "YYYY-MM-DD": ${JSON.stringify(day)}`);
  const [year, month, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isAcceptedYear(year) || month < 1 || month > 12 || d < 1 || d > daysInMonth(year, month)) {
    throw new RangeError(`Not a calendar day the portal accepts: ${day}`);
  }
  return { year, month, day: d };
}

/** Whether a string is a calendar day the portal accepts ("YYYY-MM-DD", a real day of an accepted year). */
export function isCalendarDay(value: string): boolean {
  try {
    parseDay(value);
    return true;
  } catch {
    return false;
  }
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; handles leap years for free.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const formatDay = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/** A calendar day plus whole days (may cross month and year ends). */
export function addDays(day: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  const p = parseDay(day);
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  return formatDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The period of a cadence with this year and index (1-based). */
export function periodOf(cadence: Cadence, year: number, index: number): CyclePeriod {
  const size = MONTHS_PER_PERIOD[cadence];
  if (!isAcceptedYear(year)) throw new RangeError(`Not an accepted year: ${year}`);
  if (!Number.isInteger(index) || index < 1 || index > 12 / size) {
    throw new RangeError(`No ${cadence} period ${index} in a year`);
  }
  const firstMonth = (index - 1) * size + 1;
  const lastMonth = firstMonth + size - 1;
  return {
    cadence,
    year,
    index,
    from: formatDay(year, firstMonth, 1),
    to: formatDay(year, lastMonth, daysInMonth(year, lastMonth)),
  };
}

/** The period of a cadence containing a Taipei calendar day. */
export function periodContaining(cadence: Cadence, day: string): CyclePeriod {
  const { year, month } = parseDay(day);
  return periodOf(cadence, year, Math.floor((month - 1) / MONTHS_PER_PERIOD[cadence]) + 1);
}

/** The period containing `now` in Taipei (uses lib/domain/time.ts). */
export function currentPeriod(cadence: Cadence, now: Date): CyclePeriod {
  return periodContaining(cadence, taipeiDay(now));
}

/** The period right after this one (index wraps into the next year). */
function nextPeriod(period: CyclePeriod): CyclePeriod {
  const perYear = 12 / MONTHS_PER_PERIOD[period.cadence];
  return period.index < perYear
    ? periodOf(period.cadence, period.year, period.index + 1)
    : periodOf(period.cadence, period.year + 1, 1);
}

/** The periods of a cadence that overlap [fromDay, toDay] (both "YYYY-MM-DD"), in order. Throws RangeError for a bad span or more than 600 periods. */
export function periodsBetween(cadence: Cadence, fromDay: string, toDay: string): CyclePeriod[] {
  parseDay(fromDay);
  parseDay(toDay);
  if (fromDay > toDay) throw new RangeError(`Span ends before it starts: ${fromDay} – ${toDay}`);
  // A span starting mid-period still owes a report for that whole period, so start at its container.
  const periods: CyclePeriod[] = [];
  for (let p = periodContaining(cadence, fromDay); ; p = nextPeriod(p)) {
    if (periods.length === MAX_PERIODS) {
      throw new RangeError(`More than ${MAX_PERIODS} ${cadence} periods in ${fromDay} – ${toDay}`);
    }
    periods.push(p);
    // Stop at the period holding toDay, before building the next (none exists after MAX_YEAR).
    if (p.to >= toDay) break;
  }
  return periods;
}

/** Rule checks: offsets must be whole days 0–90 and staff ≤ supervisor ≤ review; grace 0–60. */
export function checkDueOffsets(offsets: DueOffsets): "dueDatesOutOfOrder" | "dueDaysOutOfRange" | null {
  const within = (n: number, max: number) => Number.isInteger(n) && n >= 0 && n <= max;
  const { staffDays, supervisorDays, reviewDays, graceDays } = offsets;
  if (![staffDays, supervisorDays, reviewDays].every((n) => within(n, MAX_DUE_DAYS)))
    return "dueDaysOutOfRange";
  if (!within(graceDays, MAX_GRACE_DAYS)) return "dueDaysOutOfRange";
  // A supervisor cannot sign off before staff have reported, nor 研考會 review before sign-off.
  if (staffDays > supervisorDays || supervisorDays > reviewDays) return "dueDatesOutOfOrder";
  return null;
}

/** Due dates: period end + offsets (calendar days). Throws RangeError for offsets checkDueOffsets refuses. */
export function dueDatesOf(period: CyclePeriod, offsets: DueOffsets): CycleDueDates {
  const problem = checkDueOffsets(offsets);
  if (problem) throw new RangeError(`Due offsets refused: ${problem}`);
  const staff = addDays(period.to, offsets.staffDays);
  return {
    staff,
    supervisor: addDays(period.to, offsets.supervisorDays),
    review: addDays(period.to, offsets.reviewDays),
    lateAfter: addDays(staff, offsets.graceDays),
  };
}

export const STEP_STATES = ["open", "due", "grace", "overdue"] as const;
export type StepState = (typeof STEP_STATES)[number];

/**
 * Where a step stands on the Taipei day of `now`: "open" through the period's last day, "due" after
 * it up to and including `due`, "grace" up to and including `lateAfter`, then "overdue". Due and
 * lateAfter days count in full: an update on the due day is on time.
 */
export function stepState(period: CyclePeriod, due: string, lateAfter: string, now: Date): StepState {
  parseDay(due);
  parseDay(lateAfter);
  const today = taipeiDay(now);
  if (today <= period.to) return "open";
  if (today <= due) return "due";
  if (today <= lateAfter) return "grace";
  return "overdue";
}

/** Whether two periods (or any {from,to} day spans, inclusive) overlap: sharing one day is enough. */
export function spansOverlap(a: { from: string; to: string }, b: { from: string; to: string }): boolean {
  for (const day of [a.from, a.to, b.from, b.to]) parseDay(day);
  // "YYYY-MM-DD" sorts as it reads, so string comparison is day comparison.
  return a.from <= b.to && b.from <= a.to;
}

const KEY_LETTER: Record<Cadence, string> = { monthly: "M", quarterly: "Q", half_yearly: "H" };

/** A stable key for a period, e.g. "2026-Q4", "2026-M03", "2026-H2". */
export function periodKey(period: CyclePeriod): string {
  const index = period.cadence === "monthly" ? pad(period.index) : String(period.index);
  return `${pad(period.year, 4)}-${KEY_LETTER[period.cadence]}${index}`;
}

const KEY_PATTERN = /^(\d{4})-(?:M(0[1-9]|1[0-2])|Q([1-4])|H([12]))$/u;

/** The period a key names ("2026-Q4" → 2026's fourth quarter), or null for anything else: periodKey read back. */
export function parsePeriodKey(key: string): CyclePeriod | null {
  const match = KEY_PATTERN.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  if (!isAcceptedYear(year)) return null;
  if (match[2]) return periodOf("monthly", year, Number(match[2]));
  if (match[3]) return periodOf("quarterly", year, Number(match[3]));
  return periodOf("half_yearly", year, Number(match[4]));
}
