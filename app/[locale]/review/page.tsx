import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { FieldsForm } from "@/components/fields-form";
import { requireUser } from "@/lib/auth/guard";
import { PendingUpdates } from "@/components/pending-updates";
import { listPendingUpdates, listTrackedSets } from "@/lib/data/tracking";
import { CADENCES, DEFAULT_DUE_OFFSETS } from "@/lib/domain/cycles";
import { currentTaipeiYear } from "@/lib/domain/time";
import { cadenceLabel } from "@/lib/i18n/cycles";
import { formatCalendarDay } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { createTrackedSetAction, publishUpdateAction, returnReviewedUpdateAction } from "./actions";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getI18n(params)).t.workspace.review.heading, robots: { index: false } };
}

export default async function ReviewPage({ params }: Props) {
  const { t, locale } = await getI18n(params);
  const viewer = await requireUser("/review", { action: "tracking.manage" });
  const r = t.workspace.review;
  const [sets, toReview] = await Promise.all([listTrackedSets(viewer), listPendingUpdates(viewer, "review")]);
  const year = currentTaipeiYear(new Date());
  return (
    <>
      <Breadcrumbs label={t.breadcrumb} crumbs={[{ href: "/", label: t.nav.home }, { label: r.heading }]} />
      <h1 className="text-2xl font-bold text-civic-900">{r.heading}</h1>
      <p className="mt-1 mb-4 text-slate-700">{r.intro}</p>
      <ul className="mb-6 space-y-1">
        <li>
          <Link href="/review/compliance" className="font-medium text-civic-700 underline">
            {r.compliance.link}
          </Link>
        </li>
        <li>
          <Link href="/review/departments" className="font-medium text-civic-700 underline">
            {r.departmentsLink}
          </Link>
        </li>
      </ul>

      <PendingUpdates
        id="reviews"
        heading={t.workspace.updates.reviewQueue}
        intro={t.workspace.updates.reviewQueueIntro}
        empty={t.workspace.updates.reviewQueueEmpty}
        updates={toReview}
        t={t}
        locale={locale}
        viewerId={viewer.id}
        advance={publishUpdateAction}
        advanceLabel={t.workspace.updates.publish}
        sendBack={returnReviewedUpdateAction}
        itemLink="public"
      />

      <section aria-labelledby="sets-heading" className="mb-8">
        <h2 id="sets-heading" className="mb-2 text-xl font-semibold text-civic-900">
          {r.sets}
        </h2>
        {sets.length === 0 ? (
          <p className="rounded border border-dashed border-slate-300 bg-white p-4 text-slate-700">
            {r.noSets}
          </p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded border border-slate-200 bg-white">
            {sets.map((s) => (
              <li
                key={s.id}
                className="flex flex-col gap-1 p-3 sm:flex-row sm:items-center sm:justify-between"
              >
                <Link href={`/review/sets/${s.id}`} className="font-medium text-civic-700 underline">
                  {s.name}
                </Link>
                <p className="text-sm text-slate-700">
                  {cadenceLabel(s.cadence, locale)} · {formatCalendarDay(locale, s.fromDay)} –{" "}
                  {formatCalendarDay(locale, s.toDay)} · {r.itemsCount(s.items)} · {r.cyclesCount(s.cycles)}
                  {s.unassigned > 0 && (
                    <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-amber-900">
                      {r.unassignedCount(s.unassigned)}
                    </span>
                  )}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="rounded border border-slate-200 bg-white p-4">
        <FieldsForm
          id="create-set"
          heading={r.createSet}
          action={createTrackedSetAction}
          submit={r.create}
          hidden={{ locale }}
          fields={[
            { kind: "text", name: "name", label: r.name },
            { kind: "text", name: "year", label: r.year, defaultValue: String(year) },
            {
              kind: "select",
              name: "cadence",
              label: r.cadence,
              defaultValue: "quarterly",
              options: CADENCES.map((c) => ({ value: c, label: cadenceLabel(c, locale) })),
            },
            {
              kind: "text",
              name: "staffDueDays",
              label: r.staffDueDays,
              defaultValue: String(DEFAULT_DUE_OFFSETS.staffDays),
            },
            {
              kind: "text",
              name: "supervisorDueDays",
              label: r.supervisorDueDays,
              defaultValue: String(DEFAULT_DUE_OFFSETS.supervisorDays),
            },
            {
              kind: "text",
              name: "reviewDueDays",
              label: r.reviewDueDays,
              defaultValue: String(DEFAULT_DUE_OFFSETS.reviewDays),
            },
            {
              kind: "text",
              name: "graceDays",
              label: r.graceDays,
              defaultValue: String(DEFAULT_DUE_OFFSETS.graceDays),
            },
          ]}
        />
      </section>
    </>
  );
}
