import { taipeiToday } from "@/lib/domain/time";
import type { Metadata } from "next";
import Link from "next/link";
import { TrackedLightsSection } from "@/components/tracked-lights";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { BudgetChart } from "@/components/budget-chart";
import { DocumentList } from "@/components/document-list";
import { FeedLink } from "@/components/feed-link";
import { StatusBadge, StatusBar } from "@/components/status";
import { departmentName, formatYear } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { readDepartmentPage } from "@/lib/cache/public-reads";
import { renderOnFirstRequest } from "@/lib/routing/query-pages";
import { isDepartmentSlug } from "@/lib/validation/atoms";

export const generateStaticParams = renderOnFirstRequest;

type Props = { params: Promise<{ locale: string; slug: string }> };

async function load(params: Props["params"]) {
  const { slug } = await params;
  return isDepartmentSlug(slug) ? readDepartmentPage(slug, taipeiToday()) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const dept = await load(params);
  const { locale } = await getI18n(params);
  return dept
    ? {
        title: departmentName(locale, dept),
        alternates: { types: { "application/atom+xml": `/feeds/progress?department=${dept.slug}` } },
      }
    : {};
}

export default async function DepartmentPage({ params }: Props) {
  const dept = await load(params);
  if (!dept) notFound();
  const { t, locale } = await getI18n(params);
  const name = departmentName(locale, dept);
  return (
    <>
      <Breadcrumbs
        label={t.breadcrumb}
        crumbs={[
          { href: "/", label: t.nav.home },
          { href: "/departments", label: t.departments.heading },
          { label: name },
        ]}
      />
      <h1 className="text-2xl font-bold text-civic-900">{name}</h1>
      {locale === "en" && <p lang="zh-Hant-TW">{dept.nameZh}</p>}
      {dept.aliases.length > 0 && (
        <p className="text-sm text-slate-600">
          {t.departments.aliases}：<span lang="zh-Hant-TW">{dept.aliases.join("、")}</span>
        </p>
      )}

      <section
        aria-labelledby="progress-heading"
        className="mt-6 rounded border border-slate-200 bg-white p-4"
      >
        <h2 id="progress-heading" className="mb-2 font-semibold text-civic-900">
          {t.departments.progressSummary}（{dept.progress.total} {t.departments.items}）
        </h2>
        <StatusBar counts={dept.progress} t={t} />
        <p className="mt-2">
          <FeedLink href={`/feeds/progress?department=${dept.slug}`} t={t} />
        </p>
      </section>

      {dept.tracking && (
        <TrackedLightsSection
          tracking={dept.tracking}
          heading={t.lights.departmentHeading(dept.tracking.items.length)}
          t={t}
          locale={locale}
        />
      )}

      <section aria-labelledby="budget-heading" className="mt-8">
        <h2 id="budget-heading" className="mb-3 text-xl font-semibold text-civic-900">
          {t.departments.budget}
        </h2>
        {dept.budgets.length === 0 ? (
          <p className="text-slate-600">{t.departments.noBudget}</p>
        ) : (
          <div className="space-y-3">
            {dept.budgets.map((b) => (
              <div key={b.document.id}>
                <BudgetChart
                  breakdown={b.breakdown}
                  title={t.budgets.chartTitle(name, b.year)}
                  locale={locale}
                  unit={t.budgets.thousands}
                />
                <Link
                  href={`/budgets?department=${dept.slug}&year=${b.year}`}
                  className="text-sm text-civic-700 hover:underline"
                >
                  {t.budgets.heading} · {formatYear(locale, b.year)}
                </Link>
              </div>
            ))}
          </div>
        )}
      </section>

      <section aria-labelledby="items-heading" className="mt-8">
        <h2 id="items-heading" className="mb-3 text-xl font-semibold text-civic-900">
          {t.departments.agendaByYear}
        </h2>
        {dept.itemsByYear.length === 0 && <p className="text-slate-600">{t.departments.noItems}</p>}
        {dept.itemsByYear.map((group) => (
          <section key={group.document.id} aria-labelledby={`doc-${group.document.id}`} className="mb-6">
            <h3 id={`doc-${group.document.id}`} className="mb-2 font-semibold">
              {group.year ? `${formatYear(locale, group.year)} · ` : ""}
              <Link href={`/documents/${group.document.id}`} className="text-civic-700 hover:underline">
                {group.document.title}
              </Link>
            </h3>
            <ul className="space-y-1">
              {group.items.map((item) => (
                <li key={item.id} className="flex items-start gap-2">
                  <StatusBadge status={item.status ?? "no_update"} t={t} />
                  <Link href={`/nodes/${item.id}`} className="hover:text-civic-700 hover:underline">
                    {item.numberLabel && <span className="mr-1 font-semibold">{item.numberLabel}</span>}
                    {item.title ?? item.text}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>

      <section aria-labelledby="reports-heading" className="mt-8">
        <h2 id="reports-heading" className="mb-3 text-xl font-semibold text-civic-900">
          {t.departments.reports}
        </h2>
        <DocumentList
          documents={dept.reports}
          t={t}
          locale={locale}
          label={t.departments.reports}
          empty={t.departments.noReports}
        />
      </section>
    </>
  );
}
