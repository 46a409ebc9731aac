import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { FieldChangeValues } from "@/components/field-change";
import { IndicatorSection } from "@/components/indicator-section";
import { LinkWorkbench } from "@/components/link-workbench";
import { PlannedProgressSection } from "@/components/planned-progress";
import { ProgressForm, type ProgressFormLabels } from "@/components/progress-form";
import { StatusBadge, UpdateStateBadge } from "@/components/status";
import { UpdateStepForm } from "@/components/update-step-form";
import { WithdrawProgressForm } from "@/components/withdraw-progress-form";
import { requireUser } from "@/lib/auth/guard";
import { getNodeIndicators } from "@/lib/data/indicators";
import { getLinkWorkbench } from "@/lib/data/links";
import { getNodePlans } from "@/lib/data/plans";
import { getNodeForEditing } from "@/lib/data/staff";
import { PROGRESS_STATUSES } from "@/lib/domain/progress";
import { isEditable } from "@/lib/domain/updates";
import { changeLabels, showChange } from "@/lib/i18n/changes";
import { departmentName, formatDateTime } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages";
import { getI18n } from "@/lib/i18n/server";
import { valuesOf } from "@/lib/progress/form";
import { currentPeriod } from "@/lib/queries/staff";
import { parseRecordId } from "@/lib/validation/params";
import { addLinkAction, decideLinkAction } from "../../../links/actions";
import {
  approveUpdateAction,
  returnUpdateAction,
  saveProgressAction,
  submitUpdateAction,
  withdrawProgressAction,
} from "./actions";
import { defineIndicatorAction, recordIndicatorAction, updateIndicatorAction } from "./indicator-actions";
import { approvePlanAction, proposePlanAction, returnPlanAction } from "./plan-actions";

type Props = {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getI18n(params)).t.workspace.progressForm.newEntry, robots: { index: false } };
}

function formLabels(t: Messages, heading: string, tracked: boolean): ProgressFormLabels {
  const f = t.workspace.progressForm;
  const u = t.workspace.updates;
  return {
    heading,
    year: f.year,
    quarter: f.quarter,
    wholeYear: f.wholeYear,
    quarters: [f.quarterN(1), f.quarterN(2), f.quarterN(3), f.quarterN(4)],
    status: f.status,
    statuses: PROGRESS_STATUSES.map((s) => ({ value: s, label: t.status[s] })),
    percent: f.percent,
    percentHint: f.percentHint,
    narrative: f.narrative,
    figures: f.figures,
    figureValue: f.figureValue,
    figureUnit: f.figureUnit,
    figureLabel: f.figureLabel,
    evidence: f.evidence,
    evidenceUrl: f.evidenceUrl,
    evidenceTitle: f.evidenceTitle,
    catchUp: tracked
      ? {
          legend: f.catchUp,
          hint: f.catchUpHint,
          delayCause: f.delayCause,
          remedy: f.remedy,
          catchUpDate: f.catchUpDate,
          percentDropReason: f.percentDropReason,
          percentDropHint: f.percentDropHint,
        }
      : undefined,
    save: tracked ? u.saveDraft : f.save,
    saveAndSubmit: tracked ? u.saveAndSubmit : undefined,
    saving: f.saving,
    saved: f.saved,
    fixErrors: f.fixErrors,
    conflict: f.conflict,
    theirs: f.theirs,
    yours: f.yours,
    errors: f.errors,
  };
}

