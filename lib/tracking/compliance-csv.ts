import { toTaipeiIso } from "@/lib/domain/time";
import { toCsv } from "@/lib/export/csv";
import { periodLabel } from "@/lib/i18n/cycles";
import { workspaceZhHant } from "@/lib/i18n/workspace-messages";
import type { ComplianceReport } from "./compliance";

/** A share as a spreadsheet number: percent to one decimal, empty when nothing was due. */
const percent = (share: number | null) => (share === null ? "" : Math.round(share * 1000) / 10);

/**
 * 填報情形 as a spreadsheet for the 研考會's own analysis: one row per department × cycle, in the
 * page's order, with Chinese headers (the same words as the page's columns) whatever the reader's
 * language; the instant the figures were computed on every row, in ISO 8601 with +08:00.
 * Spreadsheet-safe and with a BOM, through lib/export/csv.
 */
export function complianceCsv(report: ComplianceReport): string {
  const c = workspaceZhHant.review.compliance;
  const header = [
    c.columns.set,
    c.columns.period,
    c.columns.periodKey,
    c.columns.department,
    c.columns.due,
    c.columns.onTime,
    c.columns.late,
    c.columns.returned,
    c.columns.notReported,
    c.columns.published,
    `${c.columns.onTimeShare}（%）`,
    c.columns.asOf,
  ];
  const setName = report.set?.name ?? c.allSets;
  const asOf = toTaipeiIso(report.generatedAt);
  return toCsv(
    header,
    report.rows.map((row) => [
      setName,
      periodLabel(row.period, "zh-Hant"),
      row.key,
      row.department.nameZh,
      row.counts.due,
      row.counts.onTime,
      row.counts.late,
      row.counts.returned,
      row.counts.notReported,
      row.counts.published,
      percent(row.onTimeShare),
      asOf,
    ]),
  );
}
