import Link from "next/link";
import { searchKindLabel } from "@/components/search-results";
import { departmentName, formatYear } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";
import type { SearchFacets as Facets } from "@/lib/search/query";
import type { SearchKind, SearchStatus } from "@/lib/search/schemas";

/** What a search page shows: the text and the filters chosen, as in its URL. */
export type SearchState = {
  q: string;
  kind?: SearchKind;
  department?: string;
  year?: number;
  status?: SearchStatus;
  page?: number;
};

export type FacetKey = "kind" | "department" | "year" | "status";

/** "q=…&kind=…": the search's URL parameters (the API takes the same ones), page 1 left out. */
export function searchQueryString(state: SearchState): string {
  const params = new URLSearchParams({ q: state.q });
  if (state.kind) params.set("kind", state.kind);
  if (state.department) params.set("department", state.department);
  if (state.year) params.set("year", String(state.year));
  if (state.status) params.set("status", state.status);
  if (state.page && state.page > 1) params.set("page", String(state.page));
  return params.toString();
}

export const searchPageHref = (state: SearchState) => `/search?${searchQueryString(state)}`;

/** The same search with one filter set (or cleared), from its first page. */
function withFilter(state: SearchState, key: FacetKey, value: string | undefined): SearchState {
  const next: SearchState = { ...state, page: undefined };
  switch (key) {
    case "kind":
      next.kind = value as SearchKind | undefined;
      break;
    case "department":
      next.department = value;
      break;
    case "year":
      next.year = value === undefined ? undefined : Number(value);
      break;
    case "status":
      next.status = value as SearchStatus | undefined;
      break;
  }
  return next;
}

type Option = { value: string; label: string; count: number };
type Group = { key: FacetKey; title: string; selected: string | undefined; options: Option[] };

/** Long facets (departments, years) show their first few and fold the rest away. */
const VISIBLE = 8;

function groupsOf(facets: Facets, state: SearchState, t: Messages, locale: Locale): Group[] {
  const groups: Group[] = [
    {
      key: "kind",
      title: t.search.facetKind,
      selected: state.kind,
      options: facets.kinds.map((f) => ({
        value: f.value,
        label: searchKindLabel(t, f.value),
        count: f.count,
      })),
    },
    {
      key: "department",
      title: t.search.facetDepartment,
      selected: state.department,
      options: facets.departments.map((d) => ({
        value: d.value,
        label: departmentName(locale, d),
        count: d.count,
      })),
    },
    {
      key: "year",
      title: t.search.facetYear,
      selected: state.year === undefined ? undefined : String(state.year),
      options: facets.years.map((y) => ({
        value: String(y.value),
        label: formatYear(locale, y.value),
        count: y.count,
      })),
    },
    {
      key: "status",
      title: t.search.facetStatus,
      selected: state.status,
      options: facets.statuses.map((s) => ({ value: s.value, label: t.status[s.value], count: s.count })),
    },
  ];
  // A chosen value nothing matches is still listed (with 0), so it can be seen and cleared.
  for (const group of groups) {
    if (group.selected !== undefined && !group.options.some((o) => o.value === group.selected)) {
      group.options.push({
        value: group.selected,
        label: filterLabel(group.key, group.selected, t, locale),
        count: 0,
      });
    }
  }
  return groups;
}

/** How a chosen filter reads, for the list of active filters. */
export function filterLabel(key: FacetKey, value: string, t: Messages, locale: Locale): string {
  switch (key) {
    case "kind":
      return searchKindLabel(t, value as SearchKind);
    case "year":
      return formatYear(locale, Number(value));
    case "status":
      return t.status[value as SearchStatus];
    case "department":
      return value;
  }
}

