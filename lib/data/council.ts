import "server-only";
import type { SessionUser } from "@/lib/auth/permissions";
import * as models from "@/lib/council/read-models";
import type {
  CouncilOverview,
  CouncilPeriod,
  DepartmentComparison,
  DepartmentReport,
} from "@/lib/council/read-models";
import { db } from "@/lib/db/server";
import * as notes from "@/lib/notes/councillor-notes";
import type { CouncillorNote } from "@/lib/notes/councillor-notes";

/**
 * The council area's reads. The read models and notes ask `can(viewer, council.read)` themselves;
 * this layer supplies the server's database.
 */

export function listCouncilPeriods(viewer: SessionUser | null): Promise<CouncilPeriod[]> {
  return models.listCouncilPeriods(db(), viewer);
}

export function getCouncilOverview(viewer: SessionUser | null, year: number): Promise<CouncilOverview> {
  return models.getCouncilOverview(db(), viewer, year);
}

export function getDepartmentReport(
  viewer: SessionUser | null,
  slug: string,
  year: number,
): Promise<DepartmentReport | null> {
  return models.getDepartmentReport(db(), viewer, slug, year);
}

export function compareDepartmentPeriods(
  viewer: SessionUser | null,
  slug: string,
  year: number,
  other: number,
): Promise<DepartmentComparison | null> {
  return models.compareDepartmentPeriods(db(), viewer, slug, year, other);
}

/** The viewer's own notes (never another councillor's), optionally only those on some nodes. */
export function listMyNotes(viewer: SessionUser | null, nodeIds?: number[]): Promise<CouncillorNote[]> {
  return notes.listMyNotes(db(), viewer, nodeIds);
}
