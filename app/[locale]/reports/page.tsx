import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { DocumentList } from "@/components/document-list";
import { getI18n } from "@/lib/i18n/server";
import { readDocuments } from "@/lib/cache/public-reads";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  return { title: (await getI18n(params)).t.reports.heading };
}

export default async function ReportsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { t, locale } = await getI18n(params);
  const reports = await readDocuments({ kinds: ["council-report"] });
  return (
    <>
      <Breadcrumbs
        label={t.breadcrumb}
        crumbs={[{ href: "/", label: t.nav.home }, { label: t.reports.heading }]}
      />
      <h1 className="text-2xl font-bold text-civic-900">{t.reports.heading}</h1>
      <p className="mt-1 mb-6 text-slate-700">{t.reports.intro}</p>
      <DocumentList
        documents={reports}
        t={t}
        locale={locale}
        label={t.reports.heading}
        empty={t.reports.empty}
      />
    </>
  );
}