function OptionLink({ option, selected, href }: { option: Option; selected: boolean; href: string }) {
  return (
    <Link
      href={href}
      aria-current={selected ? "true" : undefined}
      className={`flex items-baseline justify-between gap-2 rounded px-2 py-1 hover:bg-civic-50 ${
        selected ? "bg-civic-100 font-semibold text-civic-900" : "text-civic-700"
      }`}
    >
      <span className="min-w-0 break-words">
        {selected && <span aria-hidden="true">✓ </span>}
        {option.label}
      </span>{" "}
      <span className="shrink-0 text-xs text-slate-700 tabular-nums">{option.count}</span>
    </Link>
  );
}

/** The filters in force, each a link that removes it, and one that clears them all. */
export function ActiveFilters({
  facets,
  state,
  t,
  locale,
}: {
  facets: Facets;
  state: SearchState;
  t: Messages;
  locale: Locale;
}) {
  const active = groupsOf(facets, state, t, locale).flatMap((g) => {
    const option = g.options.find((o) => o.value === g.selected);
    return option ? [{ key: g.key, title: g.title, label: option.label }] : [];
  });
  if (active.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-700">{t.search.activeFilters}</span>
      <ul className="flex flex-wrap gap-2">
        {active.map((f) => (
          <li key={f.key}>
            <Link
              href={searchPageHref(withFilter(state, f.key, undefined))}
              aria-label={t.search.removeFilter(f.title, f.label)}
              className="inline-flex items-center gap-1 rounded-full border border-civic-600 bg-white px-2 py-0.5 text-civic-900 hover:bg-civic-50"
            >
              {f.label}
              <span aria-hidden="true">✕</span>
            </Link>
          </li>
        ))}
      </ul>
      {active.length > 1 && (
        <Link href={searchPageHref({ q: state.q })} className="text-civic-700 underline">
          {t.search.clearFilters}
        </Link>
      )}
    </div>
  );
}

/**
 * Facet counts as links: each keeps the text and the other filters, and the counts are those of the
 * other filters (lib/search/query.ts), so choosing one kind keeps the other kinds in view.
 */
export function SearchFacets({
  facets,
  state,
  t,
  locale,
}: {
  facets: Facets;
  state: SearchState;
  t: Messages;
  locale: Locale;
}) {
  const groups = groupsOf(facets, state, t, locale).filter((g) => g.options.length > 0);
  return (
    <section aria-labelledby="facets-heading" className="space-y-4">
      <h2 id="facets-heading" className="text-lg font-semibold text-civic-900">
        {t.search.facets}
      </h2>
      {groups.map((group) => {
        const shown = group.options.slice(0, VISIBLE);
        const folded = group.options.slice(VISIBLE);
        const link = (o: Option) => (
          <li key={o.value}>
            <OptionLink
              option={o}
              selected={o.value === group.selected}
              href={searchPageHref(withFilter(state, group.key, o.value))}
            />
          </li>
        );
        return (
          <section key={group.key} aria-labelledby={`facet-${group.key}`}>
            <h3 id={`facet-${group.key}`} className="mb-1 text-sm font-semibold text-slate-700">
              {group.title}
            </h3>
            <ul className="space-y-0.5 text-sm">
              <li>
                <Link
                  href={searchPageHref(withFilter(state, group.key, undefined))}
                  aria-current={group.selected === undefined ? "true" : undefined}
                  className={`block rounded px-2 py-1 hover:bg-civic-50 ${
                    group.selected === undefined
                      ? "bg-civic-100 font-semibold text-civic-900"
                      : "text-civic-700"
                  }`}
                >
                  {group.selected === undefined && <span aria-hidden="true">✓ </span>}
                  {t.search.any}
                </Link>
              </li>
              {shown.map(link)}
            </ul>
            {folded.length > 0 && (
              <details
                className="mt-1 text-sm"
                open={folded.some((o) => o.value === group.selected) || undefined}
              >
                <summary className="cursor-pointer px-2 py-1 text-civic-700">
                  {t.search.more(folded.length)}
                </summary>
                <ul className="space-y-0.5">{folded.map(link)}</ul>
              </details>
            )}
          </section>
        );
      })}
    </section>
  );
}
