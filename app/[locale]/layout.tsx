import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { FeedLink } from "@/components/feed-link";
import { readDemoMode } from "@/lib/cache/public-reads";
import { SiteHeader } from "@/components/site-header";
import { htmlLang } from "@/lib/i18n/locale";
import { getI18n } from "@/lib/i18n/server";
import { renderOnFirstRequest } from "@/lib/routing/query-pages";
import "../globals.css";

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export const generateStaticParams = renderOnFirstRequest;

export async function generateMetadata({ params }: Omit<Props, "children">): Promise<Metadata> {
  const { t } = await getI18n(params);
  return { title: { default: t.siteName, template: `%s｜${t.siteName}` }, description: t.siteTagline };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children, params }: Props) {
  const { t, locale } = await getI18n(params);
  const demo = await readDemoMode();
  return (
    <html lang={htmlLang(locale)}>
      <body className="flex min-h-screen flex-col bg-slate-50 text-slate-900">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t.skipToContent}
        </a>
        <SiteHeader t={t} locale={locale} />
        {demo && (
          <p
            role="note"
            className="border-b border-amber-300 bg-amber-100 px-4 py-2 text-center text-amber-950"
          >
            <strong className="mr-1">{t.demoBanner.label}</strong>
            {t.demoBanner.text}
          </p>
        )}
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
          {children}
        </main>
        <footer className="border-t border-slate-200 bg-white print:hidden">
          <div className="mx-auto max-w-5xl space-y-1 px-4 py-4 text-sm text-slate-600">
            <p>{t.footer.source}</p>
            <p>{t.footer.unofficial}</p>
            <p className="flex flex-wrap gap-x-4">
              <Link href="/developers" className="text-civic-700 underline">
                {t.search.api}
              </Link>
              <FeedLink href="/feeds/progress" t={t} />
              <Link href="/methodology" className="text-civic-700 underline">
                {t.lights.methodology}
              </Link>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
