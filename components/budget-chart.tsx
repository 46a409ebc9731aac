import type { BudgetBreakdown } from "@/lib/domain/budget";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";

/**
 * Horizontal bars, one per part of the total, drawn as SVG on the server: no chart library, no
 * JavaScript, prints cleanly. The figure's caption states the total it adds up to.
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
  const rowHeight = 28;
  const height = breakdown.parts.length * rowHeight + 8;
  return (
    <figure className="rounded border border-slate-200 bg-white p-3">
      <figcaption className="mb-2 font-semibold text-civic-900">
        {title}: {formatNumber(locale, breakdown.total)} {unit}
      </figcaption>
      <svg
        role="img"
        aria-label={`${title}: ${breakdown.parts.map((p) => `${p.name} ${formatNumber(locale, p.amountThousands)}`).join("、")}`}
        viewBox={`0 0 600 ${height}`}
        className="w-full"
        data-total={breakdown.total}
      >
        {breakdown.parts.map((p, i) => {
          const width = Math.max((p.amountThousands / max) * 360, 1);
          const y = i * rowHeight + 4;
          return (
            <g key={p.id} data-amount={p.amountThousands}>
              <text x="0" y={y + 17} fontSize="13" fill="#334155">
                {p.name.length > 12 ? `${p.name.slice(0, 12)}…` : p.name}
              </text>
              <rect x="170" y={y + 4} width={width} height="18" rx="3" fill="#1f6f9f" />
              <text x={176 + width} y={y + 17} fontSize="12" fill="#0f172a">
                {formatNumber(locale, p.amountThousands)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
