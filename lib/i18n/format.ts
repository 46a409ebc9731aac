import { calendarDay, taipeiDay, taipeiParts } from "@/lib/domain/time";
import { ROC_YEAR_OFFSET } from "@/lib/domain/years";
import type { Locale } from "./locale";

/** "民國 112 年（2023）" or "2023 (ROC 112)": both calendars, where a year matters. */
export function formatYear(locale: Locale, year: number): string {
  const roc = year - ROC_YEAR_OFFSET;
  return locale === "en" ? `${year} (ROC ${roc})` : `民國 ${roc} 年（${year}）`;
}

export function formatYearRange(locale: Locale, from: number | null, to: number | null): string {
  if (from === null) return "—";
  const end = to ?? from;
  if (end === from) return formatYear(locale, from);
  const [rf, rt] = [from - ROC_YEAR_OFFSET, end - ROC_YEAR_OFFSET];
  return locale === "en" ? `${from}–${end} (ROC ${rf}–${rt})` : `民國 ${rf}–${rt} 年（${from}–${end}）`;
}

/** An ISO date as "民國 106 年 10 月 18 日（2017-10-18）" or "18 Oct 2017". */
export function formatDate(locale: Locale, iso: string | null): string {
  if (!iso) return "—";
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  if (locale === "en") {
    return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("en-GB", {
      day: "numeric",
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    });
  }
  return `民國 ${y - ROC_YEAR_OFFSET} 年 ${m} 月 ${d} 日（${iso}）`;
}

/** A DATE column's day (a due date, a period's end): no time zone applies to it. */
export function formatCalendarDay(locale: Locale, date: Date): string {
  return formatDate(locale, calendarDay(date));
}

/** The Taipei calendar day of an instant (a save, a sign-in), shown as formatDate shows a date. */
export function formatDay(locale: Locale, instant: Date | string | null): string {
  if (instant === null) return "—";
  return formatDate(locale, taipeiDay(new Date(instant)));
}

const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const twoDigits = (n: number) => String(n).padStart(2, "0");

/** An instant in Taipei time: "民國 115 年 11 月 29 日 04:59" or "29 Nov 2026, 04:59". */
export function formatDateTime(locale: Locale, instant: Date | string | null): string {
  if (instant === null) return "—";
  const p = taipeiParts(new Date(instant));
  const time = `${twoDigits(p.hour)}:${twoDigits(p.minute)}`;
  return locale === "en"
    ? `${p.day} ${EN_MONTHS[p.month - 1]} ${p.year}, ${time}`
    : `民國 ${p.year - ROC_YEAR_OFFSET} 年 ${p.month} 月 ${p.day} 日 ${time}`;
}

export function formatNumber(locale: Locale, value: number): string {
  return value.toLocaleString(locale === "en" ? "en-US" : "zh-TW", { maximumFractionDigits: 2 });
}

/** A share (0–1) as a percentage to one decimal, "66.7%"; "—" when there is nothing to divide. */
export function formatShare(locale: Locale, share: number | null): string {
  if (share === null || !Number.isFinite(share)) return "—";
  return `${formatNumber(locale, Math.round(share * 1000) / 10)}%`;
}

/** Department names are ours (canonical), so the English interface can show the English one. */
export function departmentName(locale: Locale, dept: { nameZh: string; nameEn: string }): string {
  return locale === "en" ? dept.nameEn : dept.nameZh;
}

/** Fills "{name}" placeholders: message templates that must cross into client components. */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/gu, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
