import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { ComplianceChart } from "@/components/compliance-chart";
import { Notice } from "@/components/notice";
import { requireUser } from "@/lib/auth/guard";
import { getCompliance } from "@/lib/data/tracking";
import { periodLabel } from "@/lib/i18n/cycles";
import { departmentName, formatDateTime, formatNumber, formatShare } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";
import { getI18n } from "@/lib/i18n/server";
import type { ComplianceCounts, ComplianceReport } from "@/lib/tracking/compliance";
import { complianceQueryString, parseComplianceQuery } from "@/lib/tracking/compliance-query";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getI18n(params)).t.workspace.review.compliance.heading, robots: { index: false } };
}

const selectClass = "mt-1 max-w-full rounded border border-slate-300 bg-white p-1.5";
const COUNT_COLUMNS = ["due", "onTime", "late", "returned", "notReported", "published"] as const;

/**
 * 填報情形: which departments reported on time, cycle by cycle (lib/tracking/compliance.ts has the
 * definitions), for the 研考會. Filters are a GET form; the same query downloads as CSV or prints as
 * the review meeting's PDF, which is this page printed by the server (filters and links hidden).
 */
export default async function CompliancePage({ params, searchParams }: Props) {
  const { t, locale } = await getI18n(params);
  const query = parseComplianceQuery(await searchParams);
  const viewer = await requireUser(
    `/review/compliance${query.ok ? complianceQueryString(query.filter) : ""}`,
    { action: "tracking.manage" },
  );
  const r = t.workspace.review;
  const c = r.compliance;
  const result = query.ok ? await getCompliance(viewer, query.filter) : query;
  const crumbs = (
    <Breadcrumbs
      label={t.breadcrumb}
      crumbs={[{ href: "/", label: t.nav.home }, { href: "/review", label: r.heading }, { label: c.heading }]}
    />
  );
  if ("problem" in result) {
    const { problem } = result; // a malformed parameter, or one naming no set or ended cycle
    return (
      <>
        {crumbs}
        <h1 className="mb-4 text-2xl font-bold text-civic-900">{c.heading}</h1>
        <Notice tone="error">{c.badFilter[problem]}</Notice>
        <p className="mt-4">
          <Link href="/review/compliance" className="text-civic-700 underline">
            {c.showAll}
          </Link>
        </p>
      </>
    );
  }
  const report = result.report;
  const setName = report.set?.name ?? c.allSets;
  const cycleName = report.cycle ? periodLabel(report.cycle.period, locale) : c.allCycles;
  const exportQuery = complianceQueryString({ setId: report.set?.id ?? "all", periodKey: report.cycle?.key });

  return (
    <article>
      {crumbs}
      <h1 className="text-2xl font-bold text-civic-900">{c.briefingTitle(setName, cycleName)}</h1>
      <p className="mt-1 text-sm text-slate-700">{c.dataAsOf(formatDateTime(locale, report.generatedAt))}</p>
      <p className="mt-2 text-slate-700 print:hidden">{c.intro}</p>

      <form method="get" className="my-4 flex flex-wrap items-end gap-3 print:hidden">
        <label className="flex max-w-full flex-col text-sm">
          {c.set}
          <select name="set" defaultValue={report.set?.id ?? "all"} className={selectClass}>
            <option value="all">{c.allSets}</option>
            {report.sets.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex max-w-full flex-col text-sm">
          {c.cycle}
          <select name="cycle" defaultValue={report.cycle?.key ?? ""} className={selectClass}>
            <option value="">{c.allCycles}</option>
            {report.cycles.map((cycle) => (
              <option key={cycle.key} value={cycle.key}>
                {periodLabel(cycle.period, locale)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-civic-700 px-4 py-1.5 text-white hover:bg-civic-900">
          {c.show}
        </button>
        {report.rows.length > 0 && (
          <>
            <a href={`/review/compliance/csv${exportQuery}`} className="text-civic-700 underline" download>
              {c.downloadCsv}
            </a>
            <a href={`/review/compliance/pdf${exportQuery}`} className="text-civic-700 underline" download>
              {c.downloadPdf}
            </a>
          </>
        )}
      </form>

      {report.tracked === 0 ? (
        <EmptyState>{c.nothingTracked}</EmptyState>
      ) : report.cycles.length === 0 ? (
        <EmptyState>{c.noEndedCycle}</EmptyState>
      ) : (
        <>
          <DepartmentTable report={report} t={t} locale={locale} />
          <section aria-labelledby="chart-heading" className="mt-8">
            <h2 id="chart-heading" className="mb-2 text-xl font-semibold text-civic-900">
              {c.chartHeading}
            </h2>
            <ComplianceChart cycles={report.byCycle} t={t} locale={locale} labelledBy="chart-heading" />
            <CycleTable report={report} t={t} locale={locale} />
          </section>
        </>
      )}

      {report.tracked > 0 && <NeverUpdated report={report} t={t} locale={locale} />}

      <section aria-labelledby="definitions-heading" className="mt-8 text-sm text-slate-700">
        <h2 id="definitions-heading" className="mb-1 font-semibold text-civic-900">
          {c.definitionsHeading}
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          {COUNT_COLUMNS.map((key) => (
            <li key={key}>{c.definitions[key]}</li>
          ))}
        </ul>
      </section>
    </article>
  );
}

type SectionProps = { report: ComplianceReport; t: Messages; locale: Locale };

function EmptyState({ children }: { children: ReactNode }) {
  return (
    <p className="rounded border border-dashed border-slate-300 bg-white p-4 text-slate-700">{children}</p>
  );
}

/** Count cells in the columns' order, right-aligned figures. */
function CountCells({ counts, locale }: { counts: ComplianceCounts; locale: Locale }) {
  return (
    <>
      {COUNT_COLUMNS.map((key) => (
        <td key={key} className="p-2 text-right tabular-nums">
          {formatNumber(locale, counts[key])}
        </td>
      ))}
    </>
  );
}

/** One row per department × cycle: newest cycle first, the worst department first within it. */
function DepartmentTable({ report, t, locale }: SectionProps) {
  const c = t.workspace.review.compliance;
  const showPeriod = report.cycle === null;
  if (report.rows.length === 0) return <EmptyState>{c.nothingDue}</EmptyState>;
  return (
    <section aria-labelledby="departments-heading">
      <h2 id="departments-heading" className="mb-2 text-xl font-semibold text-civic-900">
        {c.tableHeading}
      </h2>
      {/* Focusable, so a keyboard can scroll it on a phone where the columns do not fit. */}
      <div
        className="overflow-x-auto rounded border border-slate-200 bg-white"
        role="region"
        aria-labelledby="departments-heading"
        tabIndex={0}
      >
        <table className="w-full text-left text-sm">
          <caption className="p-2 text-left text-xs text-slate-600">{c.tableCaption}</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="p-2">
                {c.columns.department}
              </th>
              {showPeriod && (
                <th scope="col" className="p-2">
                  {c.columns.period}
                </th>
              )}
              {COUNT_COLUMNS.map((key) => (
                <th key={key} scope="col" className="p-2 text-right whitespace-nowrap">
                  {c.columns[key]}
                </th>
              ))}
              <th scope="col" className="p-2 text-right whitespace-nowrap">
                {c.columns.onTimeShare}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={`${row.key} ${row.department.slug}`} className="border-t border-slate-100">
                <th scope="row" className="p-2 font-medium whitespace-nowrap">
                  {departmentName(locale, row.department)}
                </th>
                {showPeriod && <td className="p-2 whitespace-nowrap">{periodLabel(row.period, locale)}</td>}
                <CountCells counts={row.counts} locale={locale} />
                <td className="p-2 text-right font-semibold tabular-nums">
                  {formatShare(locale, row.onTimeShare)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t-2 border-slate-300 bg-slate-50">
            <tr>
              <th scope="row" className="p-2" colSpan={showPeriod ? 2 : 1}>
                {c.total}
              </th>
              <CountCells counts={report.totals} locale={locale} />
              <td className="p-2 text-right font-semibold tabular-nums">
                {formatShare(
                  locale,
                  report.totals.due === 0 ? null : report.totals.onTime / report.totals.due,
                )}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

/** The chart's figures as a table: counts and shares per cycle. */
function CycleTable({ report, t, locale }: SectionProps) {
  const c = t.workspace.review.compliance;
  return (
    <div
      className="mt-3 overflow-x-auto rounded border border-slate-200 bg-white"
      role="region"
      aria-label={c.chartTableCaption}
      tabIndex={0}
    >
      <table className="w-full text-left text-sm">
        <caption className="p-2 text-left text-xs text-slate-600">{c.chartTableCaption}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="p-2">
              {c.columns.period}
            </th>
            <th scope="col" className="p-2 text-right">
              {c.columns.due}
            </th>
            <th scope="col" className="p-2 text-right">
              {c.columns.onTime}
            </th>
            <th scope="col" className="p-2 text-right">
              {c.columns.late}
            </th>
          </tr>
        </thead>
        <tbody>
          {[...report.byCycle].reverse().map((cycle) => (
            <tr key={cycle.key} className="border-t border-slate-100">
              <th scope="row" className="p-2 font-medium whitespace-nowrap">
                {periodLabel(cycle.period, locale)}
              </th>
              <td className="p-2 text-right tabular-nums">{formatNumber(locale, cycle.counts.due)}</td>
              <td className="p-2 text-right tabular-nums">
                {formatNumber(locale, cycle.counts.onTime)} ({formatShare(locale, cycle.onTimeShare)})
              </td>
              <td className="p-2 text-right tabular-nums">
                {formatNumber(locale, cycle.counts.late)} ({formatShare(locale, cycle.lateShare)})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Tracked items with no update at all, linked to the reviewer's page for each. */
function NeverUpdated({ report, t, locale }: SectionProps) {
  const c = t.workspace.review.compliance;
  const { total, items } = report.neverUpdated;
  return (
    <section aria-labelledby="never-updated-heading" className="mt-8">
      <h2 id="never-updated-heading" className="text-xl font-semibold text-civic-900">
        {c.neverUpdatedHeading}
        {total > 0 && (
          <span className="ml-2 text-base font-normal text-slate-700">{c.neverUpdatedCount(total)}</span>
        )}
      </h2>
      <p className="mb-2 text-sm text-slate-700">{c.neverUpdatedIntro}</p>
      {total === 0 ? (
        <EmptyState>{c.neverUpdatedNone}</EmptyState>
      ) : (
        <>
          <ul className="divide-y divide-slate-100 rounded border border-slate-200 bg-white">
            {items.map((item) => (
              <li
                key={item.itemId}
                className="flex flex-col gap-0.5 p-3 sm:flex-row sm:items-baseline sm:gap-3"
              >
                <Link
                  href={`/review/items/${item.itemId}`}
                  className="min-w-0 flex-1 text-civic-700 underline"
                >
                  {item.numberLabel && <span className="mr-1">{item.numberLabel}</span>}
                  {item.title.length > 100 ? `${item.title.slice(0, 100)}…` : item.title}
                </Link>
                <span className="text-xs text-slate-600 sm:text-sm">
                  {item.department ? departmentName(locale, item.department) : c.noLead}
                  {report.set === null && ` · ${item.set.name}`}
                </span>
              </li>
            ))}
          </ul>
          {total > items.length && (
            <p className="mt-2 text-sm text-slate-700">{c.neverUpdatedMore(items.length, total)}</p>
          )}
        </>
      )}
    </section>
  );
}
