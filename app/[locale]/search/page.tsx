import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/breadcrumbs";
import {
  ActiveFilters,
  SearchFacets,
  searchPageHref,
  searchQueryString,
  type SearchState,
} from "@/components/search-facets";
import { SearchForm } from "@/components/search-form";
import { SearchHitList } from "@/components/search-results";
import { search } from "@/lib/data/search";
import type { Locale } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";
import { getI18n } from "@/lib/i18n/server";
import { highlight } from "@/lib/search/highlight";
import type { SearchResults } from "@/lib/search/query";
import { Pagination } from "@/components/pagination";
import {
  parseSearchInput,
  SEARCH_ERROR_MESSAGES,
  type SearchInput,
  SearchQueryError,
} from "@/lib/search/schemas";

/** Every search is its own answer: rendered per request, never cached (the proxy leaves ?q= alone). */
export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

const EXAMPLES = ["捷運", "社會住宅", "長照", "1999"];

const firstOf = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(params);
  const q = firstOf((await searchParams).q)
    ?.normalize("NFKC")
    .replace(/\s+/gu, " ")
    .trim();
  if (!q) return { title: t.search.heading };
  const shown = Array.from(q).length > 40 ? `${Array.from(q).slice(0, 40).join("")}…` : q;
  // Result pages are endless variations: for people, not for search engines' indexes.
  return { title: t.search.titleFor(shown), robots: { index: false, follow: true } };
}

type Outcome =
  | { kind: "start" }
  | { kind: "invalid"; text: string; message: string }
  | { kind: "results"; input: SearchInput; results: SearchResults };

/** The URL read with the shared schema; text that cannot be searched is a message, never a 500. */
async function runSearch(params: SearchParams, locale: Locale): Promise<Outcome> {
  const text = firstOf(params.q);
  if (text === undefined) return { kind: "start" };
  // The page size is the page's own; the API takes `size`.
  const parsed = parseSearchInput({ ...params, size: undefined });
  if (!parsed.ok) return { kind: "invalid", text, message: SEARCH_ERROR_MESSAGES[locale][parsed.error.code] };
  try {
    return { kind: "results", input: parsed.input, results: await search(parsed.input) };
  } catch (error) {
    if (error instanceof SearchQueryError) {
      return { kind: "invalid", text, message: SEARCH_ERROR_MESSAGES[locale][error.code] };
    }
    throw error;
  }
}

/** The query's words as the reader typed them (the search compares them folded: 捷運 as 捷运). */
function asTyped(query: string, terms: readonly string[]): string[] {
  return terms.map((term) => highlight(query, [term]).find((s) => s.match)?.text ?? term);
}

function Examples({ t }: { t: Messages }) {
  return (
    <p className="mt-4 flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-700">{t.search.examples}</span>
      {EXAMPLES.map((q) => (
        <Link
          key={q}
          href={searchPageHref({ q })}
          className="rounded-full border border-civic-600 bg-white px-3 py-0.5 text-civic-900 hover:bg-civic-50"
        >
          {q}
        </Link>
      ))}
    </p>
  );
}

function Understood({ query, results, t }: { query: string; results: SearchResults; t: Messages }) {
  const { words, phrases } = results.understood;
  const term = (w: string) => (
    <span key={w} className="rounded bg-slate-100 px-1.5 py-0.5 font-medium text-slate-900">
      {w}
    </span>
  );
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-700">
      {words.length > 0 && (
        <>
          <span>{t.search.understood}</span>
          {asTyped(query, words).map(term)}
        </>
      )}
      {phrases.length > 0 && (
        <>
          <span>{t.search.understoodPhrases}</span>
          {asTyped(query, phrases).map((p) => term(`「${p}」`))}
        </>
      )}
    </p>
  );
}

export default async function SearchPage({ params, searchParams }: Props) {
  const { t, locale } = await getI18n(params);
  const outcome = await runSearch(await searchParams, locale);
  const state: SearchState | null =
    outcome.kind === "results"
      ? {
          q: outcome.input.q,
          kind: outcome.input.kind,
          department: outcome.input.department,
          year: outcome.input.year,
          status: outcome.input.status,
          page: outcome.results.page,
        }
      : null;

  return (
    <>
      <Breadcrumbs
        label={t.breadcrumb}
        crumbs={[{ href: "/", label: t.nav.home }, { label: t.search.heading }]}
      />
      <h1 className="text-2xl font-bold text-civic-900">{t.search.heading}</h1>
      <p className="mt-1 mb-4 text-slate-700">{t.search.intro}</p>

      <div className="rounded border border-slate-200 bg-white p-3 sm:p-4">
        <SearchForm
          t={t}
          id="search-q"
          label={t.search.label}
          large
          defaultValue={
            outcome.kind === "results"
              ? outcome.input.q
              : outcome.kind === "invalid"
                ? outcome.text
                : undefined
          }
          error={outcome.kind === "invalid" ? outcome.message : undefined}
        />
      </div>

      {outcome.kind !== "results" && <Examples t={t} />}

      {outcome.kind === "results" && state && (
        <Results state={state} results={outcome.results} t={t} locale={locale} />
      )}

      <section aria-labelledby="api-heading" className="mt-10 border-t border-slate-200 pt-4 text-sm">
        <h2 id="api-heading" className="font-semibold text-civic-900">
          <Link href="/developers" className="underline underline-offset-4">
            {t.search.api}
          </Link>
        </h2>
        <p className="text-slate-700">{t.search.apiHint}</p>
      </section>
    </>
  );
}

function Results({
  state,
  results,
  t,
  locale,
}: {
  state: SearchState;
  results: SearchResults;
  t: Messages;
  locale: Locale;
}) {
  const apiHref = `/api/v1/search?${searchQueryString(state)}`;
  return (
    <div className="mt-4 space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <p role="status">
          <strong className="text-base">{t.search.count(results.total)}</strong>
          {results.pageCount > 1 && <> · {t.items.page(results.page, results.pageCount)}</>}
        </p>
        <a href={apiHref} className="text-civic-700 underline" type="application/json">
          {t.search.json}
        </a>
      </div>
      <Understood query={state.q} results={results} t={t} />
      <ActiveFilters facets={results.facets} state={state} t={t} locale={locale} />

      <div className="grid gap-6 md:grid-cols-[minmax(0,1fr)_16rem]">
        <section aria-labelledby="results-heading" className="min-w-0">
          <h2 id="results-heading" className="sr-only">
            {t.search.results}
          </h2>
          {results.hits.length === 0 ? (
            <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-700">
              {t.search.noResults}
            </p>
          ) : (
            <SearchHitList
              hits={results.hits}
              t={t}
              locale={locale}
              start={(results.page - 1) * results.size + 1}
            />
          )}
          {results.pageCount > 1 && (
            <Pagination
              label={t.items.pagination}
              page={results.page}
              pageCount={results.pageCount}
              hrefFor={(page) => searchPageHref({ ...state, page })}
              text={{
                previous: t.items.previous,
                next: t.items.next,
                status: t.items.page(results.page, results.pageCount),
              }}
            />
          )}
        </section>
        <SearchFacets facets={results.facets} state={state} t={t} locale={locale} />
      </div>
    </div>
  );
}
