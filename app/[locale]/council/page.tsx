import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { CouncilPeriodForm } from "@/components/council-period-form";
import { StatusBar } from "@/components/status";
import { requireUser } from "@/lib/auth/guard";
import { councilQueryString, parseCouncilQuery } from "@/lib/council/query";
import { getCouncilOverview, listCouncilPeriods } from "@/lib/data/council";
import { currentTaipeiYear } from "@/lib/domain/time";
import { departmentName, formatNumber } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getI18n(params)).t.workspace.council.heading, robots: { index: false } };
}

/** Every department's plan, budget, figures and progress for one period, at a glance. */
export default async function CouncilPage({ params, searchParams }: Props) {
  const { t, locale } = await getI18n(params);
  const user = await requireUser("/council", { action: "council.read" });
  const c = t.workspace.council;
  const periods = await listCouncilPeriods(user);
  const query = parseCouncilQuery(await searchParams);
  const year = query.year ?? periods[0]?.year ?? currentTaipeiYear();
  const overview = await getCouncilOverview(user, year);

  return (
    <>
      <Breadcrumbs label={t.breadcrumb} crumbs={[{ href: "/", label: t.nav.home }, { label: c.heading }]} />
      <h1 className="text-2xl font-bold text-civic-900">{c.heading}</h1>
      <p className="mt-1 mb-4 text-slate-700">{c.intro}</p>
      <CouncilPeriodForm
        years={periods.map((p) => p.year)}
        year={year}
        locale={locale}
        labels={{ period: c.period, submit: c.show }}
      />
      {overview.departments.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-600">
          {c.noneThisYear}
        </p>
      ) : (
        <ul
          className="divide-y divide-slate-100 rounded border border-slate-200 bg-white"
          aria-label={c.heading}
        >
          {overview.departments.map((d) => (
            <li
              key={d.department.slug}
              className="grid gap-2 p-3 sm:grid-cols-[12rem_1fr_9rem_6rem] sm:items-center"
            >
              <Link
                href={`/council/departments/${d.department.slug}${councilQueryString({ year })}`}
                className="font-medium text-civic-700 underline"
              >
                {departmentName(locale, d.department)}
              </Link>
              <div className="text-sm">
                {d.itemCount > 0 ? (
                  <StatusBar counts={d.statusCounts} t={t} />
                ) : (
                  <span className="text-slate-500">—</span>
                )}
              </div>
              <p className="text-sm">
                <span className="text-slate-600">{c.budget}: </span>
                {d.budgetTotalThousands === null ? "—" : formatNumber(locale, d.budgetTotalThousands)}
              </p>
              <p className="text-sm">
                <span className="text-slate-600">{c.figures}: </span>
                {d.figureCount}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
