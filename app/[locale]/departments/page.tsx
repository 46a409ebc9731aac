import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { departmentName } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { readDepartments } from "@/lib/cache/public-reads";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  return { title: (await getI18n(params)).t.departments.heading };
}

export default async function DepartmentsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { t, locale } = await getI18n(params);
  const departments = await readDepartments();
  return (
    <>
      <Breadcrumbs
        label={t.breadcrumb}
        crumbs={[{ href: "/", label: t.nav.home }, { label: t.departments.heading }]}
      />
      <h1 className="text-2xl font-bold text-civic-900">{t.departments.heading}</h1>
      <p className="mt-1 mb-6 text-slate-700">{t.departments.intro}</p>
      <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3" aria-label={t.departments.heading}>
        {departments.map((d) => (
          <li key={d.slug} className="rounded border border-slate-200 bg-white p-3">
            <Link href={`/departments/${d.slug}`} className="font-semibold text-civic-900 hover:underline">
              {departmentName(locale, d)}
            </Link>
            {locale === "en" && (
              <span className="ml-1 text-sm text-slate-600" lang="zh-Hant-TW">
                {d.nameZh}
              </span>
            )}
            {d.aliases.length > 0 && (
              <p className="text-sm text-slate-600">
                {t.departments.aliases}：<span lang="zh-Hant-TW">{d.aliases.join("、")}</span>
              </p>
            )}
            <p className="text-xs text-slate-600">
              {d.itemCount} {t.departments.items} · {d.documentCount} {t.departments.documents}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
