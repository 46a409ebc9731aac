import Link from "next/link";
import { Suspense } from "react";
import type { Locale } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";
import { LanguageSwitch } from "./language-switch";

export function SiteHeader({ t, locale }: { t: Messages; locale: Locale }) {
  const links = [
    { href: "/plans", label: t.nav.plans },
    { href: "/items", label: t.nav.items },
    { href: "/departments", label: t.nav.departments },
    { href: "/budgets", label: t.nav.budgets },
    { href: "/reports", label: t.nav.reports },
    { href: "/search", label: t.nav.search },
  ];
  return (
    <header className="border-b border-civic-100 bg-white print:hidden">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="text-xl font-bold text-civic-900 no-underline">
          {t.siteName}
        </Link>
        <div className="flex items-center gap-3">
          <Link href="/staff" className="text-sm text-civic-700 underline-offset-4 hover:underline">
            {t.workspace.signIn.heading}
          </Link>
          <Suspense>
            <LanguageSwitch locale={locale} label={t.switchLanguage} title={t.switchLanguageLabel} />
          </Suspense>
        </div>
        <nav aria-label={t.nav.label} className="w-full">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm sm:text-base">
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href} className="text-civic-700 underline-offset-4 hover:underline">
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
