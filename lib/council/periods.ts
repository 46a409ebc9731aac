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

export type PlanYearsInput = {
  rocYearFrom: number | null;
  rocYearTo: number | null;
  periodFrom: Date | null;
  periodTo: Date | null;
};

/**
 * The Gregorian years a plan covers: its ROC years as printed (a single year when only the first is
 * known), else the years of its period dates; null when the document names no period at all.
 */
export function planYears(doc: PlanYearsInput): { from: number; to: number } | null {
  if (doc.rocYearFrom !== null) {
    const from = rocToGregorian(doc.rocYearFrom);
    const to = doc.rocYearTo === null ? from : rocToGregorian(doc.rocYearTo);
    return to >= from ? { from, to } : { from: to, to: from };
  }
  if (doc.periodFrom !== null) {
    const from = doc.periodFrom.getUTCFullYear();
    const to = (doc.periodTo ?? doc.periodFrom).getUTCFullYear();
    return to >= from ? { from, to } : { from: to, to: from };
  }
  return null;
}

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

/** Whether a span of years contains the year. */
export function covers(span: { from: number; to: number } | null, year: number): boolean {
  return span !== null && span.from <= year && year <= span.to;
}

/** Every year of a span, oldest first. */
export function yearsOf(span: { from: number; to: number } | null): number[] {
  if (span === null) return [];
  return Array.from({ length: span.to - span.from + 1 }, (_, i) => span.from + i);
}
