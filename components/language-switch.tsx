"use client";

import { usePathname, useSearchParams } from "next/navigation";
import type { Locale } from "@/lib/i18n/locale";

/** A plain link to /lang: works without JavaScript, and brings the reader back to this page. */
export function LanguageSwitch({ locale, label, title }: { locale: Locale; label: string; title: string }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const next = `${pathname}${search ? `?${search}` : ""}`;
  const to = locale === "en" ? "zh-Hant" : "en";
  return (
    <a
      href={`/lang?to=${to}&next=${encodeURIComponent(next)}`}
      lang={to === "en" ? "en" : "zh-Hant-TW"}
      title={title}
      className="rounded border border-civic-600 px-2 py-1 text-sm text-civic-700 hover:bg-civic-50"
    >
      {label}
    </a>
  );
}
