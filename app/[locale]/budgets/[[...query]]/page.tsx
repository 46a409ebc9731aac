import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { BudgetChart } from "@/components/budget-chart";
import { BudgetTable } from "@/components/budget-table";
import { departmentName, formatYear } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { readBudgetExplorer } from "@/lib/cache/public-reads";
import { budgetsListing, readQuerySegments, renderOnFirstRequest } from "@/lib/routing/query-pages";

export const generateStaticParams = renderOnFirstRequest;

type Props = { params: Promise<{ locale: string; query?: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getI18n(params)).t.budgets.heading };
}

export default async function BudgetsPage({ params }: Props) {
  const { t, locale } = await getI18n(params);
  const query = readQuerySegments(budgetsListing, (await params).query);
  if (!query) notFound();
  const explorer = await readBudgetExplorer(query);
  const selected = explorer.selected;
  return (
    <>
      <Breadcrumbs
        label={t.breadcrumb}
        crumbs={[{ href: "/", label: t.nav.home }, { label: t.budgets.heading }]}
      />
      <h1 className="text-2xl font-bold text-civic-900">{t.budgets.heading}</h1>
      <p className="mt-1 mb-4 text-slate-700">{t.budgets.intro}</p>

      <form
        method="get"
        className="mb-6 flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3"
      >
        <label className="flex flex-col text-sm">
          {t.budgets.department}
          <select
            name="department"
            defaultValue={selected?.department.slug}
            className="mt-1 rounded border border-slate-300 p-1.5"
          >
            {explorer.choices.map((c) => (
              <option key={c.slug} value={c.slug}>
                {departmentName(locale, c)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t.budgets.year}
          <select
            name="year"
            defaultValue={selected?.year}
            className="mt-1 rounded border border-slate-300 p-1.5"
          >
            {[...new Set(explorer.choices.flatMap((c) => c.years))]
              .sort((a, b) => b - a)
              .map((y) => (
                <option key={y} value={y}>
                  {formatYear(locale, y)}
                </option>
              ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-civic-700 px-4 py-1.5 text-white hover:bg-civic-900">
          {t.budgets.show}
        </button>
      </form>

      {selected && explorer.breakdown ? (
        <section aria-labelledby="breakdown-heading" className="space-y-4">
          <h2 id="breakdown-heading" className="text-xl font-semibold text-civic-900">
            {t.budgets.chartTitle(departmentName(locale, selected.department), selected.year)}
          </h2>
          <BudgetChart
            breakdown={explorer.breakdown}
            title={t.budgets.chartTitle(departmentName(locale, selected.department), selected.year)}
            locale={locale}
            unit={t.budgets.thousands}
          />
          <BudgetTable
            breakdown={explorer.breakdown}
            t={t}
            locale={locale}
            caption={t.budgets.chartTitle(departmentName(locale, selected.department), selected.year)}
          />
          <p className="text-sm">
            <Link href={`/documents/${selected.document.id}`} className="text-civic-700 hover:underline">
              {selected.document.title}
            </Link>
          </p>
        </section>
      ) : (
        <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-600">
          {t.budgets.empty}
        </p>
      )}
    </>
  );
}
