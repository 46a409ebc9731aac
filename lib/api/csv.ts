import { type CsvValue, toCsv } from "@/lib/export/csv";
import type {
  BudgetLineRecord,
  DepartmentRecord,
  DocumentRecord,
  NodeRecord,
  ProgressEntryRecord,
  ReportFigureRecord,
  SearchHitRecord,
} from "./schemas";

/**
 * The CSV form of each list: one row per JSON record of the same page, nested objects flattened
 * into columns named like the JSON path (department.slug → departmentSlug), lists joined with " | ".
 * Written by lib/export/csv: BOM, CRLF, formula-safe cells.
 */
export type CsvColumn<T> = readonly [header: string, value: (row: T) => CsvValue];

export function recordsCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  return toCsv(
    columns.map(([header]) => header),
    rows.map((row) => columns.map(([, value]) => value(row))),
  );
}

type Dept = { slug: string; nameZh: string; nameEn: string } | null;

function departmentColumns<T>(pick: (row: T) => Dept, prefix = "department"): CsvColumn<T>[] {
  return [
    [`${prefix}Slug`, (r) => pick(r)?.slug],
    [`${prefix}NameZh`, (r) => pick(r)?.nameZh],
    [`${prefix}NameEn`, (r) => pick(r)?.nameEn],
  ];
}

const joined = (values: readonly string[]) => values.join(" | ");

export const DEPARTMENT_CSV: CsvColumn<DepartmentRecord>[] = [
  ["slug", (r) => r.slug],
  ["nameZh", (r) => r.nameZh],
  ["nameEn", (r) => r.nameEn],
  ["aliases", (r) => joined(r.aliases)],
  ["documentCount", (r) => r.documentCount],
  ["itemCount", (r) => r.itemCount],
];

export const DOCUMENT_CSV: CsvColumn<DocumentRecord>[] = [
  ["id", (r) => r.id],
  ["kind", (r) => r.kind],
  ["title", (r) => r.title],
  ["yearFrom", (r) => r.yearFrom],
  ["yearTo", (r) => r.yearTo],
  ["documentKey", (r) => r.documentKey],
  ["version", (r) => r.version],
  ["periodFrom", (r) => r.periodFrom],
  ["periodTo", (r) => r.periodTo],
  ["presentedOn", (r) => r.presentedOn],
  ["presenter", (r) => r.presenter],
  ["councilSession", (r) => r.councilSession],
  ...departmentColumns<DocumentRecord>((r) => r.department),
  ["lineCount", (r) => r.lineCount],
  ["importedAt", (r) => r.importedAt],
  ["countsNodes", (r) => r.counts.nodes],
  ["countsBudgetLines", (r) => r.counts.budgetLines],
  ["countsFigures", (r) => r.counts.figures],
];

export const NODE_CSV: CsvColumn<NodeRecord>[] = [
  ["id", (r) => r.id],
  ["kind", (r) => r.kind],
  ["numberLabel", (r) => r.numberLabel],
  ["title", (r) => r.title],
  ["text", (r) => r.text],
  ["ordinal", (r) => r.ordinal],
  ["parentId", (r) => r.parentId],
  ["depth", (r) => r.depth],
  ["position", (r) => r.position],
  ["stableKey", (r) => r.stableKey],
  ["lineFrom", (r) => r.lineFrom],
  ["lineTo", (r) => r.lineTo],
  ["retired", (r) => r.retired],
  ["documentId", (r) => r.document.id],
  ["documentKind", (r) => r.document.kind],
  ["documentTitle", (r) => r.document.title],
  ["documentYearFrom", (r) => r.document.yearFrom],
  ["documentYearTo", (r) => r.document.yearTo],
  ...departmentColumns<NodeRecord>((r) => r.department),
  ["status", (r) => r.status],
  ["percent", (r) => r.percent],
  ["statusUpdatedAt", (r) => r.statusUpdatedAt],
];

