import { assertCan, type SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { groupBy } from "@/lib/domain/collections";
import { periodContaining, type StepState, stepState } from "@/lib/domain/cycles";
import { calendarDay, taipeiToday } from "@/lib/domain/time";
import { isEditable, reportFor, type UpdateState } from "@/lib/domain/updates";

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

/**
 * The same list for some departments (undefined: every department), for whoever may see it: the
 * inbox above, and the reminders the system sends (lib/tracking/reminders.ts).
 */
export async function reportsDue(
  db: Db,
  departmentIds: number[] | undefined,
  now: Date,
): Promise<InboxItem[]> {
  const today = new Date(`${taipeiToday(now)}T00:00:00Z`); // as DATE columns arrive
  const items = await db.trackedItem.findMany({
    where: {
      state: "tracking",
      leadDepartmentId: departmentIds ? { in: departmentIds } : { not: null },
    },
    select: {
      id: true,
      set: {
        select: {
          id: true,
          name: true,
          cadence: true,
          // The cycle being reported on: the latest whose period has ended.
          cycles: {
            where: { periodTo: { lt: today } },
            orderBy: { periodTo: "desc" },
            take: 1,
            select: { periodFrom: true, periodTo: true, staffDue: true, lateAfter: true },
          },
        },
      },
      leadDepartment: { select: { id: true, slug: true, nameZh: true, nameEn: true } },
      node: { select: { id: true, numberLabel: true, title: true, text: true } },
    },
  });
  const owed = items.flatMap((item) => {
    const cycle = item.set.cycles[0];
    return cycle && item.leadDepartment ? [{ item, cycle, department: item.leadDepartment }] : [];
  });
  const entries = await db.progressEntry.findMany({
    where: { nodeId: { in: owed.map((o) => o.item.node.id) }, withdrawnAt: null },
    select: { id: true, nodeId: true, periodFrom: true, periodTo: true, state: true, updatedAt: true },
  });
  const entriesOf = groupBy(entries, (e) => e.nodeId);
  const inbox = owed.map(({ item, cycle, department }): InboxItem => {
    const period = periodContaining(item.set.cadence, calendarDay(cycle.periodFrom));
    const report = reportFor(entriesOf.get(item.node.id) ?? [], cycle);
    return {
      itemId: item.id,
      nodeId: item.node.id,
      numberLabel: item.node.numberLabel,
      title: item.node.title ?? item.node.text,
      set: { id: item.set.id, name: item.set.name },
      department,
      period,
      staffDue: cycle.staffDue,
      lateAfter: cycle.lateAfter,
      step: stepState(period, calendarDay(cycle.staffDue), calendarDay(cycle.lateAfter), now),
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
