import "server-only";
import type { SessionUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/server";
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
