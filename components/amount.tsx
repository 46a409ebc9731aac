import type { Locale } from "@/lib/i18n/locale";
import { formatNumber } from "@/lib/i18n/format";

/** An amount in NT$ thousands as published, with the full amount on hover and for screen readers. */
export function Amount({ thousands, locale }: { thousands: number; locale: Locale }) {
  const full = `NT$ ${formatNumber(locale, thousands * 1000)}`;
  return (
    <span title={full} className="tabular-nums">
      {formatNumber(locale, thousands)}
      <span className="sr-only"> ({full})</span>
    </span>
  );
}
