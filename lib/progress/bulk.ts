import { type Actor, assertCan, can, type SessionUser } from "@/lib/auth/permissions";
import type { AuditWriter } from "@/lib/commands/command";
import { AppError } from "@/lib/errors";
import type { ProgressImpact } from "@/lib/cache/tags";
import type { Db } from "@/lib/db/client";
import { TRACKABLE_KINDS } from "@/lib/domain/nodes";
import { isEditable } from "@/lib/domain/updates";
import { PROGRESS_STATUSES } from "@/lib/domain/progress";
import { documentCoversYear } from "@/lib/domain/plan-years";
import { calendarDay } from "@/lib/domain/time";
import { toCsv } from "@/lib/export/csv";
import { CsvSyntaxError, parseCsv } from "@/lib/export/csv-parse";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProgressStatus } from "@/lib/generated/prisma/enums";
import { en, zhHant } from "@/lib/i18n/messages";
import {
  checkPeriod,
  createProgressEntryIn,
  loadNodeScope,
  mergeImpacts,
  progressImpactOf,
  ProgressRuleError,
  updateProgressEntryIn,
} from "./entries";
import { diffVersions, type FieldChange } from "./history";
import { type Explanation, unexplainedFields } from "./plans";
import { takeStep } from "./workflow";
import { periodRange, type ProgressFields, progressFields } from "./schemas";

type Tx = Prisma.TransactionClient;

/**
 * Bulk progress: staff download their department's items for a period as CSV (current values
 * filled in), edit it in a spreadsheet, upload it, see every change and every refused row with its
 * reason, and confirm: all accepted rows are written in one transaction.
 */
export const BULK_COLUMNS = [
  "node_id",
  "department",
  "document",
  "number",
  "item",
  "latest_status",
  "latest_percent",
  "period_year",
  "period_quarter",
  "entry_id",
  "entry_version",
  "status",
  "percent",
  "narrative",
  // Appended (issue 13) and optional, so files downloaded before them still upload.
  "delay_cause",
  "remedy",
  "catch_up_date",
  "percent_drop_reason",
] as const;
const REQUIRED = [
  "node_id",
  "period_year",
  "period_quarter",
  "entry_id",
  "entry_version",
  "status",
  "percent",
  "narrative",
];
export const BULK_LIMITS = { bytes: 1_000_000, rows: 3000 } as const;

/** The file as a whole cannot be read; `reason` says why (a key of the bulk page's fileErrors). */
export class BulkFileError extends AppError {
  constructor(
    readonly reason: "tooLarge" | "notUtf8" | "csvSyntax" | "missingColumns" | "empty" | "tooManyRows",
    readonly detail = "",
  ) {
    super(reason === "tooLarge" ? "too_large" : "file_rejected", `${reason}${detail ? `: ${detail}` : ""}`);
    this.name = "BulkFileError";
  }
}

export type BulkPeriod = { year: number; quarter: number | null };

/** The nodes a user may bulk-update for one department and period: those of plans covering the year. */
async function departmentNodes(db: Db | Tx, departmentId: number, year: number) {
  return db.planNode.findMany({
    where: {
      kind: { in: TRACKABLE_KINDS },
      retiredAt: null,
      // Its own nodes, and the ones it leads as tracked items (a city-wide strategy assigned to it).
      OR: [
        { departmentId },
        { trackedItems: { some: { state: "tracking", leadDepartmentId: departmentId } } },
      ],
      document: documentCoversYear(year),
    },
    orderBy: [{ documentId: "asc" }, { lineFrom: "asc" }],
    select: {
      id: true,
      numberLabel: true,
      title: true,
      text: true,
      document: { select: { title: true } },
      department: { select: { nameZh: true } },
      progressEntries: {
        where: { withdrawnAt: null },
        orderBy: [{ periodFrom: "desc" }, { updatedAt: "desc" }],
        select: {
          id: true,
          version: true,
          periodYear: true,
          periodQuarter: true,
          status: true,
          percent: true,
          narrative: true,
          delayCause: true,
          remedy: true,
          catchUpDate: true,
          percentDropReason: true,
        },
      },
    },
  });
}

