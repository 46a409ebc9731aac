import { DOCUMENT_KIND_LABELS } from "@/lib/domain/document-kind";
import { formatYearRange } from "@/lib/domain/years";
import { zhHant as t } from "@/lib/i18n/messages";
import type { DocumentSummary } from "@/lib/queries/documents";

/** Documents as cards: readable at 360 px without sideways scrolling, and a grid on wider screens. */
export function DocumentList({ documents }: { documents: DocumentSummary[] }) {
  if (documents.length === 0) {
    return (
      <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-600">
        {t.home.empty}
      </p>
    );
  }
  return (
    <ul className="grid gap-3 sm:grid-cols-2" aria-label={t.home.documentsHeading}>
      {documents.map((doc) => (
        <li key={doc.id} className="rounded border border-slate-200 bg-white p-4 shadow-sm">
          <h2 className="font-semibold text-civic-900">{doc.title}</h2>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm text-slate-700">
            <dt className="text-slate-500">{t.home.kind}</dt>
            <dd>{DOCUMENT_KIND_LABELS[doc.kind].zh}</dd>
            <dt className="text-slate-500">{t.home.period}</dt>
            <dd>{formatYearRange(doc.yearFrom, doc.yearTo)}</dd>
            <dt className="text-slate-500">{t.home.department}</dt>
            <dd>{doc.department?.nameZh ?? t.home.cityWide}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
