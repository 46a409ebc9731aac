import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { getI18n } from "@/lib/i18n/server";
import { readDocumentSource } from "@/lib/cache/public-reads";
import { lineRange, parseRecordId } from "@/lib/validation/params";

type Props = {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseRecordId((await params).id);
  const doc = id === null ? null : await readDocumentSource(id);
  const { t } = await getI18n(params);
  return doc ? { title: t.source.heading(doc.title) } : {};
}

/** The document's text with its original line numbers; ?from=&to= highlights the cited lines. */
export default async function SourcePage({ params, searchParams }: Props) {
  const id = parseRecordId((await params).id);
  const doc = id === null ? null : await readDocumentSource(id);
  if (!doc) notFound();
  const { t } = await getI18n(params);
  const range = lineRange.parse(await searchParams);
  const from = range.from ?? 0;
  const to = Math.max(range.to ?? from, from);
  return (
    <article>
      <Breadcrumbs
        label={t.breadcrumb}
        crumbs={[
          { href: "/", label: t.nav.home },
          { href: `/documents/${doc.id}`, label: doc.title },
          { label: t.document.source },
        ]}
      />
      <h1 className="text-2xl font-bold text-civic-900">{t.source.heading(doc.title)}</h1>
      <p className="mt-1 mb-4 text-sm text-slate-700">
        {t.source.intro}{" "}
        <Link href={`/documents/${doc.id}`} className="text-civic-700 hover:underline">
          {t.source.backToDocument}
        </Link>
      </p>
      <ol
        className="overflow-x-auto rounded border border-slate-200 bg-white py-2 font-mono text-sm"
        tabIndex={0}
        aria-label={t.document.source}
      >
        {doc.lines.map((text, i) => {
          const line = i + 1;
          const cited = line >= from && line <= to;
          return (
            <li
              key={line}
              id={`L${line}`}
              className={`flex scroll-mt-24 gap-3 px-2 ${cited ? "bg-amber-100" : ""}`}
              aria-current={cited && line === from ? "location" : undefined}
            >
              <a
                href={`#L${line}`}
                className="w-12 shrink-0 text-right text-slate-600 select-none hover:underline"
                aria-label={`${t.source.line} ${line}`}
              >
                {line}
              </a>
              <span className="break-all whitespace-pre-wrap">{text}</span>
            </li>
          );
        })}
      </ol>
    </article>
  );
}
