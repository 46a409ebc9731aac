import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { BudgetTable } from "@/components/budget-table";
import { CouncilPeriodForm } from "@/components/council-period-form";
import { FieldsForm } from "@/components/fields-form";
import { StatusBadge, StatusBar } from "@/components/status";
import { requireUser } from "@/lib/auth/guard";
import { councilQueryString, parseCouncilQuery } from "@/lib/council/query";
import {
  compareDepartmentPeriods,
  getDepartmentReport,
  listCouncilPeriods,
  listMyNotes,
} from "@/lib/data/council";
import { currentTaipeiYear } from "@/lib/domain/time";
import { departmentName, formatDate, formatNumber, formatYear } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { isDepartmentSlug } from "@/lib/validation/atoms";
import { addNoteAction, deleteNoteAction } from "../../actions";

type Props = {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getI18n(params)).t.workspace.council.heading, robots: { index: false } };
}

const label = (n: { numberLabel: string | null; title: string | null; text?: string }) =>
  `${n.numberLabel ?? ""} ${n.title ?? n.text ?? ""}`.trim();
const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * One department's plan, budget, business report and progress for a period, optionally compared
 * with another; the councillor's private notes beside it. Printable (A4) and exported as PDF/CSV.
 */
export default async function CouncilDepartmentPage({ params, searchParams }: Props) {
  const { t, locale } = await getI18n(params);
  const { slug } = await params;
  const query = parseCouncilQuery(await searchParams);
  const user = await requireUser(`/council/departments/${slug}${councilQueryString(query)}`, {
    action: "council.read",
  });
  const c = t.workspace.council;
  const periods = await listCouncilPeriods(user);
  const year = query.year ?? periods[0]?.year ?? currentTaipeiYear();
  const report = isDepartmentSlug(slug) ? await getDepartmentReport(user, slug, year) : null;
  if (!report) notFound();
  const comparison =
    query.compare && query.compare !== year
      ? await compareDepartmentPeriods(user, slug, year, query.compare)
      : null;
  const nodeIds = [
    ...report.items.map((i) => i.id),
    ...report.reports.flatMap((r) => r.sections.map((s) => s.id)),
  ];
  const notes = await listMyNotes(user, nodeIds);
  const notesByNode = new Map<number, typeof notes>();
  for (const note of notes) notesByNode.set(note.nodeId, [...(notesByNode.get(note.nodeId) ?? []), note]);
  const name = departmentName(locale, report.department);
  const period = formatYear(locale, year);
  const exportQuery = councilQueryString({ year, compare: comparison ? query.compare : undefined });

  const noteList = (nodeId: number) =>
    (notesByNode.get(nodeId) ?? []).map((note) => (
      <div key={note.id} className="mt-1 flex items-start gap-2 rounded bg-amber-50 p-2 text-sm">
        <p className="flex-1 whitespace-pre-wrap">📝 {note.body}</p>
        <form action={deleteNoteAction} className="print:hidden">
          <input type="hidden" name="noteId" value={note.id} />
          <button type="submit" className="text-xs text-red-800 underline">
            {c.deleteNote}
          </button>
        </form>
      </div>
    ));

  return (
    <article>
      <Breadcrumbs
        label={t.breadcrumb}
        crumbs={[
          { href: "/", label: t.nav.home },
          { href: `/council${councilQueryString({ year })}`, label: c.heading },
          { label: name },
        ]}
      />
      <h1 className="text-2xl font-bold text-civic-900">{c.reportHeading(name, period)}</h1>

      <CouncilPeriodForm
        years={periods.map((p) => p.year)}
        year={year}
        locale={locale}
        labels={{
          period: c.period,
          submit: c.compare,
          compareWith: c.compareWith,
          noComparison: c.noComparison,
        }}
        compare={{ selected: query.compare }}
      >
        <a
          href={`/council/departments/${slug}/pdf${exportQuery}`}
          className="text-civic-700 underline"
          download
        >
          {c.downloadPdf}
        </a>
        <a
          href={`/council/departments/${slug}/csv${exportQuery}`}
          className="text-civic-700 underline"
          download
        >
          {c.downloadCsv}
        </a>
      </CouncilPeriodForm>

      <section aria-labelledby="items-heading" className="mt-6">
        <h2 id="items-heading" className="mb-2 text-xl font-semibold text-civic-900">
          {c.planItems}
        </h2>
        {report.items.length > 0 && <StatusBar counts={report.statusCounts} t={t} />}
        <ol className="mt-3 divide-y divide-slate-100 rounded border border-slate-200 bg-white">
          {report.items.map((item) => (
            <li key={item.id} className="break-inside-avoid p-3">
              <div className="flex flex-col gap-1 sm:flex-row sm:gap-3">
                <StatusBadge status={item.latest?.status ?? "no_update"} t={t} />
                <div className="min-w-0 flex-1">
                  <Link href={`/nodes/${item.id}`} className="font-medium text-slate-900 hover:underline">
                    {label(item)}
                  </Link>
                  {item.latest ? (
                    <p className="text-sm text-slate-700">
                      {item.latest.percent !== null && `${item.latest.percent}% · `}
                      {item.latest.narrativeExcerpt}
                    </p>
                  ) : (
                    <p className="text-sm font-medium text-amber-800">⚠ {c.noUpdate}</p>
                  )}
                  {item.serves.length > 0 && (
                    <p className="text-xs text-slate-600">
                      {c.serves}: {item.serves.map((s) => label(s)).join("；")}
                    </p>
                  )}
                  {noteList(item.id)}
                </div>
              </div>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="budget-heading" className="mt-8 break-inside-avoid">
        <h2 id="budget-heading" className="mb-2 text-xl font-semibold text-civic-900">
          {c.budgetHeading}
        </h2>
        {report.budget ? (
          <>
            <p className="mb-2 text-sm text-slate-600">{report.budget.document.title}</p>
            <BudgetTable breakdown={report.budget} t={t} locale={locale} caption={`${name} ${period}`} />
          </>
        ) : (
          <p className="text-slate-600">{c.noBudget}</p>
        )}
      </section>

      <section aria-labelledby="reports-heading" className="mt-8">
        <h2 id="reports-heading" className="mb-2 text-xl font-semibold text-civic-900">
          {c.reports}
        </h2>
        {report.reports.length === 0 && <p className="text-slate-600">{c.noReports}</p>}
        {report.reports.map((r) => (
          <div key={r.document.id} className="mb-6 rounded border border-slate-200 bg-white p-3">
            <h3 className="font-semibold">
              <Link href={`/documents/${r.document.id}`} className="text-civic-700 underline">
                {r.document.title}
              </Link>
            </h3>
            <p className="text-sm text-slate-600">
              {[
                r.document.presenter,
                formatDate(locale, iso(r.document.presentedOn)),
                r.document.councilSession,
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
            <h4 className="mt-3 font-medium">{c.sections}</h4>
            <ul className="text-sm">
              {r.sections.map((s) => (
                <li key={s.id}>
                  {label(s)} ({s.figureCount}){noteList(s.id)}
                </li>
              ))}
            </ul>
            {r.figures.length > 0 && (
              <table className="mt-3 w-full text-sm">
                <caption className="mb-1 text-left font-medium">{c.figureTable}</caption>
                <thead>
                  <tr className="text-left text-slate-600">
                    <th scope="col" className="pr-2">
                      {c.figureColumns.value}
                    </th>
                    <th scope="col" className="pr-2">
                      {c.figureColumns.unit}
                    </th>
                    <th scope="col" className="pr-2">
                      {c.figureColumns.label}
                    </th>
                    <th scope="col">{c.figureColumns.sentence}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.figures.map((f) => (
                    <tr key={f.id} className="border-t border-slate-100 align-top">
                      <td className="pr-2 font-semibold tabular-nums">{f.valueText}</td>
                      <td className="pr-2">{f.unit}</td>
                      <td className="pr-2">{f.label ?? "—"}</td>
                      <td className="text-slate-700">{f.sentence}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        ))}
      </section>

      {report.strategies.length > 0 && (
        <section aria-labelledby="strategies-heading" className="mt-8">
          <h2 id="strategies-heading" className="mb-2 text-xl font-semibold text-civic-900">
            {c.strategies}
          </h2>
          <ul className="list-disc pl-5 text-sm">
            {report.strategies.map((s) => (
              <li key={s.id}>
                <Link href={`/nodes/${s.id}`} className="text-civic-700 underline">
                  {label(s)}
                </Link>{" "}
                ({s.itemIds.length})
              </li>
            ))}
          </ul>
        </section>
      )}

      {comparison && (
        <section aria-labelledby="compare-heading" className="mt-8 break-before-page">
          <h2 id="compare-heading" className="mb-2 text-xl font-semibold text-civic-900">
            {c.comparisonHeading(formatYear(locale, comparison.a), formatYear(locale, comparison.b))}
          </h2>
          <h3 className="mt-3 font-semibold">{c.statusChanges}</h3>
          {comparison.statusChanges.length === 0 ? (
            <p className="text-sm text-slate-600">{c.noStatusChanges}</p>
          ) : (
            <ul className="text-sm">
              {comparison.statusChanges.map((change) => (
                <li key={change.item.id} className="flex flex-wrap items-center gap-2 py-1">
                  <StatusBadge status={change.from} t={t} /> → <StatusBadge status={change.to} t={t} />
                  <span>{label(change.item)}</span>
                  {change.to === "delayed" && <strong className="text-red-800">{c.newlyDelayed}</strong>}
                  {change.to === "completed" && <strong className="text-emerald-800">{c.newlyDone}</strong>}
                </li>
              ))}
            </ul>
          )}
          <h3 className="mt-4 font-semibold">{c.budgetDiff}</h3>
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left text-slate-600">
                <th scope="col">{c.budgetColumns.name}</th>
                <th scope="col" className="text-right">
                  {formatYear(locale, comparison.a)}
                </th>
                <th scope="col" className="text-right">
                  {formatYear(locale, comparison.b)}
                </th>
                <th scope="col" className="text-right">
                  {c.budgetColumns.difference}
                </th>
              </tr>
            </thead>
            <tbody>
              {comparison.budget.lines.map((line) => (
                <tr key={line.name} className="border-t border-slate-100">
                  <td>{line.name}</td>
                  <td className="text-right tabular-nums">
                    {line.a === null ? "—" : formatNumber(locale, line.a)}
                  </td>
                  <td className="text-right tabular-nums">
                    {line.b === null ? "—" : formatNumber(locale, line.b)}
                  </td>
                  <td className="text-right tabular-nums">
                    {line.difference === null ? "—" : formatNumber(locale, line.difference)}
                  </td>
                </tr>
              ))}
              <tr className="border-t-2 border-slate-300 font-semibold">
                <td>{t.budgets.total}</td>
                <td className="text-right tabular-nums">
                  {comparison.budget.totalA === null ? "—" : formatNumber(locale, comparison.budget.totalA)}
                </td>
                <td className="text-right tabular-nums">
                  {comparison.budget.totalB === null ? "—" : formatNumber(locale, comparison.budget.totalB)}
                </td>
                <td className="text-right tabular-nums">
                  {comparison.budget.difference === null
                    ? "—"
                    : formatNumber(locale, comparison.budget.difference)}
                </td>
              </tr>
            </tbody>
          </table>
          <h3 className="mt-4 font-semibold">{c.figuresChanged}</h3>
          {comparison.figures.changed.length === 0 ? (
            <p className="text-sm text-slate-600">{c.noFiguresChanged}</p>
          ) : (
            <ul className="text-sm">
              {comparison.figures.changed.map((f) => (
                <li key={`${f.label}-${f.unit}`}>
                  {f.label}: {f.a.valueText} → {f.b.valueText} {f.unit}
                </li>
              ))}
            </ul>
          )}
          <p className="mt-2 text-sm text-slate-600">
            {c.onlyA(comparison.figures.onlyA)} · {c.onlyB(comparison.figures.onlyB)}
          </p>
        </section>
      )}

      <section
        aria-labelledby="notes-heading"
        className="mt-8 rounded border border-amber-200 bg-white p-4 print:hidden"
      >
        <p id="notes-heading" className="mb-2 text-sm text-slate-600">
          {c.notes} · {c.notesHint}
        </p>
        <FieldsForm
          id="add-note"
          heading={c.addNote}
          action={addNoteAction}
          submit={c.addNote}
          hidden={{ locale }}
          fields={[
            {
              kind: "select",
              name: "nodeId",
              label: c.noteOn,
              options: [
                ...report.items.map((i) => ({ value: String(i.id), label: label(i).slice(0, 60) })),
                ...report.reports.flatMap((r) =>
                  r.sections.map((s) => ({ value: String(s.id), label: label(s).slice(0, 60) })),
                ),
              ],
            },
            { kind: "textarea", name: "body", label: c.noteBody, rows: 3 },
          ]}
        />
      </section>
    </article>
  );
}
