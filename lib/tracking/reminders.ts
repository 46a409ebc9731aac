import type { Db } from "@/lib/db/client";
import { periodKey } from "@/lib/domain/cycles";
import { type ReminderKind, remindersDue } from "@/lib/domain/reminders";
import { calendarDay, taipeiToday } from "@/lib/domain/time";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { portalLink, shortItemTitle } from "@/lib/mail/links";
import { reportsDue } from "./inbox";

/**
 * Chasing what is owed: for every tracked item whose report for the cycle being reported on has not
 * been submitted, the reminders the day owes (lib/domain/reminders.ts) go to the lead department's
 * staff, and the escalation to its supervisors. Each is queued once per kind, item, period and
 * person (the job key), however often the scan runs and on however many processes; none once the
 * update has been submitted; none to people who turned e-mail off.
 */
const WORDS: Record<ReminderKind, { zh: string; en: string }> = {
  due_soon: { zh: "即將到期", en: "due soon" },
  due: { zh: "今天到期", en: "due today" },
  overdue: { zh: "已逾期", en: "overdue" },
  escalation: { zh: "逾期未填報（主管請協助督促）", en: "overdue; please follow up (supervisor)" },
};

export async function scanReminders(db: Db, now: Date): Promise<{ queued: number }> {
  const today = taipeiToday(now);
  const owed = (await reportsDue(db, undefined, now)).filter((item) => !item.reported);
  if (owed.length === 0) return { queued: 0 };
  const departmentIds = [...new Set(owed.map((i) => i.department.id))];
  const people = await db.user.findMany({
    where: {
      active: true,
      remindersOff: false,
      role: { in: ["staff", "supervisor"] },
      memberships: { some: { departmentId: { in: departmentIds } } },
    },
    select: { id: true, email: true, role: true, memberships: { select: { departmentId: true } } },
  });
  let queued = 0;
  for (const item of owed) {
    const kinds = remindersDue(today, calendarDay(item.staffDue), calendarDay(item.lateAfter));
    for (const kind of kinds) {
      const role = kind === "escalation" ? "supervisor" : "staff";
      const to = people.filter(
        (p) => p.role === role && p.memberships.some((m) => m.departmentId === item.department.id),
      );
      const title = shortItemTitle(item);
      const key = periodKey(item.period);
      const due = calendarDay(item.staffDue);
      const link = portalLink(`/staff/items/${item.nodeId}`);
      for (const person of to) {
        const id = await enqueueJob(
          db,
          "mail.send",
          {
            to: person.email,
            subject: `[高雄市政追蹤] 進度填報${WORDS[kind].zh}：${title}`,
            text: `「${title}」${key} 的進度填報期限為 ${due}（${item.set.name}），${WORDS[kind].zh}。\n${link}\n\nThe ${key} progress report on "${title}" is ${WORDS[kind].en} (due ${due}).\n${link}\n\n不想收到提醒？可在「帳號設定」關閉。 / Turn reminders off in your account settings.`,
            kind: `reminder.${kind.replace("_", "-")}`,
            meta: { itemId: item.itemId, period: key, kind },
          },
          { singletonKey: `reminder:${kind}:${item.itemId}:${key}:${person.id}` },
        );
        if (id !== null) queued += 1;
      }
    }
  }
  return { queued };
}
