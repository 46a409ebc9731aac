import type { Prisma } from "@/lib/generated/prisma/client";
import type { UpdateState, UpdateStepAction } from "@/lib/generated/prisma/enums";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { portalLink, shortItemTitle } from "@/lib/mail/links";

type Tx = Prisma.TransactionClient;

/**
 * The e-mail each sign-off step sends, queued in the step's own transaction (so a step and its
 * notice happen together or not at all) and once per step and recipient:
 * - submitted → the department's supervisors (核可);
 * - approved, waiting for review → the 研考會's reviewers (覆核);
 * - returned → the author, with the comment;
 * - published (by approval or review) → the author.
 * People who turned e-mail off (User.remindersOff) and the person who took the step get none.
 */
export type StepNotice = {
  stepId: number;
  entryId: number;
  nodeId: number;
  action: UpdateStepAction;
  toState: UpdateState;
  actor: { id: number; name: string };
  authorId: number;
  departmentIds: readonly number[];
  comment: string | null;
};

const mailable = { active: true, remindersOff: false } as const;

async function recipientsOf(tx: Tx, notice: StepNotice) {
  const where: Prisma.UserWhereInput =
    notice.toState === "submitted"
      ? { role: "supervisor", memberships: { some: { departmentId: { in: [...notice.departmentIds] } } } }
      : notice.toState === "approved"
        ? { role: "reviewer" }
        : { id: notice.authorId };
  const users = await tx.user.findMany({
    where: { ...where, ...mailable },
    select: { id: true, email: true },
  });
  return users.filter((u) => u.id !== notice.actor.id);
}

/** The words of each notice, Traditional Chinese first, then English. */
function compose(notice: StepNotice, title: string, period: string, link: string) {
  const who = notice.actor.name;
  switch (notice.toState) {
    case "submitted":
      return {
        subject: `[高雄市政追蹤] 待核可：${title}`,
        text: `${who} 送出了「${title}」${period}的進度更新，請核可或退回。\n${link}\n\n${who} submitted an update on "${title}" (${period}) for your approval.\n${link}`,
      };
    case "approved":
      return {
        subject: `[高雄市政追蹤] 待覆核：${title}`,
        text: `${who} 已核可「${title}」${period}的進度更新，請覆核後公開或退回。\n${link}\n\n${who} approved an update on "${title}" (${period}); it waits for your review.\n${link}`,
      };
    case "returned":
      return {
        subject: `[高雄市政追蹤] 已退回：${title}`,
        text: `${who} 退回了您對「${title}」${period}的進度更新：\n「${notice.comment ?? ""}」\n請修正後再送出。\n${link}\n\n${who} returned your update on "${title}" (${period}): "${notice.comment ?? ""}". Fix it and submit it again.\n${link}`,
      };
    default:
      return {
        subject: `[高雄市政追蹤] 已公開：${title}`,
        text: `您對「${title}」${period}的進度更新已公開。\n${link}\n\nYour update on "${title}" (${period}) is now public.\n${link}`,
      };
  }
}

/** Queues the step's notices in its transaction; returns how many. */
export async function queueStepNotices(tx: Tx, notice: StepNotice): Promise<number> {
  if (notice.toState === "draft") return 0;
  const recipients = await recipientsOf(tx, notice);
  if (recipients.length === 0) return 0;
  const node = await tx.planNode.findUniqueOrThrow({
    where: { id: notice.nodeId },
    select: { numberLabel: true, title: true, text: true },
  });
  const entry = await tx.progressEntry.findUniqueOrThrow({
    where: { id: notice.entryId },
    select: { periodYear: true, periodQuarter: true },
  });
  const title = shortItemTitle({ numberLabel: node.numberLabel, title: node.title ?? node.text });
  const period = `${entry.periodYear}${entry.periodQuarter ? ` Q${entry.periodQuarter}` : ""}`;
  const path = notice.toState === "approved" ? "/review#reviews" : `/staff/items/${notice.nodeId}`;
  const words = compose(notice, title, period, portalLink(path));
  for (const user of recipients) {
    await enqueueJob(
      tx,
      "mail.send",
      {
        to: user.email,
        ...words,
        kind: `workflow.${notice.toState}`,
        meta: { entryId: notice.entryId, stepId: notice.stepId },
      },
      { singletonKey: `step:${notice.stepId}:${user.id}` },
    );
  }
  return recipients.length;
}
