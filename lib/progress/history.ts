import type { Db } from "@/lib/db/client";
import type { ProgressStatus } from "@/lib/generated/prisma/enums";

type VersionFields = {
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
export type FieldChange = { field: DiffField; before: string; after: string };

const day = (d: Date) => d.toISOString().slice(0, 10);
const show: Record<DiffField, (v: VersionFields) => string> = {
  period: (v) => `${day(v.periodFrom)} – ${day(v.periodTo)}`,
  status: (v) => v.status,
  percent: (v) => (v.percent === null ? "" : `${v.percent}%`),
  narrative: (v) => v.narrative,
  figures: (v) => JSON.stringify(v.figures ?? []),
  evidenceLinks: (v) => JSON.stringify(v.evidenceLinks ?? []),
  withdrawn: (v) => (v.withdrawnAt ? (v.withdrawnReason ?? "") : ""),
};

/** What changed between two versions of an entry, field by field (everything, for the first). */
export function diffVersions(before: VersionFields | null, after: VersionFields): FieldChange[] {
  return DIFF_FIELDS.flatMap((field) => {
    const next = show[field](after);
    const previous = before ? show[field](before) : "";
    return previous === next ? [] : [{ field, before: previous, after: next }];
  });
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
