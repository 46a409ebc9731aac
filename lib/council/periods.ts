/**
 * Council periods. A period is a Gregorian year: a plan covers each year between its first and last
 * ROC year; a council report belongs to the year its reporting period ends in, else to the year it
 * was presented. Pure: the read models in ./read-models.ts build their queries on these rules.
 */
import { gregorianToRoc, isAcceptedYear, MAX_YEAR, MIN_YEAR, rocToGregorian } from "@/lib/domain/years";

/** Years the council area accepts; anything else is a caller's mistake, not an empty period. */
export const MIN_COUNCIL_YEAR = MIN_YEAR;
export const MAX_COUNCIL_YEAR = MAX_YEAR;

/** Throws a RangeError unless the year is a whole Gregorian year in the range above. */
export function assertCouncilYear(year: number): void {
  if (!isAcceptedYear(year)) {
    throw new RangeError(`Not a council period: ${year} (a Gregorian year is expected)`);
  }
}

/** The first day of a period (UTC midnight, as PostgreSQL DATE columns arrive). */
export function periodStart(year: number): Date {
  return new Date(Date.UTC(year, 0, 1));
}

/** The last day of a period: what "as of the period end" compares DATE columns with. */
export function periodEnd(year: number): Date {
  return new Date(Date.UTC(year, 11, 31));
}

export { gregorianToRoc, rocToGregorian };

/** Which years a plan covers is the city's one rule (lib/domain/plan-years.ts). */
export { covers, planYears, type PlanYearsInput, yearsOf } from "@/lib/domain/plan-years";

export type ReportYearInput = {
  periodTo: Date | null;
  presentedOn: Date | null;
  rocYearTo: number | null;
};

/**
 * The period a council report belongs to: the year its reporting period ends in, else the year it
 * was presented, else (a report with no dates at all) its last ROC year.
 */
export function reportYear(doc: ReportYearInput): number | null {
  if (doc.periodTo !== null) return doc.periodTo.getUTCFullYear();
  if (doc.presentedOn !== null) return doc.presentedOn.getUTCFullYear();
  if (doc.rocYearTo !== null) return rocToGregorian(doc.rocYearTo);
  return null;
}
