import Link from "next/link";
import { periodLabel, stepStateLabel } from "@/lib/i18n/cycles";
import { departmentName, formatCalendarDay } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";
import type { InboxItem } from "@/lib/tracking/inbox";

const STEP_STYLE = {
  overdue: "bg-red-100 text-red-900",
  grace: "bg-amber-100 text-amber-900",
  due: "bg-sky-100 text-sky-900",
  open: "bg-slate-100 text-slate-700",
} as const;

/** 待填報: the tracked items the viewer's departments owe a report on, what is owed first. */
export function InboxSection({ inbox, t, locale }: { inbox: InboxItem[]; t: Messages; locale: Locale }) {
  const s = t.workspace.staff;
  const owed = inbox.filter((i) => !i.reported).length;
  return (
    <section aria-labelledby="inbox-heading" className="mt-6">
      <h2 id="inbox-heading" className="text-xl font-semibold text-civic-900">
        {s.inbox}
      </h2>
      <p className="text-sm text-slate-700">{s.inboxIntro}</p>
      {inbox.length === 0 ? (
        <p className="mt-2 rounded border border-dashed border-slate-300 bg-white p-4 text-slate-600">
          {s.inboxEmpty}
        </p>
      ) : (
        <>
          <p className="mt-2 text-sm font-semibold">{s.inboxCount(owed, inbox.length)}</p>
          <ul
            className="mt-1 divide-y divide-slate-100 rounded border border-slate-200 bg-white"
            aria-label={s.inbox}
          >
            {inbox.map((item) => (
              <li key={item.itemId} className="flex flex-col gap-1 p-3 sm:flex-row sm:items-start sm:gap-3">
                <span
                  className={`self-start rounded px-2 py-0.5 text-xs ${item.reported ? "bg-emerald-100 text-emerald-900" : STEP_STYLE[item.step]}`}
                >
                  {item.reported && item.updateState
                    ? t.workspace.updates.states[item.updateState]
                    : `${item.updateState ? t.workspace.updates.states[item.updateState] : s.notReported} · ${stepStateLabel(item.step, locale)}`}
                </span>
                <div className="min-w-0 flex-1">
                  <Link
                    href={`/staff/items/${item.nodeId}`}
                    className="font-medium text-slate-900 hover:underline"
                  >
                    {item.numberLabel && <span className="mr-1">{item.numberLabel}</span>}
                    {item.title.length > 120 ? `${item.title.slice(0, 120)}…` : item.title}
                  </Link>
                  <p className="text-xs text-slate-600">
                    {periodLabel(item.period, locale)} · {s.dueOn(formatCalendarDay(locale, item.staffDue))} ·{" "}
                    {departmentName(locale, item.department)} · {item.set.name}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
