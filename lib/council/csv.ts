import type { BudgetBreakdown } from "@/lib/domain/budget";
import { toCsv } from "@/lib/export/csv";
import type { CouncillorNote } from "@/lib/notes/councillor-notes";
import type { DepartmentReport } from "./read-models";

const HEADER = ["table", "id", "number", "item", "status", "percent", "value", "unit", "text", "note"];

function budgetRows(budget: BudgetBreakdown, depth = 0, parts = budget.parts): string[][] {
  return parts.flatMap((p) => [
    [
      "budget",
      String(p.id),
      p.label ?? "",
      `${"  ".repeat(depth)}${p.name}`,
      "",
      "",
      String(p.amountThousands),
      "千元",
      "",
      "",
    ],
    ...budgetRows(budget, depth + 1, p.children),
  ]);
}

/**
 * A department report as one CSV: items with their latest progress, the budget lines (and total),
 * the reports' figures, and the reader's own notes on them. Spreadsheet-safe (lib/export/csv).
 */
export function councilReportCsv(report: DepartmentReport, notes: CouncillorNote[]): string {
  const notesOf = (nodeId: number) =>
    notes
      .filter((n) => n.nodeId === nodeId)
      .map((n) => n.body)
      .join(" / ");
  const rows: string[][] = [
    ...report.items.map((i) => [
      "item",
      String(i.id),
      i.numberLabel ?? "",
      i.title ?? i.text,
      i.latest?.status ?? "no_update",
      i.latest?.percent === null || i.latest?.percent === undefined ? "" : String(i.latest.percent),
      "",
      "",
      i.latest?.narrativeExcerpt ?? "",
      notesOf(i.id),
    ]),
    ...(report.budget
      ? [
          ...budgetRows(report.budget),
          [
            "budget",
            "",
            "",
            "合計",
            "",
            "",
            String(report.budget.total),
            "千元",
            report.budget.tableName,
            "",
          ],
        ]
      : []),
    ...report.reports.flatMap((r) =>
      r.figures.map((f) => [
        "figure",
        String(f.id),
        "",
        f.label ?? "",
        "",
        "",
        f.valueText,
        f.unit,
        f.sentence,
        f.nodeId === null ? "" : notesOf(f.nodeId),
      ]),
    ),
    ...report.reports.flatMap((r) =>
      r.sections.map((s) => [
        "section",
        String(s.id),
        s.numberLabel ?? "",
        s.title ?? "",
        "",
        "",
        String(s.figureCount),
        "",
        r.document.title,
        notesOf(s.id),
      ]),
    ),
  ];
  return toCsv(HEADER, rows);
}
