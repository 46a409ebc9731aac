import type { BudgetBreakdown } from "@/lib/domain/budget";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";

/**
 * Horizontal bars, one per part of the total, as plain HTML: labels keep their size on a 360 px
 * phone (an SVG scaled to fit shrank them to ~7 px), screen readers read the rows, no JavaScript,
 * and it prints. The caption states the total the bars add up to.
 */
export function BudgetChart({
  breakdown,
  title,
  locale,
  unit,
}: {
  breakdown: BudgetBreakdown;
  title: string;
  locale: Locale;
  unit: string;
}) {
  const max = Math.max(...breakdown.parts.map((p) => p.amountThousands), 1);
  return (
    <figure className="rounded border border-slate-200 bg-white p-3" data-total={breakdown.total}>
      <figcaption className="mb-2 font-semibold text-civic-900">
        {title}: {formatNumber(locale, breakdown.total)} {unit}
      </figcaption>
      <ul className="space-y-1.5">
        {breakdown.parts.map((p) => (
          <li
            key={p.id}
            data-amount={p.amountThousands}
            className="grid grid-cols-[minmax(5rem,10rem)_1fr] items-center gap-2 text-sm"
          >
            <span className="truncate" title={p.name}>
              {p.name}
            </span>
            <span className="flex items-center gap-2">
              <span
                aria-hidden="true"
                className="inline-block h-4 rounded-sm bg-civic-600"
                style={{ width: `${Math.max((p.amountThousands / max) * 75, 0.5)}%` }}
              />
              <span className="tabular-nums whitespace-nowrap">
                {formatNumber(locale, p.amountThousands)}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
