import "server-only";
import { notFound } from "next/navigation";
import { isLocale, type Locale, messagesFor } from "./locale";
import type { Messages } from "./messages";

/**
 * The reader's interface language, from the internal `[locale]` segment that proxy.ts fills in from
 * the `lang` cookie. Pages never read the cookie themselves, so they can be served from the cache.
 */
export async function getI18n(params: Promise<{ locale: string }>): Promise<{ locale: Locale; t: Messages }> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return { locale, t: messagesFor(locale) };
}
