import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { DEFAULT_LOCALE, isLocale, type Locale, LOCALE_COOKIE, messagesFor } from "./locale";
import type { Messages } from "./messages";

/** The reader's interface language (a cookie set by /lang), once per render. */
export const getI18n = cache(async (): Promise<{ locale: Locale; t: Messages }> => {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(value) ? value : DEFAULT_LOCALE;
  return { locale, t: messagesFor(locale) };
});