export const BUDGET_LINE_CSV: CsvColumn<BudgetLineRecord>[] = [
  ["id", (r) => r.id],
  ["documentId", (r) => r.document.id],
  ["documentTitle", (r) => r.document.title],
  ...departmentColumns<BudgetLineRecord>((r) => r.department),
  ["nodeId", (r) => r.nodeId],
  ["parentId", (r) => r.parentId],
  ["tableName", (r) => r.tableName],
  ["stableKey", (r) => r.stableKey],
  ["fiscalYear", (r) => r.fiscalYear],
  ["label", (r) => r.label],
  ["name", (r) => r.name],
  ["amountThousands", (r) => r.amountThousands],
  ["note", (r) => r.note],
  ["position", (r) => r.position],
  ["lineFrom", (r) => r.lineFrom],
  ["lineTo", (r) => r.lineTo],
];

export const REPORT_FIGURE_CSV: CsvColumn<ReportFigureRecord>[] = [
  ["id", (r) => r.id],
  ["documentId", (r) => r.document.id],
  ["documentTitle", (r) => r.document.title],
  ["documentPresentedOn", (r) => r.document.presentedOn],
  ...departmentColumns<ReportFigureRecord>((r) => r.department),
  ["nodeId", (r) => r.node?.id],
  ["nodeNumberLabel", (r) => r.node?.numberLabel],
  ["nodeTitle", (r) => r.node?.title],
  ["value", (r) => r.value],
  ["valueText", (r) => r.valueText],
  ["unit", (r) => r.unit],
  ["label", (r) => r.label],
  ["sentence", (r) => r.sentence],
  ["asOf", (r) => r.asOf],
  ["lineFrom", (r) => r.lineFrom],
  ["lineTo", (r) => r.lineTo],
];

export const PROGRESS_ENTRY_CSV: CsvColumn<ProgressEntryRecord>[] = [
  ["id", (r) => r.id],
  ["nodeId", (r) => r.node.id],
  ["nodeKind", (r) => r.node.kind],
  ["nodeNumberLabel", (r) => r.node.numberLabel],
  ["nodeTitle", (r) => r.node.title],
  ["documentId", (r) => r.node.documentId],
  ...departmentColumns<ProgressEntryRecord>((r) => r.department),
  ["periodYear", (r) => r.period.year],
  ["periodQuarter", (r) => r.period.quarter],
  ["periodFrom", (r) => r.period.from],
  ["periodTo", (r) => r.period.to],
  ["status", (r) => r.status],
  ["percent", (r) => r.percent],
  ["narrative", (r) => r.narrative],
  ["figures", (r) => joined(r.figures.map((f) => `${f.label ? `${f.label} ` : ""}${f.value} ${f.unit}`))],
  ["evidenceLinks", (r) => joined(r.evidenceLinks.map((l) => l.url))],
  ["version", (r) => r.version],
  ["authorDepartments", (r) => joined(r.authorDepartments.map((d) => d.nameZh))],
  ["createdAt", (r) => r.createdAt],
  ["updatedAt", (r) => r.updatedAt],
];

const plain = (parts: ReadonlyArray<{ text: string }>) => parts.map((p) => p.text).join("");

export const SEARCH_HIT_CSV: CsvColumn<SearchHitRecord>[] = [
  ["id", (r) => r.id],
  ["type", (r) => r.type],
  ["kind", (r) => r.kind],
  ["title", (r) => plain(r.title)],
  ["snippet", (r) => plain(r.snippet)],
  ["score", (r) => r.score],
  ["href", (r) => r.href],
  ["documentId", (r) => r.document.id],
  ["documentKind", (r) => r.document.kind],
  ["documentTitle", (r) => r.document.title],
  ...departmentColumns<SearchHitRecord>((r) => r.department),
  ["yearFrom", (r) => r.years?.from],
  ["yearTo", (r) => r.years?.to],
  ["status", (r) => r.status],
  ["retired", (r) => r.retired],
];
