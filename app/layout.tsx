import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { zhHant as t } from "@/lib/i18n/messages";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: t.siteName, template: `%s｜${t.siteName}` },
  description: t.siteTagline,
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-Hant-TW">
      <body className="flex min-h-screen flex-col bg-slate-50 text-slate-900">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t.skipToContent}
        </a>
        <header className="border-b border-civic-100 bg-white">
          <div className="mx-auto flex max-w-5xl flex-wrap items-baseline justify-between gap-2 px-4 py-3">
            <Link href="/" className="text-xl font-bold text-civic-900 no-underline">
              {t.siteName}
            </Link>
            <p className="text-sm text-slate-600">{t.siteTagline}</p>
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
          {children}
        </main>
        <footer className="border-t border-slate-200 bg-white">
          <div className="mx-auto max-w-5xl space-y-1 px-4 py-4 text-sm text-slate-600">
            <p>{t.footer.source}</p>
            <p>{t.footer.unofficial}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
