import type { Db } from "@/lib/db/client";
import { calendarDay } from "@/lib/domain/time";
import type { ProgressStatus, UpdateState, UpdateStepAction } from "@/lib/generated/prisma/enums";

export type VersionFields = {
  status: ProgressStatus;
  percent: number | null;
  narrative: string;
  periodFrom: Date;
  periodTo: Date;
  figures: unknown;
  evidenceLinks: unknown;
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
};

export const DIFF_FIELDS = [
  "period",
  "status",
  "percent",
  "narrative",
  "figures",
  "evidenceLinks",
  "withdrawn",
] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

export type Figure = { value: number; unit: string; label: string };
export type EvidenceLink = { url: string; title: string | null };

/**
 * Each field's value as data, not as text: pages render it in the reader's language (status names,
 * figures as "5 場 城市互訪", links as links). Plain JSON, so it crosses into client components.
 */
export type FieldValues = {
  period: { from: string; to: string }; // calendar days, "YYYY-MM-DD"
  status: ProgressStatus;
  percent: number | null;
  narrative: string;
  figures: Figure[];
  evidenceLinks: EvidenceLink[];
  withdrawn: { reason: string } | null;
};

/** One field's change; on an entry's first version there is no `before` (`first` is true). */
export type FieldChange = {
  [F in DiffField]: { field: F; first: boolean; before: FieldValues[F] | null; after: FieldValues[F] };
}[DiffField];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** Figures as stored (JSON): anything malformed in an old row is skipped, never shown raw. */
export function readFigures(json: unknown): Figure[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((f: unknown) =>
    isRecord(f) && typeof f.value === "number" && typeof f.label === "string"
      ? [{ value: f.value, unit: typeof f.unit === "string" ? f.unit : "", label: f.label }]
      : [],
  );
}

export function readEvidenceLinks(json: unknown): EvidenceLink[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((l: unknown) =>
    isRecord(l) && typeof l.url === "string"
      ? [{ url: l.url, title: typeof l.title === "string" && l.title !== "" ? l.title : null }]
      : [],
  );
}

const read: { [F in DiffField]: (v: VersionFields) => FieldValues[F] } = {
  period: (v) => ({ from: calendarDay(v.periodFrom), to: calendarDay(v.periodTo) }),
  status: (v) => v.status,
  percent: (v) => v.percent,
  narrative: (v) => v.narrative,
  figures: (v) => readFigures(v.figures),
  evidenceLinks: (v) => readEvidenceLinks(v.evidenceLinks),
  withdrawn: (v) => (v.withdrawnAt ? { reason: v.withdrawnReason ?? "" } : null),
};

/** Nothing to show: a first version does not list what it left empty. */
const isEmpty = (value: unknown) =>
  value === null || value === "" || (Array.isArray(value) && value.length === 0);

function changeOf<F extends DiffField>(field: F, before: VersionFields | null, after: VersionFields) {
  const next = read[field](after);
  const previous = before ? read[field](before) : null;
  const same = before ? JSON.stringify(previous) === JSON.stringify(next) : isEmpty(next);
  return same ? [] : [{ field, first: before === null, before: previous, after: next } as FieldChange];
}

/** What changed between two versions of an entry, field by field (everything, for the first). */
export function diffVersions(before: VersionFields | null, after: VersionFields): FieldChange[] {
  return DIFF_FIELDS.flatMap((field) => changeOf(field, before, after));
}

export type HistoryVersion = {
  version: number;
  at: Date;
  author: { name: string; departments: string[] };
  changes: FieldChange[];
};

/** Every version of an entry, newest first, with who saved it and what changed. */
export async function getProgressHistory(db: Db, entryId: number): Promise<HistoryVersion[]> {
  const versions = await db.progressEntryVersion.findMany({
    where: { entryId },
    orderBy: { version: "asc" },
    select: {
      version: true,
      createdAt: true,
      status: true,
      percent: true,
      narrative: true,
      periodFrom: true,
      periodTo: true,
      figures: true,
      evidenceLinks: true,
      withdrawnAt: true,
      withdrawnReason: true,
      author: {
        select: { name: true, memberships: { select: { department: { select: { nameZh: true } } } } },
      },
    },
  });
  return versions
    .map((v, i) => ({
      version: v.version,
      at: v.createdAt,
      author: { name: v.author.name, departments: v.author.memberships.map((m) => m.department.nameZh) },
      changes: diffVersions(i > 0 ? (versions[i - 1] ?? null) : null, v),
    }))
    .reverse();
}

/** One sign-off step as the history shows it: what was done, by whom, when, with any comment. */
export type UpdateStepRecord = {
  id: number;
  action: UpdateStepAction;
  toState: UpdateState;
  entryVersion: number;
  actor: { name: string };
  comment: string | null;
  at: Date;
};

/** An update's sign-off steps in order. */
export async function getUpdateSteps(db: Db, entryId: number): Promise<UpdateStepRecord[]> {
  return db.updateStep.findMany({
    where: { entryId },
    orderBy: { id: "asc" },
    select: {
      id: true,
      action: true,
      toState: true,
      entryVersion: true,
      actor: { select: { name: true } },
      comment: true,
      at: true,
    },
  });
}
