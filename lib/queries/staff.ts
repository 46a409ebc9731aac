import "server-only";
import type { SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { planYears } from "@/lib/domain/plan-years";
import { currentTaipeiQuarter } from "@/lib/domain/time";
import { rocToGregorianOrNull } from "@/lib/domain/years";
import { answerableDepartments, TRACKABLE_KINDS } from "@/lib/domain/nodes";
import type { NodeKind, ProgressStatus, UpdateState } from "@/lib/generated/prisma/enums";
import {
  getProgressHistory,
  getUpdateSteps,
  type HistoryVersion,
  type UpdateStepRecord,
} from "@/lib/progress/history";
import { periodRange } from "@/lib/progress/schemas";
import { latestProgressEntry } from "./fragments";

/** The reporting period staff are asked about: the current calendar quarter in Taipei. */
export function currentPeriod(now = new Date()): { year: number; quarter: number } {
  return currentTaipeiQuarter(now);
}

export const WORKSPACE_FILTERS = ["attention", "needs-update", "delayed", "all"] as const;
export type WorkspaceFilter = (typeof WORKSPACE_FILTERS)[number];

export type WorkspaceItem = {
  id: number;
  kind: NodeKind;
  numberLabel: string | null;
  title: string;
  department: { slug: string; nameZh: string; nameEn: string } | null;
  document: { id: number; title: string; year: number | null };
  /** The latest update in any workflow state (staff see their drafts). */
  latest: { status: ProgressStatus; percent: number | null; updatedAt: Date; state: UpdateState } | null;
  needsUpdate: boolean;
  delayed: boolean;
};

/** Which departments' nodes a user looks after: their own; an administrator, all. */
function ownedBy(user: SessionUser) {
  if (user.role === "admin") return {};
  const ids = user.departments.map((d) => d.id);
  return { departmentId: { in: ids } };
}

/**
 * The staff dashboard: the user's departments' items with their latest progress, those without
 * an update for the current period or delayed first ("attention"), optionally filtered by text.
 */
export async function listWorkspaceItems(
  db: Db,
  user: SessionUser,
  options: { filter: WorkspaceFilter; text?: string; now?: Date },
): Promise<{ items: WorkspaceItem[]; period: { year: number; quarter: number } }> {
  const period = currentPeriod(options.now);
  const periodStart = periodRange(period).from;
  const text = options.text?.trim();
  const nodes = await db.planNode.findMany({
    where: {
      kind: { in: TRACKABLE_KINDS },
      retiredAt: null,
      ...ownedBy(user),
      ...(text ? { AND: [{ OR: [{ text: { contains: text } }, { title: { contains: text } }] }] } : {}),
    },
    select: {
      id: true,
      kind: true,
      numberLabel: true,
      title: true,
      text: true,
      department: { select: { slug: true, nameZh: true, nameEn: true } },
      document: {
        select: {
          id: true,
          title: true,
          rocYearFrom: true,
        },
      },
      progressEntries: {
        where: { withdrawnAt: null },
        orderBy: latestProgressEntry.orderBy,
        take: 1,
        select: { ...latestProgressEntry.select, periodTo: true, state: true },
      },
    },
    orderBy: [{ document: { rocYearFrom: "desc" } }, { documentId: "asc" }, { lineFrom: "asc" }],
    take: 2000,
  });
  const items = nodes.map((n): WorkspaceItem => {
    const latest = n.progressEntries[0] ?? null;
    return {
      id: n.id,
      kind: n.kind,
      numberLabel: n.numberLabel,
      title: n.title ?? n.text,
      department: n.department,
      document: {
        id: n.document.id,
        title: n.document.title,
        year: rocToGregorianOrNull(n.document.rocYearFrom),
      },
      latest: latest && {
        status: latest.status,
        percent: latest.percent,
        updatedAt: latest.updatedAt,
        state: latest.state,
      },
      needsUpdate: !latest || latest.periodTo < periodStart,
      delayed: latest?.status === "delayed",
    };
  });
  const filtered = items.filter((item) => {
    switch (options.filter) {
      case "needs-update":
        return item.needsUpdate;
      case "delayed":
        return item.delayed;
      case "attention":
      case "all":
        return true;
    }
  });
  if (options.filter === "attention") {
    // Stable sort: delayed first, then not updated this period, document order within each.
    const rank = (i: WorkspaceItem) => (i.delayed ? 0 : i.needsUpdate ? 1 : 2);
    filtered.sort((a, b) => rank(a) - rank(b));
  }
  return { items: filtered, period };
}

export type EditableEntry = {
  id: number;
  version: number;
  periodYear: number;
  periodQuarter: number | null;
  status: ProgressStatus;
  percent: number | null;
  narrative: string;
  figures: unknown;
  evidenceLinks: unknown;
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
  updatedAt: Date;
  state: UpdateState;
  returnComment: string | null;
  authorId: number;
  history: HistoryVersion[];
  steps: UpdateStepRecord[];
};

export type NodeForEditing = {
  id: number;
  kind: NodeKind;
  numberLabel: string | null;
  title: string;
  text: string;
  /** The department that may write progress on it (its own, else its document's). */
  departmentId: number | null;
  department: { slug: string; nameZh: string; nameEn: string } | null;
  document: { id: number; title: string };
  planYears: { from: number; to: number } | null;
  entries: EditableEntry[];
};

/** The departments answerable for a node (lib/domain/nodes.ts), or null when there is no such node. */
export async function getAnswerableDepartments(
  db: Db,
  nodeId: number,
): Promise<{ departmentIds: number[]; tracked: boolean } | null> {
  const node = await db.planNode.findUnique({
    where: { id: nodeId },
    select: {
      departmentId: true, // the owner, stored once at import (lib/domain/nodes.ts nodeOwner)
      trackedItems: { where: { state: "tracking" }, select: { leadDepartmentId: true } },
    },
  });
  if (!node) return null;
  return {
    departmentIds: answerableDepartments(node.departmentId, node.trackedItems),
    tracked: node.trackedItems.length > 0,
  };
}

/** A node with every progress entry (withdrawn ones too) and their histories, for the edit page. */
export async function getNodeForEditing(db: Db, nodeId: number): Promise<NodeForEditing | null> {
  const node = await db.planNode.findUnique({
    where: { id: nodeId },
    select: {
      id: true,
      kind: true,
      numberLabel: true,
      title: true,
      text: true,
      departmentId: true,
      department: { select: { slug: true, nameZh: true, nameEn: true } },
      document: {
        select: {
          id: true,
          title: true,
          rocYearFrom: true,
          rocYearTo: true,
          periodFrom: true,
          periodTo: true,
        },
      },
      progressEntries: {
        orderBy: [{ periodFrom: "desc" }, { updatedAt: "desc" }],
        select: {
          id: true,
          version: true,
          periodYear: true,
          periodQuarter: true,
          status: true,
          percent: true,
          narrative: true,
          figures: true,
          evidenceLinks: true,
          withdrawnAt: true,
          withdrawnReason: true,
          updatedAt: true,
          state: true,
          returnComment: true,
          delayCause: true,
          remedy: true,
          catchUpDate: true,
          percentDropReason: true,
          authorId: true,
        },
      },
    },
  });
  if (!node) return null;
  const entries = await Promise.all(
    node.progressEntries.map(async (e) => ({
      ...e,
      history: await getProgressHistory(db, e.id),
      steps: await getUpdateSteps(db, e.id),
    })),
  );
  return {
    id: node.id,
    kind: node.kind,
    numberLabel: node.numberLabel,
    title: node.title ?? node.text,
    text: node.text,
    departmentId: node.departmentId,
    department: node.department,
    document: { id: node.document.id, title: node.document.title },
    planYears: planYears(node.document),
    entries,
  };
}
