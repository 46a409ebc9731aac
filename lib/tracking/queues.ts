import { assertCan, can, type SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProgressStatus } from "@/lib/generated/prisma/enums";
import type { Light } from "@/lib/domain/lights";
import { calendarDay } from "@/lib/domain/time";
import { readEvidenceLinks, type EvidenceLink } from "@/lib/progress/history";
import { judgeUpdate } from "@/lib/progress/lights";
import { listInbox } from "./inbox";

/**
 * The sign-off queues: updates waiting for a department's supervisor (核可) and updates waiting for
 * the 研考會 (覆核). A supervisor sees the submitted updates of the nodes their departments answer
 * for (own, or lead as tracked items); a reviewer sees every approved update. Oldest first: what
 * has waited longest is dealt with first.
 */
export type PendingUpdate = {
  entryId: number;
  version: number;
  nodeId: number;
  numberLabel: string | null;
  title: string;
  department: { slug: string; nameZh: string; nameEn: string } | null;
  periodYear: number;
  periodQuarter: number | null;
  status: ProgressStatus;
  percent: number | null;
  narrative: string;
  evidenceLinks: EvidenceLink[];
  author: { id: number; name: string };
  /** When it reached this queue (its last step). */
  since: Date;
  /** The light the rule gives it now, the planned % it is compared with, and a supervisor's override. */
  light: { computed: Light; planned: number | null; override: { light: Light; reason: string } | null };
  /** When behind: 落後原因, 因應對策, 預計改善日期 (a Taipei day). */
  catchUp: { delayCause: string | null; remedy: string | null; catchUpDate: string | null };
};

export type Queue = "approval" | "review";

/** Nodes the departments answer for: owned, or led as a tracked item still being tracked. */
export const answeredBy = (departmentIds: number[]): Prisma.PlanNodeWhereInput => ({
  OR: [
    { departmentId: { in: departmentIds } },
    { trackedItems: { some: { state: "tracking", leadDepartmentId: { in: departmentIds } } } },
  ],
});

function queueWhere(viewer: SessionUser, queue: Queue): Prisma.ProgressEntryWhereInput | null {
  if (queue === "review") {
    return can(viewer, { action: "progress.review" }) ? { state: "approved", withdrawnAt: null } : null;
  }
  const departmentIds = viewer.departments.map((d) => d.id);
  if (viewer.role === "admin") return { state: "submitted", withdrawnAt: null };
  if (!can(viewer, { action: "progress.approve", departmentIds })) return null;
  return { state: "submitted", withdrawnAt: null, node: answeredBy(departmentIds) };
}

export async function listPendingUpdates(
  db: Db,
  viewer: SessionUser | null,
  queue: Queue,
): Promise<PendingUpdate[]> {
  assertCan(viewer, queue === "review" ? { action: "progress.review" } : { action: "staff.workspace" });
  const where = queueWhere(viewer, queue);
  if (!where) return [];
  const entries = await db.progressEntry.findMany({
    where,
    orderBy: { updatedAt: "asc" },
    take: 200,
    select: {
      id: true,
      version: true,
      periodYear: true,
      periodQuarter: true,
      status: true,
      percent: true,
      narrative: true,
      evidenceLinks: true,
      updatedAt: true,
      nodeId: true,
      periodTo: true,
      delayCause: true,
      remedy: true,
      catchUpDate: true,
      lightOverride: true,
      lightOverrideReason: true,
      author: { select: { id: true, name: true } },
      node: {
        select: {
          id: true,
          numberLabel: true,
          title: true,
          text: true,
          department: { select: { slug: true, nameZh: true, nameEn: true } },
        },
      },
      steps: { orderBy: { id: "desc" }, take: 1, select: { at: true } },
    },
  });
  const judged = new Map<number, Awaited<ReturnType<typeof judgeUpdate>>>();
  // One small query per update: a queue holds at most 200.
  for (const e of entries) judged.set(e.id, await judgeUpdate(db, e));
  return entries
    .map((e) => ({
      entryId: e.id,
      version: e.version,
      nodeId: e.node.id,
      numberLabel: e.node.numberLabel,
      title: e.node.title ?? e.node.text,
      department: e.node.department,
      periodYear: e.periodYear,
      periodQuarter: e.periodQuarter,
      status: e.status,
      percent: e.percent,
      narrative: e.narrative,
      evidenceLinks: readEvidenceLinks(e.evidenceLinks),
      author: e.author,
      since: e.steps[0]?.at ?? e.updatedAt,
      light: {
        computed: judged.get(e.id)?.light ?? "unrated",
        planned: judged.get(e.id)?.planned ?? null,
        override:
          e.lightOverride && e.lightOverrideReason
            ? { light: e.lightOverride, reason: e.lightOverrideReason }
            : null,
      },
      catchUp: {
        delayCause: e.delayCause,
        remedy: e.remedy,
        catchUpDate: e.catchUpDate ? calendarDay(e.catchUpDate) : null,
      },
    }))
    .sort((a, b) => a.since.getTime() - b.since.getTime() || a.entryId - b.entryId);
}

/** What waits for the viewer, for the count beside their name: reports owed, sign-offs, reviews. */
export type WorkCounts = { owed: number; toApprove: number; toReview: number; total: number };

export async function countWaitingWork(db: Db, viewer: SessionUser | null, now: Date): Promise<WorkCounts> {
  if (!viewer) return { owed: 0, toApprove: 0, toReview: 0, total: 0 };
  const workspace = can(viewer, { action: "staff.workspace" });
  const owed = workspace ? (await listInbox(db, viewer, now)).filter((i) => !i.reported).length : 0;
  const count = async (queue: Queue) => {
    const where = queueWhere(viewer, queue);
    return where ? db.progressEntry.count({ where }) : 0;
  };
  const toApprove = workspace && viewer.role !== "staff" ? await count("approval") : 0;
  const toReview = await count("review");
  return { owed, toApprove, toReview, total: owed + toApprove + toReview };
}
