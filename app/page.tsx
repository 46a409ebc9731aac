import { DocumentList } from "@/components/document-list";
import { db } from "@/lib/db/server";
import { getI18n } from "@/lib/i18n/server";
import { listDocuments } from "@/lib/queries/documents";

export default async function HomePage() {
  const { t, locale } = await getI18n();
  const documents = await listDocuments(db());
  return (
    <section aria-labelledby="documents-heading" className="space-y-4">
      <div>
        <h1 id="documents-heading" className="text-2xl font-bold text-civic-900">
          {t.home.documentsHeading}
        </h1>
        <p className="mt-1 text-slate-700">{t.home.documentsIntro}</p>
      </div>
      <DocumentList
        documents={documents}
        t={t}
        locale={locale}
        label={t.home.documentsHeading}
        empty={t.home.empty}
      />
    </section>
  );
}