/** The CSV staff download: one row per item, the period's entry filled in where there is one. */
export async function bulkTemplate(
  db: Db,
  user: SessionUser | null,
  department: { id: number; slug: string; nameZh: string },
  period: BulkPeriod,
): Promise<{ fileName: string; csv: string; rows: number }> {
  assertCan(user, { action: "progress.write", departmentIds: [department.id] });
  const nodes = await departmentNodes(db, department.id, period.year);
  const rows = nodes.map((node) => {
    const current = node.progressEntries.find(
      (e) => e.periodYear === period.year && e.periodQuarter === period.quarter,
    );
    const latest = node.progressEntries[0];
    return [
      node.id,
      node.department?.nameZh ?? department.nameZh,
      node.document.title,
      node.numberLabel,
      node.title ?? node.text,
      latest?.status ?? "",
      latest?.percent ?? "",
      period.year,
      period.quarter ?? "",
      current?.id ?? "",
      current?.version ?? "",
      current?.status ?? "",
      current?.percent ?? "",
      current?.narrative ?? "",
      current?.delayCause ?? "",
      current?.remedy ?? "",
      current?.catchUpDate ? calendarDay(current.catchUpDate) : "",
      current?.percentDropReason ?? "",
    ];
  });
  const quarter = period.quarter ? `-q${period.quarter}` : "";
  return {
    fileName: `progress-${department.slug}-${period.year}${quarter}.csv`,
    csv: toCsv([...BULK_COLUMNS], rows),
    rows: rows.length,
  };
}

export type BulkReason = { key: string; detail?: string };
export type BulkRow = {
  line: number;
  nodeId: number | null;
  item: string;
  action: "create" | "update" | "unchanged" | "rejected";
  /** Whether writing it also submits it for sign-off (the item is tracked), else it stays a draft. */
  submits: boolean;
  reasons: BulkReason[];
  changes: FieldChange[];
};
export type BulkPreview = { rows: BulkRow[]; accepted: number; rejected: number; unchanged: number };

/** Status as a code (on_track) or as the label the portal shows (進行中 / On track). */
function readStatus(cell: string): ProgressStatus | string {
  const text = cell.trim();
  for (const status of PROGRESS_STATUSES) {
    if (
      text === status ||
      text === zhHant.status[status] ||
      text.toLowerCase() === en.status[status].toLowerCase()
    ) {
      return status;
    }
  }
  return text;
}

/** A whole number a database id or year can hold; anything else (abc, 12x, -1, 1e99) is NaN. */
const int = (cell: string | undefined): number | null => {
  const text = (cell ?? "").trim();
  if (text === "") return null;
  return /^\d{1,10}$/u.test(text) && Number(text) <= 2_147_483_647 ? Number(text) : Number.NaN;
};

export function decodeBulkFile(bytes: Uint8Array): string {
  if (bytes.byteLength > BULK_LIMITS.bytes) throw new BulkFileError("tooLarge");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new BulkFileError("notUtf8");
  }
}

function readTable(text: string): Array<{ line: number; cells: Record<string, string> }> {
  let table: string[][];
  try {
    table = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new BulkFileError("csvSyntax", String(error.line));
    throw error;
  }
  const [header, ...body] = table;
  if (!header) throw new BulkFileError("empty");
  const names = header.map((h) => h.trim());
  const missing = REQUIRED.filter((c) => !names.includes(c));
  if (missing.length > 0) throw new BulkFileError("missingColumns", missing.join(", "));
  if (body.length > BULK_LIMITS.rows) throw new BulkFileError("tooManyRows");
  return body.map((cells, i) => ({
    line: i + 2,
    cells: Object.fromEntries(names.map((name, j) => [name, cells[j] ?? ""])),
  }));
}

type PlannedWrite =
  | { kind: "create"; nodeId: number; fields: ProgressFields; submit: boolean }
  | { kind: "update"; entryId: number; expectedVersion: number; fields: ProgressFields; submit: boolean };

/**
 * Classifies every row against the database as it is now. Used for the preview and again, inside
 * the write transaction, on confirmation: a row that became a conflict in between is refused then.
 */
