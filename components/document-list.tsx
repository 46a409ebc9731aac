import Link from "next/link";
import { departmentName, formatYearRange } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";
import type { DocumentSummary } from "@/lib/queries/documents";

/** Documents as cards: readable at 360 px without sideways scrolling, and a grid on wider screens. */
export function DocumentList({
  documents,
  t,
  locale,
  label,
  empty,
}: {
  documents: DocumentSummary[];
  t: Messages;
  locale: Locale;
  label: string;
  empty: string;
}) {
  if (documents.length === 0) {
    return (
      <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-600">{empty}</p>
    );
  }
  return (
    <ul className="grid gap-3 sm:grid-cols-2" aria-label={label}>
      {documents.map((doc) => (
        <li key={doc.id} className="rounded border border-slate-200 bg-white p-4 shadow-sm">
          <h3 className="font-semibold">
            <Link href={`/documents/${doc.id}`} className="text-civic-900 hover:underline">
              {doc.title}
            </Link>
          </h3>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm text-slate-700">
            <dt className="text-slate-600">{t.home.kind}</dt>
            <dd>{t.kinds[doc.kind]}</dd>
            <dt className="text-slate-600">{t.home.period}</dt>
            <dd>{formatYearRange(locale, doc.yearFrom, doc.yearTo)}</dd>
            <dt className="text-slate-600">{t.home.department}</dt>
            <dd>{doc.department ? departmentName(locale, doc.department) : t.home.cityWide}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
