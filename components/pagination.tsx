import Link from "next/link";

/** Previous / "page N of M" / next, as plain links (permalinks; no JavaScript needed). */
export function Pagination({
  label,
  page,
  pageCount,
  hrefFor,
  text,
}: {
  label: string;
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  text: { previous: string; next: string; status: string };
}) {
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between text-sm">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} className="text-civic-700 underline" rel="prev">
          ← {text.previous}
        </Link>
      ) : (
        <span />
      )}
      <span>{text.status}</span>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} className="text-civic-700 underline" rel="next">
          {text.next} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