async function planRows(tx: Db | Tx, user: Actor | null, text: string, now: Date) {
  const table = readTable(text);
  const seen = new Set<string>();
  const rows: BulkRow[] = [];
  const writes: PlannedWrite[] = [];
  for (const { line, cells } of table) {
    const row: BulkRow = {
      line,
      nodeId: null,
      item: (cells.item ?? "").slice(0, 80),
      action: "rejected",
      submits: false,
      reasons: [],
      changes: [],
    };
    rows.push(row);
    const nodeId = int(cells.node_id);
    if (!nodeId) {
      row.reasons.push({ key: "unknownNode" });
      continue;
    }
    row.nodeId = nodeId;
    const entryId = int(cells.entry_id);
    if (Number.isNaN(entryId) || entryId === 0) {
      row.reasons.push({ key: "badEntryId", detail: (cells.entry_id ?? "").trim().slice(0, 20) });
      continue;
    }
    const status = (cells.status ?? "").trim();
    const narrative = (cells.narrative ?? "").trim();
    if (entryId === null && status === "" && narrative === "") {
      row.action = "unchanged"; // nothing recorded for this item: not an error
      continue;
    }
    let scope;
    try {
      scope = await loadNodeScope(tx as Tx, nodeId);
    } catch {
      row.reasons.push({ key: "unknownNode" });
      continue;
    }
    if (!can(user, { action: "progress.write", departmentIds: scope.departmentIds })) {
      row.reasons.push({ key: "forbidden" });
      continue;
    }
    const quarterCell = (cells.period_quarter ?? "").trim();
    // A file without the catch-up columns (downloaded before they existed) keeps an entry's own.
    const catchUpCells = {
      delayCause: cells.delay_cause,
      remedy: cells.remedy,
      catchUpDate: cells.catch_up_date,
      percentDropReason: cells.percent_drop_reason,
    };
    const parsed = progressFields.safeParse({
      ...catchUpCells,
      period: { year: int(cells.period_year), quarter: quarterCell === "" ? null : int(quarterCell) },
      status: readStatus(status),
      percent: int(cells.percent),
      narrative,
      figures: [],
      evidenceLinks: [],
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        row.reasons.push({ key: issue.message, detail: issue.path.join(".") });
      continue;
    }
    const fields = parsed.data;
    try {
      checkPeriod(fields, scope.planYears, now);
    } catch (error) {
      if (!(error instanceof ProgressRuleError)) throw error;
      row.reasons.push({ key: error.rule });
      continue;
    }
    const periodKey = `${nodeId}:${fields.period.year}:${fields.period.quarter ?? ""}`;
    if (seen.has(periodKey)) {
      row.reasons.push({ key: "duplicateRow" });
      continue;
    }
    seen.add(periodKey);

    const range = periodRange(fields.period);
    const from = range.from;
    // A file without these columns (downloaded before they existed) keeps an entry's own values.
    type Stored = Omit<Explanation, "catchUpDate"> & { catchUpDate: Date | null };
    const cellOr = (stored: Stored, key: "delayCause" | "remedy" | "percentDropReason") =>
      catchUpCells[key] === undefined ? stored[key] : (fields[key] ?? null);
    const explanationOf = (stored: Stored): Explanation => ({
      delayCause: cellOr(stored, "delayCause"),
      remedy: cellOr(stored, "remedy"),
      catchUpDate:
        catchUpCells.catchUpDate === undefined
          ? stored.catchUpDate && calendarDay(stored.catchUpDate)
          : (fields.catchUpDate ?? null),
      percentDropReason: cellOr(stored, "percentDropReason"),
    });
    // A tracked item's row is submitted: it must explain itself as the form must.
    const refusedUnexplained = async (said: Explanation, id: number) => {
      if (!scope.tracked) return false;
      const entry = { id, nodeId, status: fields.status, percent: fields.percent, periodTo: range.to };
      const missing = await unexplainedFields(tx as Tx, entry, said);
      for (const field of missing) row.reasons.push({ key: `${field}Required` });
      return missing.length > 0;
    };
    const draft = {
      status: fields.status,
      percent: fields.percent,
      narrative: fields.narrative,
      periodFrom: range.from,
      periodTo: range.to,
      withdrawnAt: null,
      withdrawnReason: null,
    };
    if (entryId === null) {
      const existing = await tx.progressEntry.findFirst({
        where: { nodeId, periodFrom: from, periodQuarter: fields.period.quarter, withdrawnAt: null },
        select: { id: true },
      });
      if (existing) {
        row.reasons.push({ key: "addedSinceDownload" });
        continue;
      }
      const catchUp = explanationOf({
        delayCause: null,
        remedy: null,
        catchUpDate: null,
        percentDropReason: null,
      });
      if (await refusedUnexplained(catchUp, 0)) continue;
      row.action = "create";
      row.changes = diffVersions(null, { ...draft, figures: [], evidenceLinks: [] }).filter(
        (c) => c.field !== "figures" && c.field !== "evidenceLinks",
      );
      row.submits = scope.tracked;
      writes.push({ kind: "create", nodeId, fields: { ...fields, ...catchUp }, submit: scope.tracked });
      continue;
    }
    const entry = await tx.progressEntry.findUnique({
      where: { id: entryId },
      select: {
        nodeId: true,
        version: true,
        withdrawnAt: true,
        status: true,
        percent: true,
        narrative: true,
        periodFrom: true,
        periodTo: true,
        figures: true,
        evidenceLinks: true,
        withdrawnReason: true,
        state: true,
        delayCause: true,
        remedy: true,
        catchUpDate: true,
        percentDropReason: true,
      },
    });
    if (!entry || entry.nodeId !== nodeId) {
      row.reasons.push({ key: "entryMismatch" });
      continue;
    }
    if (entry.withdrawnAt) {
      row.reasons.push({ key: "withdrawnEntry" });
      continue;
    }
    if (!isEditable(entry.state)) {
      row.reasons.push({ key: "updateLocked" });
      continue;
    }
    if (int(cells.entry_version) !== entry.version) {
      row.reasons.push({ key: "changedSinceDownload", detail: String(entry.version) });
      continue;
    }
    const catchUp = explanationOf(entry);
    if (await refusedUnexplained(catchUp, entryId)) continue;
    // The spreadsheet carries no figures or links: an update keeps the entry's own.
    const merged = {
      ...fields,
      ...catchUp,
      figures: entry.figures as ProgressFields["figures"],
      evidenceLinks: entry.evidenceLinks as ProgressFields["evidenceLinks"],
    };
    const changes = diffVersions(entry, {
      ...draft,
      figures: entry.figures,
      evidenceLinks: entry.evidenceLinks,
    });
    const sameCatchUp =
      catchUp.delayCause === entry.delayCause &&
      catchUp.remedy === entry.remedy &&
      catchUp.catchUpDate === (entry.catchUpDate && calendarDay(entry.catchUpDate)) &&
      catchUp.percentDropReason === entry.percentDropReason;
    if (changes.length === 0 && sameCatchUp) {
      row.action = "unchanged";
      continue;
    }
    row.action = "update";
    row.changes = changes;
    row.submits = scope.tracked;
    writes.push({
      kind: "update",
      entryId,
      expectedVersion: entry.version,
      fields: merged,
      submit: scope.tracked,
    });
  }
  const count = (action: BulkRow["action"]) => rows.filter((r) => r.action === action).length;
  const preview: BulkPreview = {
    rows,
    accepted: count("create") + count("update"),
    rejected: count("rejected"),
    unchanged: count("unchanged"),
  };
  return { preview, writes };
}

/** What the upload would do, without writing anything. */
export async function previewBulkUpload(
  db: Db | Tx,
  user: Actor | null,
  text: string,
  now = new Date(),
): Promise<BulkPreview> {
  return (await planRows(db, user, text, now)).preview;
}

export type BulkApplied = { preview: BulkPreview; created: number; updated: number; impact: ProgressImpact };

/**
 * Writes every accepted row inside the command's transaction (lib/progress/commands.ts): all of
 * them or, if anything unexpected fails, none. Rows refused now (someone saved in between) are
 * reported and skipped, never forced.
 */
export async function applyBulkRows(
  tx: Tx,
  user: Actor | null,
  text: string,
  audit: AuditWriter,
  now: Date,
): Promise<BulkApplied> {
  const { preview, writes } = await planRows(tx, user, text, now);
  const impacts: ProgressImpact[] = [];
  for (const write of writes) {
    const entry =
      write.kind === "create"
        ? await createProgressEntryIn(tx, user, { nodeId: write.nodeId, ...write.fields }, audit, now)
        : await updateProgressEntryIn(
            tx,
            user,
            { entryId: write.entryId, expectedVersion: write.expectedVersion, ...write.fields },
            audit,
            now,
          );
    // The spreadsheet is how a department reports: a tracked item's row goes to its supervisor.
    if (write.submit) {
      await takeStep(tx, user, "submit", { entryId: entry.id, expectedVersion: entry.version }, audit, now);
    }
    impacts.push(await progressImpactOf(tx, entry.nodeId));
  }
  return {
    preview,
    created: writes.filter((w) => w.kind === "create").length,
    updated: writes.filter((w) => w.kind === "update").length,
    impact: mergeImpacts(impacts),
  };
}
