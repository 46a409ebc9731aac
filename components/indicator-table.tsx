import { formatNumber } from "@/lib/i18n/format";
import { periodLabel } from "@/lib/i18n/cycles";
import type { Locale } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";
import type { PublicItemIndicators } from "@/lib/queries/indicators";

type Props = { items: PublicItemIndicators[]; t: Messages; locale: Locale };

const percent = (locale: Locale, n: number) => `${formatNumber(locale, Math.round(n))}%`;

/**
 * 衡量指標 on the public item page: per indicator a real table (caption, column and row headers) of
 * the published actuals against the year's target, with attainment, and the light from indicators
 * for the latest published period with why. Body-size text that wraps, so it reads on a 360 px phone.
 */
export function IndicatorTable({ items, t, locale }: Props) {
  const l = t.indicators;
  const shown = items.filter((item) => item.indicators.length > 0);
  if (shown.length === 0) return null;
  return (
    <div className="space-y-4">
      {shown.map((item) => (
        <div key={item.itemId} className="space-y-3">
          {item.light && (
            <p>
              {l.lightLine(periodLabel(item.light.period, locale), l.lights[item.light.light])}
              {item.light.attainment !== null && item.light.expected !== null && (
                <span className="block text-slate-700">
                  {l.lightWhy(percent(locale, item.light.attainment), percent(locale, item.light.expected))}
                </span>
              )}
            </p>
          )}
          {item.indicators.map((indicator) => (
            <div key={indicator.id} className="overflow-x-auto">
              <table className="w-full text-left">
                <caption className="text-left font-semibold text-civic-900">
                  {l.caption(indicator.name, indicator.unit)}
                  <span className="block font-normal text-slate-700">
                    {l.direction[indicator.direction]}
                    {indicator.baseline !== null &&
                      ` · ${l.baseline} ${formatNumber(locale, indicator.baseline)}`}
                    {indicator.method && ` · ${l.method}：${indicator.method}`}
                  </span>
                </caption>
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className="py-1 pr-2 font-medium">
                      {l.period}
                    </th>
                    <th scope="col" className="py-1 pr-2 text-right font-medium">
                      {l.target}
                    </th>
                    <th scope="col" className="py-1 pr-2 text-right font-medium">
                      {l.actual}
                    </th>
                    <th scope="col" className="py-1 text-right font-medium">
                      {l.attainment}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {indicator.actuals.length === 0 && (
                    <tr>
                      <td colSpan={4} className="py-1 text-slate-700">
                        {l.noActuals}
                      </td>
                    </tr>
                  )}
                  {indicator.actuals.map((a) => (
                    <tr key={a.period.to} className="border-b border-slate-100">
                      <th scope="row" className="py-1 pr-2 font-normal">
                        {periodLabel(a.period, locale)}
                      </th>
                      <td className="py-1 pr-2 text-right tabular-nums">
                        {a.target === null ? "—" : formatNumber(locale, a.target)}
                      </td>
                      <td className="py-1 pr-2 text-right tabular-nums">
                        {formatNumber(locale, a.value)}
                        {a.corrected && l.corrected}
                      </td>
                      <td className="py-1 text-right tabular-nums">
                        {a.attainment ? percent(locale, a.attainment.percent) : "—"}
                        {a.attainment?.met && <span className="block">{l.met}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
