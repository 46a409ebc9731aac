import type { Metadata } from "next";
import { ApiReference, InlineMarkdown } from "@/components/api-reference";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { getOpenApiDocument } from "@/lib/api/openapi";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "@/lib/api/params";
import { fillTemplate } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getI18n(params);
  return { title: t.developers.heading, description: t.developers.intro };
}

/**
 * The open-data API's reference, rendered from its OpenAPI document. Reads no request data and no
 * database, so it is rendered once per language and served from the cache.
 */
export default async function DevelopersPage({ params }: Props) {
  const { t, locale } = await getI18n(params);
  const d = t.developers;
  const doc = getOpenApiDocument();

  return (
    <>
      <Breadcrumbs label={t.breadcrumb} crumbs={[{ href: "/", label: t.nav.home }, { label: d.heading }]} />
      <h1 className="text-2xl font-bold text-civic-900">{d.heading}</h1>
      <p className="mt-1 text-slate-700">{d.intro}</p>

      <section aria-labelledby="basics-heading" className="mt-6">
        <h2 id="basics-heading" className="text-xl font-semibold text-civic-900">
          {d.basics}
        </h2>
        <ul className="mt-2 list-disc space-y-1.5 pl-5 text-slate-800">
          {d.points.map((point) => (
            <li key={point}>
              <InlineMarkdown
                text={fillTemplate(point, { defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE })}
              />
            </li>
          ))}
        </ul>
        <p className="mt-4 rounded border-l-4 border-civic-600 bg-white p-3">
          <a href="/api/openapi.json" className="font-medium text-civic-700" type="application/json">
            {d.spec}
          </a>
          <span className="mt-0.5 block text-sm text-slate-700">
            <code className="rounded bg-slate-100 px-1 text-slate-900">/api/openapi.json</code> · {d.specHint}
          </span>
        </p>
      </section>

      <div className="mt-8">
        <ApiReference doc={doc} t={t} locale={locale} />
      </div>
    </>
  );
}
