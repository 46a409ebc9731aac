import { taipeiToday } from "@/lib/domain/time";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { FeedLink } from "@/components/feed-link";
import { FigureQuote } from "@/components/figure-quote";
import { CatchUpPlan } from "@/components/catch-up-plan";
import { LightBadge } from "@/components/light-badge";
import { PlannedActualChart } from "@/components/planned-actual-chart";
import { TrackedLightsSection } from "@/components/tracked-lights";
import { shortPeriodLabel } from "@/lib/i18n/cycles";
import { IndicatorTable } from "@/components/indicator-table";
import { sourceHref } from "@/components/node-tree";
import { StatusBadge } from "@/components/status";
import { departmentName, formatDate, formatDay, formatNumber, formatYearRange } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";
import { getI18n } from "@/lib/i18n/server";
import { readItemIndicators, readNodePage } from "@/lib/cache/public-reads";
import type { LinkedNode, NodeRef } from "@/lib/queries/nodes";
import { parseRecordId } from "@/lib/validation/params";
import { renderOnFirstRequest } from "@/lib/routing/query-pages";

export const generateStaticParams = renderOnFirstRequest;

type Props = { params: Promise<{ locale: string; id: string }> };

async function load(params: Props["params"]) {
  const id = parseRecordId((await params).id);
  return id === null ? null : readNodePage(id, taipeiToday());
}

/** The newest publication among the timeline's updates ("資料更新至"). */
const latestPublication = (progress: Array<{ publishedAt: string | null; updatedAt: string }>) =>
  progress.map((p) => p.publishedAt ?? p.updatedAt).reduce((a, b) => (a > b ? a : b));

const headingOf = (n: NodeRef) => `${n.numberLabel ?? ""}${n.numberLabel ? " " : ""}${n.title ?? n.text}`;
const short = (s: string, max = 60) => (s.length > max ? `${s.slice(0, max)}…` : s);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const node = await load(params);
  return node
    ? {
        title: short(headingOf(node)),
        alternates: { types: { "application/atom+xml": `/feeds/progress?node=${node.id}` } },
      }
    : {};
}

