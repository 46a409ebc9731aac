import { toTaipeiIso } from "@/lib/domain/time";
import type { ItemRow } from "@/lib/queries/items";
import { type CsvValue, toCsv } from "./csv";

/** Column names are stable English keys: the same in CSV headers and JSON fields. */
export const ITEM_COLUMNS = [
  "id",
  "kind",
  "number",
  "title",
  "department",
  "departmentSlug",
  "year",
  "status",
  "percent",
  "updatedAt",
  "document",
  "url",
] as const;

export type ItemRecord = Record<(typeof ITEM_COLUMNS)[number], CsvValue>;

export function itemRecords(rows: ItemRow[], origin: string): ItemRecord[] {
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    number: r.numberLabel,
    title: r.title,
    department: r.department?.nameZh ?? null,
    departmentSlug: r.department?.slug ?? null,
    year: r.year,
    status: r.status,
    percent: r.percent,
    updatedAt: r.updatedAt === null ? null : toTaipeiIso(new Date(r.updatedAt)),
    document: r.document.title,
    url: `${origin}/nodes/${r.id}`,
  }));
}

export function itemsCsv(records: ItemRecord[]): string {
  return toCsv(
    [...ITEM_COLUMNS],
    records.map((r) => ITEM_COLUMNS.map((c) => r[c])),
  );
}
