import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { BudgetChart } from "@/components/budget-chart";
import { BudgetTable } from "@/components/budget-table";
import { NodeTree, sourceHref } from "@/components/node-tree";
import { departmentName, formatDate, formatNumber, formatYearRange } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { readDocumentPage } from "@/lib/cache/public-reads";
import { parseRecordId } from "@/lib/validation/params";
import { renderOnFirstRequest } from "@/lib/routing/query-pages";

export const generateStaticParams = renderOnFirstRequest;

type Props = { params: Promise<{ locale: string; id: string }> };

async function load(params: Props["params"]) {
  const id = parseRecordId((await params).id);
  return id === null ? null : readDocumentPage(id);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const doc = await load(params);
  return doc ? { title: doc.title } : {};
}

export default async function DocumentPage({ params }: Props) {
  const doc = await load(params);
  if (!doc) notFound();
  const { t, locale } = await getI18n(params);
  const isReport = doc.kind === "council-report";
  const listHref = isReport ? "/reports" : "/plans";

  const facts: Array<[string, string]> = [
    [t.home.kind, t.kinds[doc.kind]],
    [t.home.period, formatYearRange(locale, doc.yearFrom, doc.yearTo)],
    [t.home.department, doc.department ? departmentName(locale, doc.department) : t.home.cityWide],
  ];
  if (isReport) {
    facts.push([t.reports.presentedOn, formatDate(locale, doc.presentedOn)]);
    if (doc.presenter) facts.push([t.reports.presenter, doc.presenter]);
    if (doc.councilSession) facts.push([t.reports.session, doc.councilSession]);
    if (doc.periodFrom) {
      facts.push([
        t.reports.period,
        `${formatDate(locale, doc.periodFrom)} – ${formatDate(locale, doc.periodTo)}`,
      ]);
    }
  }

  return (
    <article>
      <Breadcrumbs
        label={t.breadcrumb}
        crumbs={[
          { href: "/", label: t.nav.home },
          { href: listHref, label: isReport ? t.nav.reports : t.nav.plans },
          { label: doc.title },
        ]}
      />
      <h1 className="text-2xl font-bold text-civic-900">{doc.title}</h1>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
        {facts.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-600">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-sm">
        <Link href={sourceHref(doc.id, 1, 1)} className="text-civic-700 hover:underline">
          {t.document.source}
        </Link>
        <span className="text-slate-600"> · {t.document.version(doc.version)}</span>
      </p>

      {doc.budget && (
        <section aria-labelledby="budget-heading" className="mt-8 space-y-3">
          <h2 id="budget-heading" className="text-xl font-semibold text-civic-900">
            {t.document.budget}
          </h2>
          <BudgetChart
            breakdown={doc.budget}
            title={t.document.budgetTable(doc.budget.tableName)}
            locale={locale}
            unit={t.budgets.thousands}
          />
          <BudgetTable
            breakdown={doc.budget}
            t={t}
            locale={locale}
            caption={t.document.budgetTable(doc.budget.tableName)}
          />
        </section>
      )}

      <section aria-labelledby="contents-heading" className="mt-8">
        <h2 id="contents-heading" className="mb-3 text-xl font-semibold text-civic-900">
          {t.document.contents}
        </h2>
        {doc.nodes.length > 0 ? (
          <NodeTree nodes={doc.nodes} documentId={doc.id} t={t} />
        ) : (
          <p>{t.document.noNodes}</p>
        )}
      </section>

      {isReport && (
        <section aria-labelledby="figures-heading" className="mt-8">
          <h2 id="figures-heading" className="text-xl font-semibold text-civic-900">
            {t.reports.figures}
          </h2>
          <p className="mb-3 text-sm text-slate-700">{t.reports.figuresIntro}</p>
          {doc.figures.length === 0 ? (
            <p>{t.reports.noFigures}</p>
          ) : (
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="figures-heading">
              <table className="w-full text-sm">
                <thead>
                  <tr className="text-left text-slate-600">
                    <th scope="col" className="py-1 pr-2 text-right">
                      {t.reports.value}
                    </th>
                    <th scope="col" className="px-2 py-1">
                      {t.reports.unit}
                    </th>
                    <th scope="col" className="px-2 py-1">
                      {t.reports.counts}
                    </th>
                    <th scope="col" className="py-1 pl-2">
                      {t.reports.inSection}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {doc.figures.map((f) => (
                    <tr key={f.id} className="border-t border-slate-100 align-top">
                      <td className="py-1.5 pr-2 text-right font-semibold whitespace-nowrap tabular-nums">
                        {formatNumber(locale, f.value)}
                      </td>
                      <td className="px-2 py-1.5 whitespace-nowrap">{f.unit}</td>
                      <td className="px-2 py-1.5">
                        <span className="line-clamp-3" title={f.sentence}>
                          {f.label ?? f.sentence}
                        </span>
                      </td>
                      <td className="py-1.5 pl-2">
                        {f.node ? (
                          <Link href={`/nodes/${f.node.id}`} className="text-civic-700 hover:underline">
                            {f.node.numberLabel ?? ""} {f.node.title ?? "…"}
                          </Link>
                        ) : (
                          "—"
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </article>
  );
}
