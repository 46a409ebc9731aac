import { PROGRESS_STATUSES, type StatusCounts, type StatusOrNone } from "@/lib/domain/progress";
import type { UpdateState } from "@/lib/domain/updates";
import type { Messages } from "@/lib/i18n/messages";

// Colours with text contrast ≥ 4.5:1 on white; the bar also carries counts in text.
const STYLE: Record<StatusOrNone, { badge: string; bar: string }> = {
  completed: { badge: "bg-emerald-100 text-emerald-900", bar: "bg-emerald-600" },
  on_track: { badge: "bg-sky-100 text-sky-900", bar: "bg-sky-600" },
  delayed: { badge: "bg-amber-100 text-amber-900", bar: "bg-amber-500" },
  not_started: { badge: "bg-slate-200 text-slate-800", bar: "bg-slate-500" },
  cancelled: { badge: "bg-rose-100 text-rose-900", bar: "bg-rose-400" },
  no_update: { badge: "bg-slate-100 text-slate-700", bar: "bg-slate-200" },
};

export function StatusBadge({ status, t }: { status: StatusOrNone; t: Messages }) {
  return (
    <span
      className={`inline-block rounded px-2 py-0.5 text-xs font-medium whitespace-nowrap ${STYLE[status].badge}`}
    >
      {t.status[status]}
    </span>
  );
}

/** Share of items by status as one bar, with the counts it is based on spelled out beside it. */
export function StatusBar({ counts, t }: { counts: StatusCounts; t: Messages }) {
  const order: StatusOrNone[] = [...PROGRESS_STATUSES, "no_update"];
  const shown = order.filter((s) => counts[s] > 0);
  const summary = shown.map((s) => `${t.status[s]} ${counts[s]}`).join("、");
  // Nothing to count: an empty bar is decoration; the sentence beside it says why it is empty.
  if (counts.total === 0) return <div aria-hidden="true" className="h-3 w-full rounded bg-slate-100" />;
  return (
    <div>
      <div role="img" aria-label={summary} className="flex h-3 w-full overflow-hidden rounded bg-slate-100">
        {shown.map((s) => (
          <div
            key={s}
            className={STYLE[s].bar}
            style={{ width: `${(counts[s] / Math.max(counts.total, 1)) * 100}%` }}
          />
        ))}
      </div>
      <ul className="mt-1 flex flex-wrap gap-x-3 text-xs text-slate-700" aria-hidden="true">
        {shown.map((s) => (
          <li key={s} className="flex items-center gap-1">
            <span className={`inline-block h-2 w-2 rounded-sm ${STYLE[s].bar}`} />
            {t.status[s]} {counts[s]}
          </li>
        ))}
      </ul>
    </div>
  );
}

const STATE_STYLE: Record<UpdateState, string> = {
  draft: "bg-slate-100 text-slate-800 border border-slate-300",
  submitted: "bg-indigo-100 text-indigo-900",
  returned: "bg-amber-100 text-amber-900",
  approved: "bg-violet-100 text-violet-900",
  published: "bg-emerald-100 text-emerald-900",
};

/** Where an update stands in sign-off (草稿, 待主管核可 …), for the people doing the work. */
export function UpdateStateBadge({ state, t }: { state: UpdateState; t: Messages }) {
  return (
    <span
      className={`inline-block rounded px-2 py-0.5 text-xs font-medium whitespace-nowrap ${STATE_STYLE[state]}`}
    >
      {t.workspace.updates.states[state]}
    </span>
  );
}
