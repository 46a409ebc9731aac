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
  return { title: (await getI18n(params)).t.plans.heading };
}

export default async function PlansPage({ params }: { params: Promise<{ locale: string }> }) {
  const { t, locale } = await getI18n(params);
  const kinds = ["mid-term-plan", "policy-outline", "department-plan"] as const;
  const documents = await readDocuments({ kinds: [...kinds] });
  return (
    <>
      <Breadcrumbs
        label={t.breadcrumb}
        crumbs={[{ href: "/", label: t.nav.home }, { label: t.plans.heading }]}
      />
      <h1 className="text-2xl font-bold text-civic-900">{t.plans.heading}</h1>
      <p className="mt-1 mb-6 text-slate-700">{t.plans.intro}</p>
      {documents.length === 0 && <p className="text-slate-600">{t.plans.empty}</p>}
      {kinds.map((kind) => {
        const ofKind = documents.filter((d) => d.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`h-${kind}`} className="mb-8">
            <h2 id={`h-${kind}`} className="mb-3 text-xl font-semibold text-civic-900">
              {t.kinds[kind]}
            </h2>
            <DocumentList
              documents={ofKind}
              t={t}
              locale={locale}
              label={t.kinds[kind]}
              empty={t.plans.empty}
            />
          </section>
        );
      })}
    </>
  );
}
