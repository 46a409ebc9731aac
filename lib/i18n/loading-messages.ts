import type { Locale } from "./locale";

/**
 * What a loading state says. Next gives loading.tsx no params, so these render in a client
 * component that reads the locale from the URL: kept apart from the full message objects so the
 * browser downloads these few words, not every message. Both languages, as everywhere.
 */
const LOADING_MESSAGES: Record<Locale, { compliance: string }> = {
  "zh-Hant": { compliance: "正在計算各機關的填報情形…" },
  en: { compliance: "Counting each department's reports…" },
};

export function loadingMessages(locale: string | string[] | undefined): { compliance: string } {
  return LOADING_MESSAGES[locale === "en" ? "en" : "zh-Hant"];
}
