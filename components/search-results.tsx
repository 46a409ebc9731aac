import Link from "next/link";
import { StatusBadge } from "@/components/status";
import { departmentName, formatYearRange } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";
import type { HighlightSegment } from "@/lib/search/highlight";
import type { SearchHit } from "@/lib/search/query";
import type { SearchKind } from "@/lib/search/schemas";

/** Text with what the query matched in <mark>. */
export function Highlighted({ segments }: { segments: readonly HighlightSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.match ? (
          <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-inherit">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

/** A kind as readers know it: the node kinds' own names, and the three other things search finds. */
export function searchKindLabel(t: Messages, kind: SearchKind): string {
  switch (kind) {
    case "budget_line":
    case "report_figure":
    case "progress_entry":
      return t.search.kinds[kind];
    default:
      return t.nodeKinds[kind];
  }
}

const plain = (segments: readonly HighlightSegment[]) => segments.map((s) => s.text).join("");

/** A short item's title is its whole text: the snippet would only say it again. */
function repeatsTitle(hit: SearchHit): boolean {
  const snippet = plain(hit.snippet).trim();
  return snippet.length === 0 || plain(hit.title).includes(snippet);
}

/** One page of results, best first; each result links to its permalink. */
export function SearchHitList({
  hits,
  t,
  locale,
  start,
}: {
  hits: readonly SearchHit[];
  t: Messages;
  locale: Locale;
  /** The rank of the first hit (1 on the first page), so the list numbers continue across pages. */
  start: number;
}) {
  return (
    <ol
      start={start}
      aria-label={t.search.results}
      className="divide-y divide-slate-100 rounded border border-slate-200 bg-white"
    >
      {hits.map((hit) => (
        <li key={`${hit.type}:${hit.id}`} className="p-3">
          <h3 className="font-medium break-words">
            <Link href={hit.href} className="text-civic-900 underline-offset-2 hover:underline">
              <Highlighted segments={hit.title} />
            </Link>
          </h3>
          <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
            <span className="rounded bg-civic-50 px-1.5 py-0.5 font-medium text-civic-900">
              {searchKindLabel(t, hit.kind)}
            </span>
            {hit.status && <StatusBadge status={hit.status} t={t} />}
            {hit.retired && (
              <span className="rounded bg-slate-200 px-1.5 py-0.5 text-slate-800">{t.document.retired}</span>
            )}
            {hit.department && <span>{departmentName(locale, hit.department)}</span>}
            {hit.years && <span>{formatYearRange(locale, hit.years.from, hit.years.to)}</span>}
          </p>
          {!repeatsTitle(hit) && (
            <p className="mt-1 text-sm break-words text-slate-800">
              <Highlighted segments={hit.snippet} />
            </p>
          )}
          <p className="mt-1 text-xs text-slate-600">
            {t.search.from}{" "}
            <Link href={`/documents/${hit.document.id}`} className="text-civic-700">
              {hit.document.title}
            </Link>{" "}
            · {t.kinds[hit.document.kind]}
          </p>
        </li>
      ))}
    </ol>
  );
}
