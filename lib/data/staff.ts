import "server-only";
import { assertCan, can, type SessionUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/server";
import { type BulkPeriod, bulkTemplate } from "@/lib/progress/bulk";
import * as staff from "@/lib/queries/staff";
import type { NodeForEditing, WorkspaceFilter, WorkspaceItem } from "@/lib/queries/staff";

/** The staff workspace's reads. Each asks `can()` before it loads anything. */

export async function listWorkspaceItems(
  viewer: SessionUser | null,
  options: { filter: WorkspaceFilter; text?: string },
): Promise<{ items: WorkspaceItem[]; period: { year: number; quarter: number } }> {
  assertCan(viewer, { action: "staff.workspace" });
  return staff.listWorkspaceItems(db(), viewer, options);
}

export type EditingAccess =
  | {
      status: "ok";
      node: NodeForEditing;
      /** Tracked: its updates go through sign-off; untracked ones stay drafts. */
      tracked: boolean;
      /** The viewer signs off this node's updates (its department's supervisor). */
      mayApprove: boolean;
    }
  | { status: "not-found" }
  | { status: "forbidden" };

/**
 * A node with its whole progress history, for the edit page. Permission first: only the departments
 * answerable for the node are read before `can(progress.write)` is asked, so a refused viewer causes no
 * load of entries or histories.
 */
export async function getNodeForEditing(viewer: SessionUser | null, nodeId: number): Promise<EditingAccess> {
  const scope = await staff.getAnswerableDepartments(db(), nodeId);
  if (!scope) return { status: "not-found" };
  const { departmentIds, tracked } = scope;
  if (!can(viewer, { action: "progress.write", departmentIds })) return { status: "forbidden" };
  const node = await staff.getNodeForEditing(db(), nodeId);
  if (!node) return { status: "not-found" };
  return {
    status: "ok",
    node,
    tracked,
    mayApprove: can(viewer, { action: "progress.approve", departmentIds }),
  };
}

export type DepartmentOption = { id: number; slug: string; nameZh: string; nameEn: string };

/** The departments a viewer may download or upload bulk progress for: their own; an administrator, all. */
export async function listBulkDepartments(viewer: SessionUser | null): Promise<DepartmentOption[]> {
  assertCan(viewer, { action: "staff.workspace" });
  if (viewer.role !== "admin") return viewer.departments;
  return db().department.findMany({
    orderBy: { sortOrder: "asc" },
    select: { id: true, slug: true, nameZh: true, nameEn: true },
  });
}

export type BulkTemplateResult =
  | { status: "ok"; fileName: string; csv: string; rows: number }
  | { status: "not-found" }
  | { status: "forbidden" };

/** The bulk-update spreadsheet for one department (by slug) and period, for staff of that department. */
export async function getBulkTemplate(
  viewer: SessionUser | null,
  departmentSlug: string,
  period: BulkPeriod,
): Promise<BulkTemplateResult> {
  const department = await db().department.findUnique({
    where: { slug: departmentSlug },
    select: { id: true, slug: true, nameZh: true },
  });
  if (!department) return { status: "not-found" };
  if (!can(viewer, { action: "progress.write", departmentIds: [department.id] }))
    return { status: "forbidden" };
  return { status: "ok", ...(await bulkTemplate(db(), viewer, department, period)) };
}
