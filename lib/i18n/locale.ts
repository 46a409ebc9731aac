import { en, type Messages, zhHant } from "./messages";

export const LOCALES = ["zh-Hant", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-Hant";
export const LOCALE_COOKIE = "lang";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function messagesFor(locale: Locale): Messages {
  return locale === "en" ? en : zhHant;
}

/** The HTML lang attribute: zh-Hant-TW tells screen readers and fonts which Chinese this is. */
export function htmlLang(locale: Locale): string {
  return locale === "en" ? "en" : "zh-Hant-TW";
}
