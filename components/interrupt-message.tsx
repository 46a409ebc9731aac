"use client";

import Link from "next/link";
import { useParams } from "next/navigation";

export type InterruptText = { heading: string; body: string; links: Array<{ href: string; label: string }> };

/**
 * The 404 and 403 pages. Next renders them without params, so the language comes from the URL
 * segment on the client; the server passes both languages' few strings, not the whole catalogue.
 */
export function InterruptMessage({ text }: { text: Record<"zh-Hant" | "en", InterruptText> }) {
  const { locale } = useParams<{ locale?: string }>();
  const t = locale === "en" ? text.en : text["zh-Hant"];
  return (
    <section className="space-y-3 py-10 text-center">
      <h1 className="text-2xl font-bold text-civic-900">{t.heading}</h1>
      <p className="text-slate-700">{t.body}</p>
      <p className="flex flex-wrap justify-center gap-3">
        {t.links.map((link, i) => (
          <Link
            key={link.href}
            href={link.href}
            className={
              i === 0
                ? "inline-block rounded bg-civic-700 px-4 py-2 text-white hover:bg-civic-900"
                : "inline-block rounded border border-civic-700 px-4 py-2 text-civic-700"
            }
          >
            {link.label}
          </Link>
        ))}
      </p>
    </section>
  );
}
