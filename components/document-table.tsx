import { DOCUMENT_KIND_LABELS } from "@/lib/domain/document-kind";
import { formatYearRange } from "@/lib/domain/years";
import { zhHant as t } from "@/lib/i18n/messages";
import type { DocumentSummary } from "@/lib/queries/documents";

export function DocumentTable({ documents }: { documents: DocumentSummary[] }) {
  if (documents.length === 0) {
    return (
      <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-600">
        {t.home.empty}
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="w-full text-left text-sm sm:text-base">
        <thead className="bg-civic-50 text-civic-900">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t.home.title}
            </th>
            <th scope="col" className="px-3 py-2">
              {t.home.kind}
            </th>
            <th scope="col" className="px-3 py-2">
              {t.home.period}
            </th>
            <th scope="col" className="px-3 py-2">
              {t.home.department}
            </th>
          </tr>
        </thead>
        <tbody>
          {documents.map((doc) => (
            <tr key={doc.id} className="border-t border-slate-100">
              <td className="px-3 py-2 font-medium">{doc.title}</td>
              <td className="px-3 py-2 whitespace-nowrap">{DOCUMENT_KIND_LABELS[doc.kind].zh}</td>
              <td className="px-3 py-2 whitespace-nowrap">{formatYearRange(doc.yearFrom, doc.yearTo)}</td>
              <td className="px-3 py-2">{doc.department?.nameZh ?? t.home.cityWide}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
