import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locale";
import { QUERY_PAGES, searchToSegments } from "./query-pages";

/** Next's own cache-busting parameter on client navigations; it must survive a rewrite. */
const ROUTER_PARAMS = ["_rsc"];

/**
 * Where proxy.ts sends a page request: `/plans` → `/{locale}/plans`, the locale taken from a
 * `/en/…` prefix, else the `lang` cookie, else Traditional Chinese. A listing's query string
 * becomes canonical path segments (see query-pages.ts). Returns null when the request already is
 * its own internal path. Routing only: access is decided by the pages and actions, never here.
 */
export function localisedPath(
  pathname: string,
  search: URLSearchParams,
  cookieLocale: string | undefined,
): { pathname: string; search: string } | null {
  const [, first = "", ...rest] = pathname.split("/");
  const prefixed = isLocale(first);
  const locale: Locale = prefixed ? first : isLocale(cookieLocale) ? cookieLocale : DEFAULT_LOCALE;
  const publicPath = prefixed ? `/${rest.join("/")}` : pathname;

  const canonical = QUERY_PAGES[publicPath.replace(/\/$/u, "") || "/"];
  if (canonical) {
    const params: Record<string, string> = {};
    for (const [key, value] of search) if (!(key in params)) params[key] = value;
    const segments = searchToSegments(canonical(params));
    const kept = new URLSearchParams();
    for (const key of ROUTER_PARAMS) {
      const value = search.get(key);
      if (value !== null) kept.set(key, value);
    }
    const target = [`/${locale}${publicPath.replace(/\/$/u, "")}`, ...segments].join("/");
    const keptSearch = kept.toString();
    return { pathname: target, search: keptSearch ? `?${keptSearch}` : "" };
  }

  if (prefixed) return null;
  const searchText = search.toString();
  return {
    pathname: `/${locale}${pathname === "/" ? "" : pathname}`,
    search: searchText ? `?${searchText}` : "",
  };
}
