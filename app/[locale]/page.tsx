import { taipeiToday } from "@/lib/domain/time";
import Link from "next/link";
import type { Metadata } from "next";
import { DocumentList } from "@/components/document-list";
import { LightsChart } from "@/components/lights-chart";
import { FeedLink } from "@/components/feed-link";
import { ProgressSummary } from "@/components/progress-summary";
import { SearchForm } from "@/components/search-form";
import { StatusBadge } from "@/components/status";
import { departmentName, formatDate, formatDay, formatNumber, formatYearRange } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { readDocuments, readHomeDashboard } from "@/lib/cache/public-reads";

export const metadata: Metadata = {
  alternates: { types: { "application/atom+xml": "/feeds/progress" } },
};

const headingOf = (n: { title: string | null; text: string }) => n.title ?? n.text;

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { t, locale } = await getI18n(params);
  const [home, documents] = await Promise.all([readHomeDashboard(taipeiToday()), readDocuments()]);
  const { plan, headline } = home;

  return (
    <div className="space-y-10">
      <div className="max-w-xl rounded border border-slate-200 bg-white p-3">
        <SearchForm t={t} id="home-search" label={t.search.homeLabel} />
      </div>

      <section aria-labelledby="promise-heading">
        <h1 id="promise-heading" className="text-2xl font-bold text-civic-900 sm:text-3xl">
          {t.home.promiseHeading}
        </h1>
        {plan && (
          <>
            <p className="mt-2 text-slate-700">
              <Link href={`/documents/${plan.id}`} className="text-civic-700 underline">
                {plan.title}
              </Link>{" "}
              · {formatYearRange(locale, plan.yearFrom, plan.yearTo)}
            </p>
            {plan.goal && (
              <p className="mt-3 rounded border-l-4 border-civic-600 bg-white p-3 text-lg">
                <span className="mr-2 text-sm text-slate-600">{t.home.goal}</span>
                <Link
                  href={`/nodes/${plan.goal.id}`}
                  className="font-semibold text-civic-900 hover:underline"
                >
                  {headingOf(plan.goal)}
                </Link>
              </p>
            )}
            <p className="mt-2 text-sm text-slate-600">{t.home.visionsIntro(plan.title)}</p>
          </>
        )}
      </section>

      <section aria-labelledby="headline-heading">
        <h2 id="headline-heading" className="sr-only">
          {t.home.headlineHeading}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          <div className="rounded border border-slate-200 bg-white p-3">
            <dt className="text-sm text-slate-600">{t.home.headlineDepartments}</dt>
            <dd className="text-2xl font-bold text-civic-900 tabular-nums">
              <Link href="/departments">{formatNumber(locale, headline.departments)}</Link>
            </dd>
          </div>
          <div className="rounded border border-slate-200 bg-white p-3">
            <dt className="text-sm text-slate-600">{t.home.headlineItems}</dt>
            <dd className="text-2xl font-bold text-civic-900 tabular-nums">
              {formatNumber(locale, headline.agendaItems)}
            </dd>
          </div>
          {headline.budget && (
            <div className="col-span-2 rounded border border-slate-200 bg-white p-3 sm:col-span-1">
              <dt className="text-sm text-slate-600">{t.home.headlineBudget(headline.budget.year)}</dt>
              <dd className="text-2xl font-bold text-civic-900 tabular-nums">
                <Link
                  href={`/budgets?year=${headline.budget.year}`}
                  title={`NT$ ${formatNumber(locale, headline.budget.totalThousands * 1000)}`}
                >
                  {formatNumber(locale, headline.budget.totalThousands)}
                </Link>
              </dd>
              <dd className="text-xs text-slate-600">
                {t.home.headlineBudgetNote(headline.budget.departments)}
              </dd>
            </div>
          )}
        </dl>
      </section>

      {home.lights && (
        <section aria-labelledby="lights-heading" className="space-y-3">
          <h2 id="lights-heading" className="text-xl font-semibold text-civic-900">
            {t.lights.cityHeading}
          </h2>
          <p className="text-slate-700">
            {t.lights.cityIntro(formatNumber(locale, home.lights.city.counts.total))}{" "}
            <Link href="/methodology" className="text-civic-700 underline">
              {t.lights.methodology}
            </Link>
            {home.lights.dataAsOf && (
              <span className="ml-2 text-sm text-slate-600">
                {t.node.dataAsOf(formatDay(locale, home.lights.dataAsOf))}
              </span>
            )}
          </p>
          <LightsChart
            caption={t.lights.byDepartment}
            t={t}
            locale={locale}
            rows={[
              ...home.lights.byDepartment.map((d) => ({
                key: d.department.slug,
                label: departmentName(locale, d.department),
                href: `/departments/${d.department.slug}`,
                lights: d.lights,
              })),
              ...(home.lights.cityWide
                ? [{ key: "city-wide", label: t.lights.cityWide, lights: home.lights.cityWide }]
                : []),
            ]}
          />
          {home.lights.byVision.length > 0 && (
            <LightsChart
              caption={t.lights.byVision}
              t={t}
              locale={locale}
              rows={home.lights.byVision.map((v) => ({
                key: String(v.vision.id),
                label: headingOf(v.vision),
                href: `/nodes/${v.vision.id}`,
                lights: v.lights,
              }))}
            />
          )}
        </section>
      )}

      {home.visions.length > 0 && (
        <div className="grid gap-4 md:grid-cols-2">
          {home.visions.map((vision) => (
            <section
              key={vision.id}
              aria-labelledby={`vision-${vision.id}`}
              className="rounded border border-slate-200 bg-white p-4 shadow-sm"
            >
              <h2 id={`vision-${vision.id}`} className="text-xl font-semibold text-civic-900">
                <Link href={`/nodes/${vision.id}`} className="hover:underline">
                  {headingOf(vision)}
                </Link>
              </h2>
              <div className="mt-2">
                <ProgressSummary progress={vision.progress} t={t} />
              </div>
              <ul className="mt-4 space-y-3">
                {vision.strategies.map((s) => (
                  <li key={s.id}>
                    <Link
                      href={`/nodes/${s.id}`}
                      className="font-medium text-slate-900 hover:text-civic-700 hover:underline"
                    >
                      {s.numberLabel && <span className="mr-1">{s.numberLabel}</span>}
                      {headingOf(s)}
                    </Link>
                    <ProgressSummary progress={s.progress} t={t} suggested={s.suggestedLinks} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}

      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading" className="mb-2 text-xl font-semibold text-civic-900">
            {t.home.recentProgress}
          </h2>
          <p className="mb-2">
            <FeedLink href="/feeds/progress" t={t} />
          </p>
          {home.recentProgress.length === 0 ? (
            <p className="rounded border border-dashed border-slate-300 bg-white p-4 text-slate-600">
              {t.home.noRecentProgress}
            </p>
          ) : (
            <ul className="space-y-2">
              {home.recentProgress.map((p) => (
                <li key={p.id} className="rounded border border-slate-200 bg-white p-3">
                  <p className="flex flex-wrap items-center gap-2 text-sm">
                    <StatusBadge status={p.status} t={t} />
                    {p.percent !== null && <span>{p.percent}%</span>}
                    <span className="text-slate-600">{formatDay(locale, p.updatedAt)}</span>
                    {p.department && (
                      <span className="text-slate-600">{departmentName(locale, p.department)}</span>
                    )}
                  </p>
                  <Link
                    href={`/nodes/${p.node.id}`}
                    className="mt-1 block font-medium text-civic-900 hover:underline"
                  >
                    {headingOf(p.node)}
                  </Link>
                  <p className="line-clamp-2 text-sm text-slate-700">{p.narrative}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="reports-heading">
          <h2 id="reports-heading" className="mb-2 text-xl font-semibold text-civic-900">
            {t.home.latestReports}
          </h2>
          <ul className="space-y-2">
            {home.latestReports.map((r) => (
              <li key={r.id} className="rounded border border-slate-200 bg-white p-3">
                <Link href={`/documents/${r.id}`} className="font-medium text-civic-900 hover:underline">
                  {r.title}
                </Link>
                <p className="text-sm text-slate-600">{formatDate(locale, r.presentedOn)}</p>
              </li>
            ))}
          </ul>
        </section>
      </div>

      <section aria-labelledby="documents-heading" className="space-y-4">
        <div>
          <h2 id="documents-heading" className="text-xl font-semibold text-civic-900">
            {t.home.documentsHeading}
          </h2>
          <p className="mt-1 text-slate-700">{t.home.documentsIntro}</p>
        </div>
        <DocumentList
          documents={documents}
          t={t}
          locale={locale}
          label={t.home.documentsHeading}
          empty={t.home.empty}
        />
      </section>
    </div>
  );
}
