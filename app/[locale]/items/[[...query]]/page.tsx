import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { StatusBadge } from "@/components/status";
import { departmentName, formatYear } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { readItems } from "@/lib/cache/public-reads";
import { ITEM_STATUS_FILTERS } from "@/lib/queries/items";
import { itemsListing, readQuerySegments, renderOnFirstRequest } from "@/lib/routing/query-pages";
import { ITEM_KINDS, ITEM_SORTS, itemsQueryString } from "@/lib/validation/items-query";
import { Pagination } from "@/components/pagination";

export const generateStaticParams = renderOnFirstRequest;

type Props = { params: Promise<{ locale: string; query?: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getI18n(params)).t.items.heading };
}

const selectClass = "mt-1 rounded border border-slate-300 bg-white p-1.5";

/** Filters are a plain GET form and every state is a URL: permalinks, and no JavaScript needed. */
export default async function ItemsPage({ params }: Props) {
  const { t, locale } = await getI18n(params);
  const query = readQuerySegments(itemsListing, (await params).query);
  if (!query) notFound();
  const result = await readItems(query);
  const current = { ...query, page: result.page };
  const exportQuery = itemsQueryString(current);
  const join = exportQuery ? "&" : "?";

  return (
    <>
      <Breadcrumbs
        label={t.breadcrumb}
        crumbs={[{ href: "/", label: t.nav.home }, { label: t.items.heading }]}
      />
      <h1 className="text-2xl font-bold text-civic-900">{t.items.heading}</h1>
      <p className="mt-1 mb-4 text-slate-700">{t.items.intro}</p>

      <form
        method="get"
        aria-label={t.items.filters}
        className="mb-4 grid grid-cols-2 gap-3 rounded border border-slate-200 bg-white p-3 sm:flex sm:flex-wrap sm:items-end"
      >
        <label className="flex flex-col text-sm">
          {t.items.year}
          <select name="year" defaultValue={query.year ?? ""} className={selectClass}>
            <option value="">{t.items.any}</option>
            {result.options.years.map((y) => (
              <option key={y} value={y}>
                {formatYear(locale, y)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t.items.department}
          <select name="department" defaultValue={query.department ?? ""} className={selectClass}>
            <option value="">{t.items.any}</option>
            {result.options.departments.map((d) => (
              <option key={d.slug} value={d.slug}>
                {departmentName(locale, d)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t.items.kind}
          <select name="kind" defaultValue={query.kind ?? ""} className={selectClass}>
            <option value="">{t.items.any}</option>
            {ITEM_KINDS.map((k) => (
              <option key={k} value={k}>
                {t.nodeKinds[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t.items.status}
          <select name="status" defaultValue={query.status ?? ""} className={selectClass}>
            <option value="">{t.items.any}</option>
            {ITEM_STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {t.status[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t.items.sort}
          <select name="sort" defaultValue={query.sort} className={selectClass}>
            {ITEM_SORTS.map((s) => (
              <option key={s} value={s}>
                {t.items.sorts[s]}
              </option>
            ))}
          </select>
        </label>
        <div className="col-span-2 flex items-end gap-3">
          <button type="submit" className="rounded bg-civic-700 px-4 py-1.5 text-white hover:bg-civic-900">
            {t.items.apply}
          </button>
          <Link href="/items" className="text-sm text-civic-700 underline">
            {t.items.clear}
          </Link>
        </div>
      </form>

      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <p role="status">
          <strong>{t.items.count(result.total)}</strong> · {t.items.page(result.page, result.pageCount)}
        </p>
        <p className="flex flex-wrap gap-3">
          <span className="text-slate-600">{t.items.download}</span>
          <a
            href={`/items/export${exportQuery}${join}format=csv`}
            className="text-civic-700 underline"
            download
          >
            {t.items.downloadCsv}
          </a>
          <a
            href={`/items/export${exportQuery}${join}format=json`}
            className="text-civic-700 underline"
            download
          >
            {t.items.downloadJson}
          </a>
          <a
            href={`/items/export${exportQuery}${join}format=csv&all=1`}
            className="text-civic-700 underline"
            download
          >
            {t.items.downloadAllCsv}
          </a>
        </p>
      </div>

      {result.rows.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-600">
          {t.items.empty}
        </p>
      ) : (
        <ol
          className="divide-y divide-slate-100 rounded border border-slate-200 bg-white"
          aria-label={t.items.heading}
        >
          {result.rows.map((row) => (
            <li key={row.id} className="flex flex-col gap-1 p-3 sm:flex-row sm:items-start sm:gap-3">
              <StatusBadge status={row.status} t={t} />
              <div className="min-w-0 flex-1">
                <Link
                  href={`/nodes/${row.id}`}
                  className="font-medium text-slate-900 hover:text-civic-700 hover:underline"
                >
                  {row.numberLabel && <span className="mr-1">{row.numberLabel}</span>}
                  {row.title.length > 120 ? `${row.title.slice(0, 120)}…` : row.title}
                </Link>
                <p className="text-xs text-slate-600">
                  {t.nodeKinds[row.kind]}
                  {row.department && ` · ${departmentName(locale, row.department)}`}
                  {row.year && ` · ${formatYear(locale, row.year)}`}
                  {row.percent !== null && ` · ${row.percent}%`}
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}

      {result.pageCount > 1 && (
        <Pagination
          label={t.items.pagination}
          page={result.page}
          pageCount={result.pageCount}
          hrefFor={(page) => `/items${itemsQueryString({ ...current, page })}`}
          text={{
            previous: t.items.previous,
            next: t.items.next,
            status: t.items.page(result.page, result.pageCount),
          }}
        />
      )}
    </>
  );
}
