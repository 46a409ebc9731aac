import { scaleLinear } from "@visx/scale";
import { LinePath } from "@visx/shape";
import type { Messages } from "@/lib/i18n/messages";

export type ChartPeriod = { key: string; label: string; planned: number | null; actual: number | null };

// Drawing units of the plot area; the SVG stretches to its box, so text never lives inside it.
const W = 100;
const H = 100;

/**
 * Planned vs actual cumulative progress: two lines drawn by visx on the server, no JavaScript in
 * the browser. Labels, legend and axis are HTML around the SVG so they keep body size on a 360 px
 * phone (an SVG scaled to fit shrinks its text); the SVG carries a text summary, and the same
 * figures follow as a table for screen readers and for anyone who would rather read.
 */
export function PlannedActualChart({ periods, t }: { periods: ChartPeriod[]; t: Messages }) {
  const x = scaleLinear<number>({ domain: [0, Math.max(periods.length - 1, 1)], range: [4, W - 4] });
  const y = scaleLinear<number>({ domain: [0, 100], range: [H - 2, 2] });
  const points = periods.map((p, i) => ({ ...p, i }));
  const summary = periods
    .map((p) => `${p.label} ${t.lights.planned} ${p.planned ?? "—"}、${t.lights.actual} ${p.actual ?? "—"}`)
    .join("；");
  return (
    <figure className="rounded border border-slate-200 bg-white p-3">
      <figcaption className="font-semibold text-civic-900">{t.lights.chartTitle}</figcaption>
      <p className="mt-1 flex flex-wrap gap-x-4 text-sm" aria-hidden="true">
        <span>
          <span className="mr-1 inline-block h-0.5 w-6 border-t-2 border-dashed border-slate-500 align-middle" />
          {t.lights.planned}
        </span>
        <span>
          <span className="mr-1 inline-block h-1 w-6 bg-civic-700 align-middle" />
          {t.lights.actual}
        </span>
      </p>
      <div className="mt-2 flex gap-2">
        <div
          className="flex h-40 flex-col justify-between text-sm text-slate-600 tabular-nums"
          aria-hidden="true"
        >
          <span>100%</span>
          <span>50%</span>
          <span>0%</span>
        </div>
        <div className="relative h-40 flex-1 border-b border-l border-slate-300">
          <svg
            viewBox={`0 0 ${W} ${H}`}
            preserveAspectRatio="none"
            className="absolute inset-0 h-full w-full"
            role="img"
            aria-label={t.lights.chartSummary(summary)}
          >
            <line x1={0} x2={W} y1={y(50)} y2={y(50)} stroke="#e2e8f0" vectorEffect="non-scaling-stroke" />
            <LinePath
              data={points.filter((p) => p.planned !== null)}
              x={(p) => x(p.i)}
              y={(p) => y(p.planned ?? 0)}
              stroke="#64748b"
              strokeWidth={2}
              strokeDasharray="6 4"
              vectorEffect="non-scaling-stroke"
              data-series="planned"
            />
            <LinePath
              data={points.filter((p) => p.actual !== null)}
              x={(p) => x(p.i)}
              y={(p) => y(p.actual ?? 0)}
              stroke="#1e3a8a"
              strokeWidth={3}
              vectorEffect="non-scaling-stroke"
              data-series="actual"
            />
          </svg>
        </div>
      </div>
      <div className="mt-1 ml-12 flex justify-between text-sm text-slate-700" aria-hidden="true">
        {periods.map((p) => (
          <span key={p.key}>{p.label}</span>
        ))}
      </div>
      <table className="mt-3 w-full text-sm">
        <caption className="sr-only">{t.lights.chartTitle}</caption>
        <thead>
          <tr className="text-left text-slate-600">
            <th scope="col" className="font-medium">
              {t.lights.period}
            </th>
            <th scope="col" className="text-right font-medium">
              {t.lights.planned}
            </th>
            <th scope="col" className="text-right font-medium">
              {t.lights.actual}
            </th>
          </tr>
        </thead>
        <tbody>
          {periods.map((p) => (
            <tr key={p.key} className="border-t border-slate-100">
              <th scope="row" className="text-left font-normal">
                {p.label}
              </th>
              <td className="text-right tabular-nums">{p.planned === null ? "—" : `${p.planned}%`}</td>
              <td className="text-right tabular-nums">{p.actual === null ? "—" : `${p.actual}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