/** Staff record progress on one node of their department: add, edit (versioned), withdraw, history. */
export default async function EditProgressPage({ params, searchParams }: Props) {
  const { t, locale } = await getI18n(params);
  const id = parseRecordId((await params).id);
  if (id === null) notFound();
  // Who is asking before anything is loaded; the data layer asks can() with the node's department.
  const user = await requireUser(`/staff/items/${id}`);
  const found = await getNodeForEditing(user, id);
  if (found.status === "not-found") notFound();
  if (found.status === "forbidden") forbidden();
  const { node, tracked, mayApprove } = found;
  const linkQuery = (await searchParams).linkq;
  const [links, plans, indicators] = await Promise.all([
    getLinkWorkbench(user, id, typeof linkQuery === "string" ? linkQuery : undefined),
    getNodePlans(user, id),
    getNodeIndicators(user, id),
  ]);
  const u = t.workspace.updates;

  const f = t.workspace.progressForm;
  const labels = changeLabels(t);
  const now = currentPeriod();
  const lastYear = Math.min(node.planYears?.to ?? now.year, now.year);
  const firstYear = Math.min(node.planYears?.from ?? now.year, lastYear);
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => lastYear - i);
  const blank = {
    year: String(lastYear),
    quarter: lastYear === now.year ? String(now.quarter) : "",
    status: "on_track",
    percent: "",
    narrative: "",
    figures: [],
    evidenceLinks: [],
    delayCause: "",
    remedy: "",
    catchUpDate: "",
    percentDropReason: "",
  };

  return (
    <>
      <Breadcrumbs
        label={t.breadcrumb}
        crumbs={[
          { href: "/", label: t.nav.home },
          { href: "/staff", label: t.workspace.staff.heading },
          {
            label: node.numberLabel
              ? `${node.numberLabel} ${node.title.slice(0, 20)}`
              : node.title.slice(0, 20),
          },
        ]}
      />
      <h1 className="text-2xl font-bold text-civic-900">
        {node.numberLabel && <span className="mr-2">{node.numberLabel}</span>}
        {node.title}
      </h1>
      <p className="mt-1 text-sm text-slate-600">
        {t.nodeKinds[node.kind]}
        {node.department && ` · ${departmentName(locale, node.department)}`} ·{" "}
        <Link href={`/documents/${node.document.id}`} className="text-civic-700 underline">
          {node.document.title}
        </Link>{" "}
        ·{" "}
        <Link href={`/nodes/${node.id}`} className="text-civic-700 underline">
          {t.node.progress}
        </Link>
      </p>

      <section className="mt-6 rounded border border-slate-200 bg-white p-4">
        <ProgressForm
          action={saveProgressAction}
          nodeId={node.id}
          initial={blank}
          years={years}
          labels={formLabels(t, f.newEntry, tracked)}
          formId="new-entry"
        />
        {!tracked && <p className="mt-3 text-sm text-slate-600">{u.notTracked}</p>}
      </section>

      {plans && (
        <PlannedProgressSection
          plans={plans}
          nodeId={node.id}
          viewerId={user.id}
          t={t}
          locale={locale}
          actions={{ propose: proposePlanAction, approve: approvePlanAction, return: returnPlanAction }}
        />
      )}

      {indicators && (
        <IndicatorSection
          indicators={indicators}
          nodeId={node.id}
          t={t}
          locale={locale}
          actions={{
            define: defineIndicatorAction,
            update: updateIndicatorAction,
            record: recordIndicatorAction,
          }}
        />
      )}

      <section className="mt-8 space-y-6" aria-labelledby="entries-heading">
        <h2 id="entries-heading" className="text-xl font-semibold text-civic-900">
          {t.node.progress}
        </h2>
        {node.entries.length === 0 && <p className="text-slate-600">{t.node.noProgress}</p>}
        {node.entries.map((entry) => (
          <article key={entry.id} className="rounded border border-slate-200 bg-white p-4">
            <p className="flex flex-wrap items-center gap-2">
              <StatusBadge status={entry.status} t={t} />
              {!entry.withdrawnAt && <UpdateStateBadge state={entry.state} t={t} />}
              <span className="text-sm text-slate-700">
                {entry.periodYear}
                {entry.periodQuarter && ` ${f.quarterN(entry.periodQuarter)}`} · {f.version(entry.version)}
              </span>
            </p>
            {entry.state === "returned" && entry.returnComment && !entry.withdrawnAt && (
              <p className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
                {u.returnedWith}
                {entry.returnComment}
              </p>
            )}
            {entry.withdrawnAt ? (
              <p className="mt-2 text-sm text-slate-600">{f.withdrawn(entry.withdrawnReason ?? "")}</p>
            ) : !isEditable(entry.state) && entry.state !== "published" ? (
              <div className="mt-3 space-y-3">
                <p className="text-sm text-slate-700">{u.locked}</p>
                {entry.state === "submitted" && mayApprove && entry.authorId !== user.id && (
                  <div className="space-y-3 rounded border border-slate-200 bg-slate-50 p-3">
                    <UpdateStepForm
                      action={approveUpdateAction}
                      entry={{ id: entry.id, version: entry.version }}
                      nodeId={node.id}
                      locale={locale}
                      button={u.approve}
                      working={u.working}
                    />
                    <UpdateStepForm
                      action={returnUpdateAction}
                      entry={{ id: entry.id, version: entry.version }}
                      nodeId={node.id}
                      locale={locale}
                      button={u.return}
                      working={u.working}
                      comment={u.returnComment}
                      tone="secondary"
                    />
                  </div>
                )}
                {entry.state === "submitted" && mayApprove && entry.authorId === user.id && (
                  <p className="text-sm text-slate-600">{u.ownUpdate}</p>
                )}
              </div>
            ) : (
              <>
                {tracked && isEditable(entry.state) && (
                  <div className="mt-3">
                    <UpdateStepForm
                      action={submitUpdateAction}
                      entry={{ id: entry.id, version: entry.version }}
                      nodeId={node.id}
                      locale={locale}
                      button={u.submit}
                      working={u.working}
                    />
                  </div>
                )}
                {isEditable(entry.state) && (
                  <details className="mt-3">
                    <summary className="cursor-pointer text-civic-700">{f.editEntry(entry.version)}</summary>
                    <div className="mt-3">
                      <ProgressForm
                        action={saveProgressAction}
                        nodeId={node.id}
                        entry={{ id: entry.id, version: entry.version }}
                        initial={valuesOf(entry)}
                        years={years}
                        labels={formLabels(t, f.editEntry(entry.version), tracked)}
                        formId={`entry-${entry.id}`}
                      />
                    </div>
                  </details>
                )}
                <WithdrawProgressForm
                  action={withdrawProgressAction}
                  nodeId={node.id}
                  entry={{ id: entry.id, version: entry.version }}
                  labels={{
                    withdraw: f.withdraw,
                    reason: f.withdrawReason,
                    conflict: f.conflict,
                    errors: f.errors,
                  }}
                />
              </>
            )}
            {entry.steps.length > 0 && (
              <details className="mt-3" open={entry.state === "returned" || entry.state === "submitted"}>
                <summary className="cursor-pointer text-sm text-civic-700">
                  {u.stepsHeading} ({entry.steps.length})
                </summary>
                <ol className="mt-2 space-y-1 text-sm">
                  {entry.steps.map((s) => (
                    <li key={s.id} className="border-l-2 border-slate-300 pl-3">
                      <time dateTime={s.at.toISOString()}>{formatDateTime(locale, s.at)}</time> ·{" "}
                      {u.stepBy.replace("{name}", s.actor.name).replace("{step}", u.steps[s.action])} ·{" "}
                      {f.version(s.entryVersion)}
                      {s.comment && <span className="block text-slate-700">「{s.comment}」</span>}
                    </li>
                  ))}
                </ol>
              </details>
            )}
            <details className="mt-3">
              <summary className="cursor-pointer text-sm text-civic-700">
                {f.history} ({entry.history.length})
              </summary>
              <ol className="mt-2 space-y-3 text-sm">
                {entry.history.map((v) => (
                  <li key={v.version} className="border-l-2 border-slate-300 pl-3">
                    <p className="font-medium">
                      {f.version(v.version)} ·{" "}
                      <time dateTime={v.at.toISOString()}>{formatDateTime(locale, v.at)}</time> ·{" "}
                      {f.by(
                        `${v.author.name}${v.author.departments.length ? `（${v.author.departments.join("、")}）` : ""}`,
                      )}
                    </p>
                    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
                      {v.changes.map((c) => (
                        <div key={c.field} className="contents">
                          <dt className="text-slate-600">{f.field[c.field]}</dt>
                          <dd className="break-words">
                            <FieldChangeValues change={showChange(locale, labels, c)} />
                          </dd>
                        </div>
                      ))}
                    </dl>
                  </li>
                ))}
              </ol>
            </details>
          </article>
        ))}
      </section>
      {links && (
        <LinkWorkbench
          workbench={links}
          t={t}
          locale={locale}
          path={`/staff/items/${id}`}
          actions={{ decide: decideLinkAction, add: addLinkAction }}
        />
      )}
    </>
  );
}
