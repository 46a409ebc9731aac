import { kindFromDb } from "@/lib/domain/document-kind";
import { documentCoversYear } from "@/lib/domain/plan-years";
import { rocToGregorianOrNull } from "@/lib/domain/years";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import type { DocumentRefRecord } from "../schemas";

/** Fragments and conversions the API's reads share: one public shape per thing, everywhere. */

export const departmentRefSelect = { select: { slug: true, nameZh: true, nameEn: true } } as const;

export const documentRefSelect = {
  id: true,
  kind: true,
  title: true,
  rocYearFrom: true,
  rocYearTo: true,
} as const;

export type DocumentRefRow = {
  id: number;
  kind: DocumentKind;
  title: string;
  rocYearFrom: number | null;
  rocYearTo: number | null;
};

export const gregorianYear = rocToGregorianOrNull;

export function toDocumentRef(row: DocumentRefRow): DocumentRefRecord {
  return {
    id: row.id,
    kind: kindFromDb(row.kind),
    title: row.title,
    yearFrom: gregorianYear(row.rocYearFrom),
    yearTo: gregorianYear(row.rocYearTo),
  };
}

/** Documents covering a (Gregorian) year: the city's one rule (lib/domain/plan-years.ts). */
export function coversYear(year: number | undefined): Prisma.SourceDocumentWhereInput {
  return year === undefined ? {} : documentCoversYear(year);
}

export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
export const isoDayOrNull = (d: Date | null): string | null => (d ? isoDay(d) : null);
