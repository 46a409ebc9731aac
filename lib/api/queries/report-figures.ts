import "server-only";
import type { Db } from "@/lib/db/client";
import { type PageRequest, type Paged, skipTake } from "../pagination";
import type { ReportFigureRecord } from "../schemas";
import { coversYear, departmentRefSelect, documentRefSelect, isoDayOrNull, toDocumentRef } from "./shared";

export type ReportFigureFilter = { department?: string; year?: number; document?: number };

/** Figures quoted in council reports, in each report's printed order. */
export async function listApiReportFigures(
  db: Db,
  query: ReportFigureFilter & PageRequest,
): Promise<Paged<ReportFigureRecord>> {
  const where = {
    documentId: query.document,
    document: {
      department: query.department ? { slug: query.department } : undefined,
      ...coversYear(query.year),
    },
  };
  const [total, rows] = await Promise.all([
    db.reportFigure.count({ where }),
    db.reportFigure.findMany({
      where,
      select: {
        id: true,
        document: { select: { ...documentRefSelect, presentedOn: true, department: departmentRefSelect } },
        node: { select: { id: true, numberLabel: true, title: true } },
        value: true,
        valueText: true,
        unit: true,
        label: true,
        sentence: true,
        asOf: true,
        lineFrom: true,
        lineTo: true,
      },
      orderBy: [{ documentId: "asc" }, { lineFrom: "asc" }, { id: "asc" }],
      ...skipTake(query),
    }),
  ]);
  return {
    rows: rows.map(({ document: { department, presentedOn, ...document }, ...r }) => ({
      id: r.id,
      document: { ...toDocumentRef(document), presentedOn: isoDayOrNull(presentedOn) },
      department,
      node: r.node,
      value: r.value,
      valueText: r.valueText,
      unit: r.unit,
      label: r.label,
      sentence: r.sentence,
      asOf: isoDayOrNull(r.asOf),
      lineFrom: r.lineFrom,
      lineTo: r.lineTo,
    })),
    total,
  };
}
