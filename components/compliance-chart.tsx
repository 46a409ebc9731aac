import { shortPeriodLabel } from "@/lib/i18n/cycles";
import { formatShare } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";
import type { ComplianceCycleSummary } from "@/lib/tracking/compliance";

/** Colours with at least 3:1 against white and against each other's neighbour (WCAG 1.4.11). */
const ON_TIME = "#175a83"; // civic-700
const LATE = "#b45309"; // amber-700
const TRACK = "#e2e8f0"; // slate-200: returned and not reported

const WIDTH = 360;
const ROW = 32;
const LABEL = 112; // room for "115年上半年" at the label size
const BAR_END = 300;
const BAR = BAR_END - LABEL;

/**
 * The share of due reports sent on time and late, one stacked bar per period (oldest at the top),
 * drawn on the server as plain SVG: no script, prints, and a screen reader hears the figures from
 * its label. The viewBox is about a phone's width, so labels stay near 12.5 px at 360 px; the same figures
 * follow in a table, and the legend is HTML so it wraps.
 */
export function ComplianceChart({
  cycles,
  t,
  locale,
  labelledBy,
}: {
  cycles: ComplianceCycleSummary[];
  t: Messages;
  locale: Locale;
  /** The id of the heading the page puts above the chart. */
  labelledBy: string;
}) {
  const c = t.workspace.review.compliance;
  const label = c.chartLabel(
    cycles
      .map((cycle) =>
        cycle.counts.due === 0
          ? c.chartNothingDue(shortPeriodLabel(cycle.period, locale))
          : c.chartPart(
              shortPeriodLabel(cycle.period, locale),
              formatShare(locale, cycle.onTimeShare),
              formatShare(locale, cycle.lateShare),
              cycle.counts.due,
            ),
      )
      .join(locale === "en" ? "; " : "；"),
  );
  const height = cycles.length * ROW + 8;
  return (
    <figure aria-labelledby={labelledBy} className="rounded border border-slate-200 bg-white p-3">
      <ul className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-hidden="true">
        {[
          [ON_TIME, c.columns.onTime],
          [LATE, c.columns.late],
          [TRACK, c.chartRest],
        ].map(([colour, name]) => (
          <li key={name} className="flex items-center gap-1.5">
            <span className="inline-block h-3 w-5 rounded-sm" style={{ backgroundColor: colour }} />
            {name}
          </li>
        ))}
      </ul>
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="h-auto w-full max-w-md"
        data-testid="compliance-chart"
      >
        {cycles.map((cycle, i) => {
          const y = 4 + i * ROW;
          const onTime = (cycle.onTimeShare ?? 0) * BAR;
          const late = (cycle.lateShare ?? 0) * BAR;
          return (
            <g key={cycle.key}>
              <text x={0} y={y + ROW / 2} dominantBaseline="middle" fontSize={15} fill="#1e293b">
                {shortPeriodLabel(cycle.period, locale)}
              </text>
              <rect x={LABEL} y={y + 5} width={BAR} height={ROW - 10} fill={TRACK} rx={2} />
              {onTime > 0 && <rect x={LABEL} y={y + 5} width={onTime} height={ROW - 10} fill={ON_TIME} />}
              {late > 0 && <rect x={LABEL + onTime} y={y + 5} width={late} height={ROW - 10} fill={LATE} />}
              <text x={BAR_END + 6} y={y + ROW / 2} dominantBaseline="middle" fontSize={14} fill="#1e293b">
                {formatShare(locale, cycle.onTimeShare)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
