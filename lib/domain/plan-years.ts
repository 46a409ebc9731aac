import type { Prisma } from "@/lib/generated/prisma/client";
import { gregorianToRoc, rocToGregorian } from "./years";

/*
 * Which years a plan covers: the one rule, used by every listing, filter, the council area, the
 * bulk template and the progress form's period check.
 *
 * A plan covers every Gregorian year from its first to its last ROC year as printed
 * (112 至 115 年度 → 2023 … 2026). With only one year printed (no end year) it covers that year
 * alone; a range printed backwards is read forwards. A document with no ROC year at all falls back
 * to the years of its period dates; with neither it covers no year. A period (a year, or a quarter
 * of it) is covered when its year is.
 */

export type PlanYearsInput = {
  rocYearFrom: number | null;
  rocYearTo: number | null;
  periodFrom?: Date | null;
  periodTo?: Date | null;
};

export type YearSpan = { from: number; to: number };

const ordered = (a: number, b: number): YearSpan => (a <= b ? { from: a, to: b } : { from: b, to: a });

/** The Gregorian years a plan covers, or null when it names none. */
export function planYears(doc: PlanYearsInput): YearSpan | null {
  const rocFrom = doc.rocYearFrom ?? doc.rocYearTo;
  if (rocFrom !== null) return ordered(rocToGregorian(rocFrom), rocToGregorian(doc.rocYearTo ?? rocFrom));
  const periodFrom = doc.periodFrom ?? null;
  if (periodFrom !== null) {
    return ordered(periodFrom.getUTCFullYear(), (doc.periodTo ?? periodFrom).getUTCFullYear());
  }
  return null;
}

/** Whether a span of years contains the year. */
export function covers(span: YearSpan | null, year: number): boolean {
  return span !== null && span.from <= year && year <= span.to;
}

/** Whether the plan covers the (Gregorian) year, or the year of a period. */
export function planCoversYear(doc: PlanYearsInput, year: number): boolean {
  return covers(planYears(doc), year);
}

/** Every year of a span, oldest first. */
export function yearsOf(span: YearSpan | null): number[] {
  if (span === null) return [];
  return Array.from({ length: span.to - span.from + 1 }, (_, i) => span.from + i);
}

/** The same rule as planYears + covers, as a `where` on SourceDocument. */
export function documentCoversYear(year: number): Prisma.SourceDocumentWhereInput {
  const roc = gregorianToRoc(year);
  const start = new Date(Date.UTC(year, 0, 1));
  const end = new Date(Date.UTC(year, 11, 31));
  return {
    OR: [
      { rocYearFrom: { lte: roc }, rocYearTo: { gte: roc } },
      { rocYearFrom: { gte: roc }, rocYearTo: { lte: roc } }, // a range printed backwards
      { rocYearFrom: roc, rocYearTo: null },
      { rocYearFrom: null, rocYearTo: roc },
      {
        rocYearFrom: null,
        rocYearTo: null,
        periodFrom: { lte: end },
        OR: [{ periodTo: { gte: start } }, { periodTo: null, periodFrom: { gte: start } }],
      },
    ],
  };
}

/** Whether two spans share at least one year; a plan that names no year overlaps nothing. */
export function spansOverlap(a: YearSpan | null, b: YearSpan | null): boolean {
  return a !== null && b !== null && a.from <= b.to && b.from <= a.to;
}
