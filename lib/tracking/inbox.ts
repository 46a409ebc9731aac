import { assertCan, type SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { groupBy } from "@/lib/domain/collections";
import { periodContaining, type StepState, stepState } from "@/lib/domain/cycles";
import { calendarDay, taipeiToday } from "@/lib/domain/time";
import { isEditable, type PeriodSpan, reportFor, type UpdateState } from "@/lib/domain/updates";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Cadence } from "@/lib/generated/prisma/enums";

/**
 * 待填報: what the viewer's departments owe for the reporting cycle now being reported on. For each
 * tracked item they lead, that is its set's latest cycle whose period has ended in Taipei; the item
 * is reported once a (not withdrawn) update covering that period has been submitted for sign-off;
 * a draft or a returned update is still owed. What is still owed comes first, overdue first.
 */
export type InboxItem = {
  itemId: number;
  nodeId: number;
  numberLabel: string | null;
  title: string;
  set: { id: number; name: string };
  department: { id: number; slug: string; nameZh: string; nameEn: string };
  period: ReturnType<typeof periodContaining>;
  staffDue: Date;
  lateAfter: Date;
  step: StepState;
  /** The sign-off state of the latest update covering the period, if any (a draft is still owed). */
  updateState: UpdateState | null;
  reported: boolean;
};

const ORDER: Record<StepState, number> = { overdue: 0, grace: 1, due: 2, open: 3 };

export async function listInbox(db: Db, viewer: SessionUser | null, now: Date): Promise<InboxItem[]> {
  assertCan(viewer, { action: "staff.workspace" });
  return reportsDue(db, viewer.role === "admin" ? undefined : viewer.departments.map((d) => d.id), now);
}

/** A tracked item owed a report, with the cycle being reported on (the latest of its set that has ended). */
type OwedRow = {
  itemId: number;
  nodeId: number;
  numberLabel: string | null;
  title: string | null;
  text: string;
  setId: number;
  setName: string;
  cadence: Cadence;
  departmentId: number;
  slug: string;
  nameZh: string;
  nameEn: string;
  periodFrom: Date;
  periodTo: Date;
  staffDue: Date;
  lateAfter: Date;
};

type EntryRow = PeriodSpan & { id: number; nodeId: number; state: UpdateState; updatedAt: Date };

/**
 * The same list for some departments (undefined: every department), for whoever may see it: the
 * inbox above, and the reminders the system sends (lib/tracking/reminders.ts).
 *
 * Two statements whose size does not grow with the city: the items are chosen by joins (the
 * departments, if any, bound as one array), never by a list of ids. Through Prisma's relations the
 * updates were fetched by binding every tracked node's id, which fails past PostgreSQL's 65,535
 * bind parameters (an administrator's inbox of a large city).
 */
export async function reportsDue(
  db: Db,
  departmentIds: number[] | undefined,
  now: Date,
): Promise<InboxItem[]> {
  const today = taipeiToday(now);
  const led = departmentIds
    ? Prisma.sql`i."leadDepartmentId" = ANY(${departmentIds}::int[])`
    : Prisma.sql`i."leadDepartmentId" IS NOT NULL`;
  // The cycle each set is reporting on: the latest whose period has ended in Taipei.
  const reported = Prisma.sql`
    SELECT DISTINCT ON (c."setId") c."setId", c."periodFrom", c."periodTo", c."staffDue", c."lateAfter"
    FROM "ReportingCycle" c
    WHERE c."periodTo" < ${today}::date
    ORDER BY c."setId", c."periodTo" DESC`;
  const owed = await db.$queryRaw<OwedRow[]>`
    WITH reported AS (${reported})
    SELECT i.id AS "itemId", n.id AS "nodeId", n."numberLabel", n.title, n.text,
           s.id AS "setId", s.name AS "setName", s.cadence,
           d.id AS "departmentId", d.slug, d."nameZh", d."nameEn",
           c."periodFrom", c."periodTo", c."staffDue", c."lateAfter"
    FROM "TrackedItem" i
    JOIN reported c ON c."setId" = i."setId"
    JOIN "TrackedSet" s ON s.id = i."setId"
    JOIN "Department" d ON d.id = i."leadDepartmentId"
    JOIN "PlanNode" n ON n.id = i."nodeId"
    WHERE i.state = 'tracking' AND ${led}`;
  if (owed.length === 0) return [];
  // The updates that could answer for those cycles: on the same items' nodes, covering the period.
  const entries = await db.$queryRaw<EntryRow[]>`
    WITH reported AS (${reported})
    SELECT e.id, e."nodeId", e."periodFrom", e."periodTo", e.state, e."updatedAt"
    FROM "ProgressEntry" e
    WHERE e."withdrawnAt" IS NULL
      AND EXISTS (
        SELECT 1 FROM "TrackedItem" i JOIN reported c ON c."setId" = i."setId"
        WHERE i."nodeId" = e."nodeId" AND i.state = 'tracking' AND ${led}
          AND e."periodFrom" <= c."periodFrom" AND e."periodTo" >= c."periodTo"
      )`;
  const entriesOf = groupBy(entries, (e) => e.nodeId);
  const inbox = owed.map((row): InboxItem => {
    const period = periodContaining(row.cadence, calendarDay(row.periodFrom));
    const report = reportFor(entriesOf.get(row.nodeId) ?? [], row);
    return {
      itemId: row.itemId,
      nodeId: row.nodeId,
      numberLabel: row.numberLabel,
      title: row.title ?? row.text,
      set: { id: row.setId, name: row.setName },
      department: { id: row.departmentId, slug: row.slug, nameZh: row.nameZh, nameEn: row.nameEn },
      period,
      staffDue: row.staffDue,
      lateAfter: row.lateAfter,
      step: stepState(period, calendarDay(row.staffDue), calendarDay(row.lateAfter), now),
      updateState: report?.state ?? null,
      reported: report !== undefined && !isEditable(report.state),
    };
  });
  return inbox.sort(
    (a, b) =>
      Number(a.reported) - Number(b.reported) ||
      ORDER[a.step] - ORDER[b.step] ||
      a.staffDue.getTime() - b.staffDue.getTime() ||
      a.itemId - b.itemId,
  );
}
