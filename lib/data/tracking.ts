import "server-only";
import type { SessionUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/server";
import * as compliance from "@/lib/tracking/compliance";
import type { ComplianceFilter } from "@/lib/tracking/compliance-query";
import * as inbox from "@/lib/tracking/inbox";
import * as queues from "@/lib/tracking/queues";
import * as reviewSettings from "@/lib/tracking/review-settings";
import * as sets from "@/lib/tracking/sets";

/** The 研考會's reads of what is tracked. Each asks `can(viewer, tracking.manage)` itself. */

export function listTrackedSets(viewer: SessionUser | null) {
  return sets.listTrackedSets(db(), viewer);
}

export function getTrackedSet(viewer: SessionUser | null, setId: number) {
  return sets.getTrackedSet(db(), viewer, setId);
}

export function getTrackedItem(viewer: SessionUser | null, itemId: number) {
  return sets.getTrackedItem(db(), viewer, itemId);
}

/** Every department with whether its approved updates need 研考會 review, and what waits for it. */
export function listDepartmentReviewSettings(viewer: SessionUser | null) {
  return reviewSettings.listDepartmentReviewSettings(db(), viewer);
}

/** 待填報: what the viewer's departments owe for the cycle being reported on (lib/tracking/inbox.ts). */
export function listInbox(viewer: SessionUser | null) {
  return inbox.listInbox(db(), viewer, new Date());
}

/** Updates waiting for the viewer's sign-off (supervisors) or review (研考會), oldest first. */
export function listPendingUpdates(viewer: SessionUser | null, queue: queues.Queue) {
  return queues.listPendingUpdates(db(), viewer, queue);
}

/** How much waits for the viewer (reports owed, sign-offs, reviews): the count beside their name. */
export function countWaitingWork(viewer: SessionUser | null) {
  return queues.countWaitingWork(db(), viewer, new Date());
}

/** 填報情形: on time, late, returned and not reported, by department and cycle, as of now (lib/tracking/compliance.ts). */
export function getCompliance(viewer: SessionUser | null, filter: ComplianceFilter) {
  return compliance.getComplianceReport(db(), viewer, filter, new Date());
}
