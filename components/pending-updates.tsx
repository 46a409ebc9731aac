import Link from "next/link";
import { CatchUpPlan } from "@/components/catch-up-plan";
import { LightBadge } from "@/components/light-badge";
import { LightOverrideForm } from "@/components/light-override-form";
import { StatusBadge } from "@/components/status";
import { UpdateStepForm } from "@/components/update-step-form";
import type { FieldsFormState } from "@/lib/commands/forms";
import { departmentName, formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";
import type { PendingUpdate } from "@/lib/tracking/queues";

type StepAction = (state: FieldsFormState, form: FormData) => Promise<FieldsFormState>;

/**
 * A sign-off queue: each waiting update with what it says and its evidence, and the two ways to act
 * on it (approve or publish; return with a comment) right beside it.
 */
export function PendingUpdates({
  id,
  heading,
  intro,
  empty,
  updates,
  t,
  locale,
  viewerId,
  advance,
  advanceLabel,
  sendBack,
  itemLink = "staff",
  overrideLight,
}: {
  id: string;
  heading: string;
  intro: string;
  empty: string;
  updates: PendingUpdate[];
  t: Messages;
  locale: Locale;
  viewerId: number;
  advance: StepAction;
  advanceLabel: string;
  sendBack: StepAction;
  /** Where an item's title leads: the staff edit page (supervisors) or the public page (研考會). */
  itemLink?: "staff" | "public";
  /** The supervisor's 調整燈號 (the approval queue only). */
  overrideLight?: StepAction;
}) {
  const u = t.workspace.updates;
  const f = t.workspace.progressForm;
  return (
    <section aria-labelledby={`${id}-heading`} id={id} className="mt-8">
      <h2 id={`${id}-heading`} className="text-xl font-semibold text-civic-900">
        {heading} <span className="text-base font-normal text-slate-600">({updates.length})</span>
      </h2>
      <p className="text-sm text-slate-700">{intro}</p>
      {updates.length === 0 ? (
        <p className="mt-2 rounded border border-dashed border-slate-300 bg-white p-4 text-slate-600">
          {empty}
        </p>
      ) : (
        <ul className="mt-2 space-y-3">
          {updates.map((update) => (
            <li key={update.entryId} className="rounded border border-slate-200 bg-white p-3">
              <Link
                href={itemLink === "staff" ? `/staff/items/${update.nodeId}` : `/nodes/${update.nodeId}`}
                className="font-medium text-slate-900 hover:underline"
              >
                {update.numberLabel && <span className="mr-1">{update.numberLabel}</span>}
                {update.title.length > 120 ? `${update.title.slice(0, 120)}…` : update.title}
              </Link>
              <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                <StatusBadge status={update.status} t={t} />
                <span>
                  {update.periodYear}
                  {update.periodQuarter && ` ${f.quarterN(update.periodQuarter)}`}
                  {update.percent !== null && ` · ${update.percent}%`}
                  {update.department && ` · ${departmentName(locale, update.department)}`} ·{" "}
                  {f.by(update.author.name)} ·{" "}
                  <time dateTime={update.since.toISOString()}>{formatDateTime(locale, update.since)}</time>
                </span>
              </p>
              <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
                <LightBadge light={update.light.override?.light ?? update.light.computed} t={t} />
                {update.light.planned !== null && update.percent !== null && (
                  <span className="text-slate-700">{t.lights.why(update.light.planned, update.percent)}</span>
                )}
              </p>
              {update.light.override && (
                <p className="mt-1 rounded bg-amber-50 p-2 text-sm">
                  {u.override.computed(t.lights.names[update.light.computed])} ·{" "}
                  {u.override.overridden(
                    t.lights.names[update.light.override.light],
                    update.light.override.reason,
                  )}
                </p>
              )}
              <p className="mt-2 text-sm whitespace-pre-wrap">{update.narrative}</p>
              <CatchUpPlan plan={update.catchUp} t={t} locale={locale} />
              {update.evidenceLinks.length > 0 && (
                <ul className="mt-1 list-disc pl-5 text-sm">
                  {update.evidenceLinks.map((link) => (
                    <li key={link.url}>
                      <a href={link.url} className="break-all text-civic-700 underline" rel="noreferrer">
                        {link.title ?? link.url}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
              {update.author.id === viewerId ? (
                <p className="mt-2 text-sm text-slate-600">{u.ownUpdate}</p>
              ) : (
                <div className="mt-3 space-y-3">
                  <UpdateStepForm
                    action={advance}
                    entry={{ id: update.entryId, version: update.version }}
                    nodeId={update.nodeId}
                    locale={locale}
                    button={advanceLabel}
                    working={u.working}
                  />
                  <UpdateStepForm
                    action={sendBack}
                    entry={{ id: update.entryId, version: update.version }}
                    nodeId={update.nodeId}
                    locale={locale}
                    button={u.return}
                    working={u.working}
                    comment={u.returnComment}
                    tone="secondary"
                  />
                  {overrideLight && update.light.computed !== "completed" && (
                    <LightOverrideForm
                      action={overrideLight}
                      entryId={update.entryId}
                      nodeId={update.nodeId}
                      locale={locale}
                      current={update.light.override?.light ?? "none"}
                      options={(["green", "yellow", "red"] as const).map((value) => ({
                        value,
                        label: t.lights.names[value],
                      }))}
                      labels={{
                        heading: u.override.heading,
                        light: u.override.light,
                        asRule: u.override.asRule,
                        reason: u.override.reason,
                        submit: u.override.submit,
                        working: u.working,
                      }}
                    />
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
