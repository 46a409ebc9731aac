import type { ReactNode } from "react";
import { formatYear } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";

const selectClass = "mt-1 rounded border border-slate-300 bg-white p-1.5";

/**
 * The council pages' period choice: a plain GET form (a permalink per choice), with an optional
 * second year to compare with, and room for the page's own links (downloads) after the button.
 */
export function CouncilPeriodForm({
  years,
  year,
  locale,
  labels,
  compare,
  children,
}: {
  years: number[];
  year: number;
  locale: Locale;
  labels: { period: string; submit: string; compareWith?: string; noComparison?: string };
  compare?: { selected: number | undefined };
  children?: ReactNode;
}) {
  const option = (y: number) => (
    <option key={y} value={y}>
      {formatYear(locale, y)}
    </option>
  );
  return (
    <form method="get" className="my-4 flex flex-wrap items-end gap-3 print:hidden">
      <label className="flex flex-col text-sm">
        {labels.period}
        <select name="year" defaultValue={year} className={selectClass}>
          {years.map(option)}
        </select>
      </label>
      {compare && (
        <label className="flex flex-col text-sm">
          {labels.compareWith}
          <select name="compare" defaultValue={compare.selected ?? ""} className={selectClass}>
            <option value="">{labels.noComparison}</option>
            {years.filter((y) => y !== year).map(option)}
          </select>
        </label>
      )}
      <button type="submit" className="rounded bg-civic-700 px-4 py-1.5 text-white hover:bg-civic-900">
        {labels.submit}
      </button>
      {children}
    </form>
  );
}
