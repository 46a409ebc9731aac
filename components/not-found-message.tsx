"use client";

import Link from "next/link";
import { useParams } from "next/navigation";

export type NotFoundText = {
  heading: string;
  body: string;
  back: string;
  plans: string;
  departments: string;
};

/**
 * Next gives not-found pages no params, so the language comes from the URL segment on the client;
 * the server passes both languages' few strings (not the whole message catalogue).
 */
export function NotFoundMessage({ text }: { text: Record<"zh-Hant" | "en", NotFoundText> }) {
  const { locale } = useParams<{ locale?: string }>();
  const t = locale === "en" ? text.en : text["zh-Hant"];
  return (
    <section className="space-y-3 py-10 text-center">
      <h1 className="text-2xl font-bold text-civic-900">{t.heading}</h1>
      <p className="text-slate-700">{t.body}</p>
      <p className="flex flex-wrap justify-center gap-3">
        <Link href="/" className="inline-block rounded bg-civic-700 px-4 py-2 text-white hover:bg-civic-900">
          {t.back}
        </Link>
        <Link href="/plans" className="inline-block rounded border border-civic-700 px-4 py-2 text-civic-700">
          {t.plans}
        </Link>
        <Link
          href="/departments"
          className="inline-block rounded border border-civic-700 px-4 py-2 text-civic-700"
        >
          {t.departments}
        </Link>
      </p>
    </section>
  );
}
