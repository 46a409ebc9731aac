import { connection } from "next/server";
import { DocumentList } from "@/components/document-list";
import { db } from "@/lib/db/server";
import { zhHant as t } from "@/lib/i18n/messages";
import { listDocuments } from "@/lib/queries/documents";

export default async function HomePage() {
  // Rendered per request: the data changes on import, and the build must not need a database.
  await connection();
  const documents = await listDocuments(db());
  return (
    <section aria-labelledby="documents-heading" className="space-y-4">
      <div>
        <h1 id="documents-heading" className="text-2xl font-bold text-civic-900">
          {t.home.documentsHeading}
        </h1>
        <p className="mt-1 text-slate-700">{t.home.documentsIntro}</p>
      </div>
      <DocumentList documents={documents} />
    </section>
  );
}
