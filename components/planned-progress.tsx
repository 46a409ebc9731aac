import { ActionButtonForm } from "@/components/action-button-form";
import { PlannedProgressForm } from "@/components/planned-progress-form";
import type { FieldsFormState } from "@/lib/commands/forms";
import type { NodePlans } from "@/lib/data/plans";
import { plannedAt } from "@/lib/domain/planned";
import { periodLabel } from "@/lib/i18n/cycles";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";
import type { ItemPlanView } from "@/lib/progress/plans";

type Action = (state: FieldsFormState, form: FormData) => Promise<FieldsFormState>;

type Props = {
  plans: NodePlans;
  nodeId: number;
  viewerId: number;
  t: Messages;
  locale: Locale;
  actions: { propose: Action; approve: Action; return: Action };
};

const percentText = (value: number | null) => (value === null ? "—" : `${value}%`);

/**
 * 預定進度 on the staff item page, per set tracking the item: the approved curve beside any pending
 * proposal (a table: readable on a phone, read in order by a screen reader), the supervisor's
 * approve / return, the form to propose or revise, and every version kept.
 */
export function PlannedProgressSection({ plans, nodeId, viewerId, t, locale, actions }: Props) {
  const p = t.workspace.plans;
  if (plans.items.length === 0) return null;
  return (
    <section className="mt-8 space-y-4" aria-labelledby="plans-heading">
      <h2 id="plans-heading" className="text-xl font-semibold text-civic-900">
        {p.heading}
      </h2>
      <p className="text-sm text-slate-700">{p.intro}</p>
      {plans.items.map((item) => (
        <ItemPlan key={item.itemId} item={item} {...{ plans, nodeId, viewerId, t, locale, actions }} />
      ))}
    </section>
  );
}

function ItemPlan({ item, plans, nodeId, viewerId, t, locale, actions }: Props & { item: ItemPlanView }) {
  const p = t.workspace.plans;
  const { approved, pending } = item;
  const lastReturned = item.history[0]?.state === "returned" ? item.history[0] : null;
  const headingId = `plan-${item.itemId}-heading`;
  const labelled = item.periods.map((period) => ({ period, label: periodLabel(period, locale) }));
  const base = { nodeId, locale };
  return (
    <article className="rounded border border-slate-200 bg-white p-4" aria-labelledby={headingId}>
      <h3 id={headingId} className="font-semibold text-civic-900">
        {p.set(item.setName)}
      </h3>
      <p className="mt-1 text-sm text-slate-700">
        {approved
          ? p.approvedVersion(
              approved.version,
              approved.decidedBy?.name ?? "—",
              formatDateTime(locale, approved.decidedAt),
            )
          : p.noApproved}
      </p>
      {approved?.reason && (
        <p className="mt-1 text-sm text-slate-700">
          {p.reason}
          {approved.reason}
        </p>
      )}
      {(approved || pending) && (
        <table className="mt-3 w-full text-left text-sm">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-1 pr-2 font-medium">
                {p.period}
              </th>
              <th scope="col" className="py-1 pr-2 text-right font-medium">
                {p.approved}
              </th>
              {pending && (
                <th scope="col" className="py-1 text-right font-medium">
                  {p.proposed}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {labelled.map(({ period, label }) => (
              <tr key={period.to} className="border-b border-slate-100">
                <th scope="row" className="py-1 pr-2 font-normal">
                  {label}
                </th>
                <td className="py-1 pr-2 text-right tabular-nums">
                  {percentText(approved ? plannedAt(approved.points, period.to) : null)}
                </td>
                {pending && (
                  <td className="py-1 text-right tabular-nums">
                    {percentText(plannedAt(pending.points, period.to))}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {pending && (
        <div className="mt-3 space-y-3 rounded border border-slate-200 bg-slate-50 p-3 text-sm">
          <p>
            {p.pendingBy(
              pending.version,
              pending.proposedBy.name,
              formatDateTime(locale, pending.proposedAt),
            )}
          </p>
          {pending.reason && (
            <p>
              {p.reason}
              {pending.reason}
            </p>
          )}
          {plans.mayApprove && !item.closed && pending.proposedBy.id !== viewerId && (
            <>
              <ActionButtonForm
                action={actions.approve}
                hidden={{ ...base, planId: pending.id }}
                button={p.approve}
                working={p.working}
                idKey={`plan-${pending.id}`}
              />
              <ActionButtonForm
                action={actions.return}
                hidden={{ ...base, planId: pending.id }}
                button={p.return}
                working={p.working}
                comment={p.returnComment}
                tone="secondary"
                idKey={`plan-${pending.id}`}
              />
            </>
          )}
          {plans.mayApprove && pending.proposedBy.id === viewerId && <p>{p.ownPlan}</p>}
        </div>
      )}

      {lastReturned?.returnComment && (
        <p className="mt-3 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
          {p.returnedWith}
          {lastReturned.returnComment}
        </p>
      )}

      {item.closed ? (
        <p className="mt-3 text-sm text-slate-600">{p.closed}</p>
      ) : (
        !pending &&
        plans.mayPropose && (
          <div className="mt-4">
            <PlannedProgressForm
              action={actions.propose}
              formId={`plan-form-${item.itemId}`}
              hidden={{ ...base, trackedItemId: item.itemId, expectedVersion: item.latestVersion }}
              periods={labelled.map(({ period, label }) => {
                // Start from the latest curve (returned or approved), so a revision changes only what moved.
                const from = item.history[0]?.points ?? [];
                const value = plannedAt(from, period.to);
                return { periodEnd: period.to, label, percent: value === null ? "" : String(value) };
              })}
              labels={{
                heading: item.latestVersion === 0 ? p.proposeHeading : p.reviseHeading,
                percentHint: p.percentHint,
                reason: item.latestVersion === 0 ? undefined : p.reasonLabel,
                submit: p.submit,
                working: p.working,
              }}
            />
          </div>
        )
      )}

      {item.history.length > 0 && (
        <details className="mt-3">
          <summary className="cursor-pointer text-sm text-civic-700">
            {p.history} ({item.history.length})
          </summary>
          <ol className="mt-2 space-y-2 text-sm">
            {item.history.map((v) => (
              <li key={v.id} className="border-l-2 border-slate-300 pl-3">
                <p className="font-medium">
                  {t.workspace.progressForm.version(v.version)} · {p.states[v.state]} ·{" "}
                  {t.workspace.progressForm.by(v.proposedBy.name)} ·{" "}
                  <time dateTime={v.proposedAt.toISOString()}>{formatDateTime(locale, v.proposedAt)}</time>
                </p>
                <p className="break-words text-slate-700">
                  {v.points.map((pt) => `${pt.percent}%`).join(" → ")}
                </p>
                {v.reason && (
                  <p className="text-slate-700">
                    {p.reason}
                    {v.reason}
                  </p>
                )}
                {v.returnComment && (
                  <p className="text-slate-700">
                    {p.returnedWith}
                    {v.returnComment}
                  </p>
                )}
              </li>
            ))}
          </ol>
        </details>
      )}
    </article>
  );
}