function LinkList({ links, locale }: { links: LinkedNode[]; locale: Locale }) {
  return (
    <ul className="space-y-2">
      {links.map((l) => (
        <li key={l.id} className="rounded border border-slate-200 bg-white p-3">
          <Link href={`/nodes/${l.id}`} className="font-medium text-civic-900 hover:underline">
            {short(headingOf(l), 80)}
          </Link>
          <p className="mt-1 text-xs text-slate-600">
            {l.document.title} ·{" "}
            {l.document.year ? formatYearRange(locale, l.document.year, l.document.year) : ""}
            {l.department ? ` · ${departmentName(locale, l.department)}` : ""}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** Confirmed links first; suggestions apart, as 未確認, because they count in no roll-up. */
function Links({ links, t, locale }: { links: LinkedNode[]; t: Messages; locale: Locale }) {
  const confirmed = links.filter((l) => l.origin === "confirmed");
  const suggested = links.filter((l) => l.origin === "suggested");
  return (
    <>
      {confirmed.length > 0 && <LinkList links={confirmed} locale={locale} />}
      {suggested.length > 0 && (
        <div className="mt-3">
          <h3 className="text-sm font-semibold text-amber-900">
            <span className="rounded bg-amber-100 px-1">{t.node.unconfirmed}</span> {t.node.suggestedHint}
          </h3>
          <div className="mt-2">
            <LinkList links={suggested} locale={locale} />
          </div>
        </div>
      )}
    </>
  );
}

export default async function NodePage({ params }: Props) {
  const node = await load(params);
  if (!node) notFound();
  const { t, locale } = await getI18n(params);
  const isReport = node.document.kind === "council-report";

  return (
    <article>
      <Breadcrumbs
        label={t.breadcrumb}
        crumbs={[
          { href: "/", label: t.nav.home },
          { href: isReport ? "/reports" : "/plans", label: isReport ? t.nav.reports : t.nav.plans },
          { href: `/documents/${node.document.id}`, label: short(node.document.title, 30) },
          ...node.ancestors.map((a) => ({ href: `/nodes/${a.id}`, label: short(headingOf(a), 20) })),
          { label: short(headingOf(node), 30) },
        ]}
      />
      <p className="text-sm font-medium text-civic-700">{t.nodeKinds[node.kind]}</p>
      <h1 className="text-2xl font-bold text-civic-900">
        {node.numberLabel && <span className="mr-2">{node.numberLabel}</span>}
        {node.title ?? short(node.text, 80)}
      </h1>
      {node.retired && <p className="mt-1 text-sm text-rose-800">{t.document.retired}</p>}
      {node.title && node.text !== node.title && <p className="mt-3 leading-relaxed">{node.text}</p>}
      {!node.title && node.text.length > 80 && <p className="mt-3 leading-relaxed">{node.text}</p>}

      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">{t.node.department}</dt>
        <dd>
          {node.department ? (
            <Link href={`/departments/${node.department.slug}`} className="text-civic-700 hover:underline">
              {departmentName(locale, node.department)}
            </Link>
          ) : (
            t.home.cityWide
          )}
        </dd>
        <dt className="text-slate-600">{t.node.document}</dt>
        <dd>
          <Link
            href={`/documents/${node.document.id}#n-${node.id}`}
            className="text-civic-700 hover:underline"
          >
            {node.document.title}
          </Link>{" "}
          ({formatYearRange(locale, node.document.yearFrom, node.document.yearTo)})
        </dd>
        {node.ancestors.length > 0 && (
          <>
            <dt className="text-slate-600">{t.node.parent}</dt>
            <dd>
              <Link href={`/nodes/${node.ancestors.at(-1)?.id}`} className="text-civic-700 hover:underline">
                {short(headingOf(node.ancestors.at(-1) as NodeRef))}
              </Link>
            </dd>
          </>
        )}
      </dl>

      <section aria-labelledby="excerpt-heading" className="mt-6">
        <h2 id="excerpt-heading" className="text-lg font-semibold text-civic-900">
          {t.node.sourceExcerpt}
        </h2>
        <blockquote className="mt-2 rounded border-l-4 border-civic-600 bg-white p-3 text-sm">
          {node.excerpt.map((l) => (
            <p key={l.line}>
              <span className="mr-2 text-slate-600 tabular-nums">{l.line}</span>
              {l.text}
            </p>
          ))}
        </blockquote>
        <Link
          href={sourceHref(node.document.id, node.lineFrom, node.lineTo)}
          className="mt-1 inline-block text-sm text-civic-700 hover:underline"
        >
          {t.document.sourceLines(node.lineFrom, node.lineTo)}
        </Link>
      </section>

      {node.children.length > 0 && (
        <section aria-labelledby="children-heading" className="mt-6">
          <h2 id="children-heading" className="text-lg font-semibold text-civic-900">
            {t.node.children}
          </h2>
          <ul className="mt-2 list-none space-y-1">
            {node.children.map((c) => (
              <li key={c.id}>
                <Link href={`/nodes/${c.id}`} className="text-civic-700 hover:underline">
                  {short(headingOf(c), 100)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      {node.serves.length > 0 && (
        <section aria-labelledby="serves-heading" className="mt-6">
          <h2 id="serves-heading" className="mb-2 text-lg font-semibold text-civic-900">
            {t.node.servesStrategies}
          </h2>
          <Links links={node.serves} t={t} locale={locale} />
        </section>
      )}
      {node.servedBy.length > 0 && (
        <section aria-labelledby="served-heading" className="mt-6">
          <h2 id="served-heading" className="mb-2 text-lg font-semibold text-civic-900">
            {t.node.servedByItems}
          </h2>
          <Links links={node.servedBy} t={t} locale={locale} />
        </section>
      )}

      {node.rollUp && (
        <TrackedLightsSection
          tracking={node.rollUp}
          heading={t.lights.underHeading(node.rollUp.items.length)}
          t={t}
          locale={locale}
        />
      )}

      {!isReport && (
        <section aria-labelledby="progress-heading" className="mt-6">
          <h2 id="progress-heading" className="mb-2 text-lg font-semibold text-civic-900">
            {t.node.progress}
          </h2>
          <p className="mb-2 flex flex-wrap gap-x-4">
            <FeedLink href={`/feeds/progress?node=${node.id}`} t={t} />
            {node.progress[0] && (
              <span className="text-sm text-slate-700">
                {t.node.dataAsOf(formatDay(locale, latestPublication(node.progress)))}
              </span>
            )}
          </p>
          {node.tracking && (
            <div className="mb-3 space-y-3">
              <p className="flex flex-wrap items-center gap-2">
                <span className="text-slate-700">{t.lights.itemLightNow}</span>
                <LightBadge light={node.tracking.light} t={t} />
                {!["green", "yellow", "red"].includes(node.tracking.light) && (
                  <span className="text-sm text-slate-700">{t.lights.meaning[node.tracking.light]}</span>
                )}
                {node.tracking.lead && (
                  <span className="text-sm text-slate-700">
                    {t.lights.lead}：
                    <Link
                      href={`/departments/${node.tracking.lead.slug}`}
                      className="text-civic-700 underline"
                    >
                      {departmentName(locale, node.tracking.lead)}
                    </Link>
                  </span>
                )}
                <Link href="/methodology" className="text-sm text-civic-700 underline">
                  {t.lights.methodology}
                </Link>
              </p>
              {node.tracking.periods.some((p) => p.planned !== null || p.actual !== null) ? (
                <PlannedActualChart
                  t={t}
                  periods={node.tracking.periods.map((p) => ({
                    key: p.to,
                    label: shortPeriodLabel(p, locale),
                    planned: p.planned,
                    actual: p.actual,
                  }))}
                />
              ) : (
                <p className="text-sm text-slate-600">{t.lights.noPlan}</p>
              )}
            </div>
          )}
          {node.progress.length === 0 ? (
            <p className="text-slate-600">{t.node.noProgress}</p>
          ) : (
            <ol className="space-y-3 border-l-2 border-civic-100 pl-4">
              {node.progress.map((p) => (
                <li key={p.id}>
                  <p className="flex flex-wrap items-center gap-2 text-sm">
                    {p.light && <LightBadge light={p.light} t={t} />}
                    <StatusBadge status={p.status} t={t} />
                    {p.percent !== null && (
                      <span>
                        {t.node.percent} {p.percent}%
                      </span>
                    )}
                    <span className="text-slate-600">
                      {formatDate(locale, p.periodFrom)} – {formatDate(locale, p.periodTo)}
                    </span>
                  </p>
                  {p.plannedPercent !== null && p.percent !== null && (
                    <p className="text-sm text-slate-700">{t.lights.why(p.plannedPercent, p.percent)}</p>
                  )}
                  {p.lightOverrideReason && p.computedLight && (
                    <p className="mt-1 rounded bg-amber-50 p-2 text-sm">
                      {t.lights.overridden(t.lights.names[p.computedLight])}：{p.lightOverrideReason}
                    </p>
                  )}
                  <p className="mt-1">{p.narrative}</p>
                  <CatchUpPlan plan={p} t={t} locale={locale} />
                  {p.figures.length > 0 && (
                    <ul className="mt-1 flex flex-wrap gap-2 text-sm" aria-label={t.node.reportedFigures}>
                      {p.figures.map((f, i) => (
                        <li key={i} className="rounded bg-civic-50 px-2 py-0.5">
                          <span className="font-semibold tabular-nums">{formatNumber(locale, f.value)}</span>
                          {f.unit && ` ${f.unit}`} {f.label}
                        </li>
                      ))}
                    </ul>
                  )}
                  {p.evidence.length > 0 && (
                    <ul className="mt-1 space-y-0.5 text-sm" aria-label={t.node.evidence}>
                      {p.evidence.map((e) => (
                        <li key={e.url}>
                          <a
                            href={e.url}
                            rel="noopener noreferrer nofollow"
                            className="text-civic-700 underline"
                          >
                            {e.title ?? e.url}
                          </a>{" "}
                          <span className="text-xs text-slate-600">({e.site})</span>
                        </li>
                      ))}
                    </ul>
                  )}
                  <p className="text-xs text-slate-600">
                    {p.publishedAt ? `${t.node.published} ${formatDay(locale, p.publishedAt)} · ` : ""}
                    {t.node.updated} {formatDay(locale, p.updatedAt)}
                    {p.authorDepartments.length > 0 &&
                      ` · ${p.authorDepartments.map((d) => departmentName(locale, d)).join("、")}`}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}

      {/* Indicators (衡量指標), issue 13: one block, its own read (docs/decisions/014-indicators.md). */}
      {!isReport && <IndicatorBlock nodeId={node.id} t={t} locale={locale} />}

      {node.relatedFigures.length > 0 && (
        <section aria-labelledby="related-heading" className="mt-6">
          <h2 id="related-heading" className="text-lg font-semibold text-civic-900">
            {t.node.relatedFigures}
          </h2>
          <p className="mb-2 text-xs text-slate-600">{t.node.relatedFiguresHint}</p>
          <ul className="space-y-2 text-sm">
            {node.relatedFigures.map((f) => (
              <li key={f.id} className="rounded border border-slate-200 bg-white p-3">
                <FigureQuote figure={f} />
                <p className="mt-1 text-xs">
                  <Link href={`/documents/${f.report.id}`} className="text-civic-700 underline">
                    {f.report.title}
                  </Link>{" "}
                  <span className="text-slate-600">{formatDate(locale, f.report.presentedOn)}</span>
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}

      {node.figures.length > 0 && (
        <section aria-labelledby="figures-heading" className="mt-6">
          <h2 id="figures-heading" className="mb-2 text-lg font-semibold text-civic-900">
            {t.node.figures}
          </h2>
          <ul className="space-y-2 text-sm">
            {node.figures.map((f) => (
              <li key={f.id}>
                <FigureQuote figure={f} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

/** 衡量指標: the published actuals of the item's indicators against their targets, when it has any. */
async function IndicatorBlock({ nodeId, t, locale }: { nodeId: number; t: Messages; locale: Locale }) {
  const items = await readItemIndicators(nodeId);
  if (!items.some((item) => item.indicators.length > 0)) return null;
  return (
    <section aria-labelledby="indicators-heading" className="mt-6">
      <h2 id="indicators-heading" className="mb-2 text-lg font-semibold text-civic-900">
        {t.indicators.heading}
      </h2>
      <IndicatorTable items={items} t={t} locale={locale} />
    </section>
  );
}
