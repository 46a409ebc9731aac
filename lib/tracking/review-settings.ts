import { z } from "zod";
import { assertCan, type SessionUser } from "@/lib/auth/permissions";
import { defineCommand } from "@/lib/commands/command";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { departmentSlug } from "@/lib/validation/atoms";
import { answeredBy } from "./queues";

/**
 * Whether the 研考會 reviews a department's approved updates before they are published
 * (`Department.updatesNeedReview`, read when a supervisor approves: lib/progress/workflow.ts).
 * Turning it off changes only what later approvals do: updates already approved and waiting in
 * 待覆核 stay in the review queue until the 研考會 publishes or returns them (decision record
 * 011, tracking settings). Nothing is published behind the reviewers' backs.
 */

export const setDepartmentReviewInput = z.object({
  department: departmentSlug("department"),
  /** The setting wanted (a form posts "true" or "false"). */
  updatesNeedReview: z.union([
    z.boolean(),
    z.enum(["true", "false"], { message: "required" }).transform((v) => v === "true"),
  ]),
});

export const setDepartmentReviewCommand = defineCommand({
  name: "tracking.set-department-review",
  input: setDepartmentReviewInput,
  permission: () => ({ action: "tracking.manage" }),
  run: async ({ tx, audit }, input) => {
    const department = await tx.department.findUnique({
      where: { slug: input.department },
      select: { id: true, updatesNeedReview: true },
    });
    if (!department) throw new AppError("not_found", `No department ${input.department}.`);
    // A compare-and-set on the value the reviewer saw (the opposite of the one asked for): of two
    // reviewers changing it at once, the second is told rather than silently undoing the first.
    const { count } = await tx.department.updateMany({
      where: { id: department.id, updatesNeedReview: !input.updatesNeedReview },
      data: { updatesNeedReview: input.updatesNeedReview },
    });
    if (count === 0) throw new AppError("conflict", `Department ${input.department}'s setting changed.`);
    await audit({
      entityType: "Department",
      entityId: department.id,
      before: { updatesNeedReview: department.updatesNeedReview },
      after: { updatesNeedReview: input.updatesNeedReview },
    });
    return { updatesNeedReview: input.updatesNeedReview };
  },
});

export type DepartmentReviewSetting = {
  slug: string;
  nameZh: string;
  nameEn: string;
  updatesNeedReview: boolean;
  /** Approved updates of the nodes it answers for, waiting in 待覆核 now. */
  waitingForReview: number;
};

/** Every department with its setting and what waits for review, in the directory's order. */
export async function listDepartmentReviewSettings(
  db: Db,
  viewer: SessionUser | null,
): Promise<DepartmentReviewSetting[]> {
  assertCan(viewer, { action: "tracking.manage" });
  const departments = await db.department.findMany({
    orderBy: [{ sortOrder: "asc" }, { slug: "asc" }],
    select: { id: true, slug: true, nameZh: true, nameEn: true, updatesNeedReview: true },
  });
  // The review queue's own rule for whose an update is (lib/tracking/queues.ts answeredBy).
  const waiting = await Promise.all(
    departments.map((d) =>
      db.progressEntry.count({ where: { state: "approved", withdrawnAt: null, node: answeredBy([d.id]) } }),
    ),
  );
  return departments.map(({ id: _id, ...d }, i) => ({ ...d, waitingForReview: waiting[i] ?? 0 }));
}
