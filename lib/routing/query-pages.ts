import { type ItemsQuery, itemsQueryString, parseItemsQuery } from "@/lib/validation/items-query";
import { type BudgetsQuery, budgetsQueryString, parseBudgetsQuery } from "@/lib/validation/budgets-query";

type SearchParams = Record<string, string | string[] | undefined>;

type QueryPage<Q> = {
  parse: (params: SearchParams) => Q;
  /** "?a=1&b=2" with defaults left out, or "". */
  toSearch: (query: Q) => string;
};

/**
 * Listing pages whose filters live in the query string. proxy.ts turns `/items?year=2013` into the
 * internal path `/{locale}/items/year/2013`, in canonical form, so every distinct listing is one cached
 * page, and junk parameters cannot fill the cache with copies.
 */
export const itemsListing: QueryPage<ItemsQuery> = { parse: parseItemsQuery, toSearch: itemsQueryString };
export const budgetsListing: QueryPage<BudgetsQuery> = {
  parse: parseBudgetsQuery,
  toSearch: budgetsQueryString,
};

const canonicalSearch =
  <Q>(page: QueryPage<Q>) =>
  (params: SearchParams): string =>
    page.toSearch(page.parse(params));

/** Public path → its canonical query string, for proxy.ts. */
export const QUERY_PAGES: Readonly<Record<string, (params: SearchParams) => string>> = {
  "/items": canonicalSearch(itemsListing),
  "/budgets": canonicalSearch(budgetsListing),
};

/** "?year=2013&kind=strategy" → ["year", "2013", "kind", "strategy"]. */
export function searchToSegments(search: string): string[] {
  return [...new URLSearchParams(search).entries()].flat();
}

function segmentsToParams(segments: readonly string[]): Record<string, string> | null {
  if (segments.length % 2 !== 0) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i += 2) {
    const key = segments[i] as string;
    if (key in params) return null;
    params[key] = segments[i + 1] as string;
  }
  return params;
}

/**
 * The query a listing page was rewritten with, or null when the path is not the canonical form
 * proxy.ts produces (the page then answers 404 instead of caching a near-duplicate).
 */
export function readQuerySegments<Q>(page: QueryPage<Q>, segments: readonly string[] | undefined): Q | null {
  const params = segmentsToParams(segments ?? []);
  if (!params) return null;
  const query = page.parse(params);
  const canonical = searchToSegments(page.toSearch(query));
  const same = canonical.length === (segments ?? []).length && canonical.every((s, i) => s === segments?.[i]);
  return same ? query : null;
}

/**
 * `generateStaticParams` of every cached page: nothing at build time (the build has no database);
 * each page is rendered on its first request, then served from the cache until a write revalidates it.
 */
export function renderOnFirstRequest(): never[] {
  return [];
}
