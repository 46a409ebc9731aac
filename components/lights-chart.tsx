import Link from "next/link";
import { Bar } from "@visx/shape";
import { LIGHT_STYLE } from "@/components/light-badge";
import { LIGHTS, type Light, type LightShares } from "@/lib/domain/lights";
import { formatNumber, formatShare } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";

export type LightsRow = { key: string; label: string; href?: string; lights: LightShares };

/** The lights a legend and a bar show, in reading order (worst last so the eye ends on it). */
const ORDER: Light[] = ["completed", "green", "yellow", "red", "not_reported", "unrated", "closed"];

/** "綠燈 3、紅燈 1": the counts a bar is drawn from, as text. */
export function lightCountsText(lights: LightShares, t: Messages, locale: Locale): string {
  return ORDER.filter((l) => lights.counts[l] > 0)
    .map((l) => `${t.lights.names[l]} ${formatNumber(locale, lights.counts[l])}`)
    .join("、");
}

/** One stacked bar: each light's weighted share, drawn by visx; the text beside it says the same. */
export function LightsBar({ lights, label }: { lights: LightShares; label: string }) {
  // Each segment starts where the ones before it end.
  const segments = ORDER.map((light, i) => ({
    light,
    x: ORDER.slice(0, i).reduce((sum, l) => sum + lights.shares[l] * 100, 0),
    width: lights.shares[light] * 100,
  })).filter((s) => s.width > 0);
  return (
    <svg viewBox="0 0 100 10" preserveAspectRatio="none" className="h-4 w-full" role="img" aria-label={label}>
      <rect x={0} y={0} width={100} height={10} fill="#f1f5f9" />
      {segments.map((s) => (
        <Bar
          key={s.light}
          x={s.x}
          y={0}
          width={s.width}
          height={10}
          fill={LIGHT_STYLE[s.light].bar}
          data-light={s.light}
        />
      ))}
    </svg>
  );
}

/**
 * Lights by group (a department, a vision), sorted by the caller: a name, a bar and the counts per
 * row. Names and counts are HTML at body size; the bar is the picture of the counts beside it.
 */
export function LightsChart({
  rows,
  caption,
  t,
  locale,
}: {
  rows: LightsRow[];
  caption: string;
  t: Messages;
  locale: Locale;
}) {
  return (
    <figure className="rounded border border-slate-200 bg-white p-3">
      <figcaption className="font-semibold text-civic-900">{caption}</figcaption>
      <LightsLegend t={t} />
      <ul className="mt-2 space-y-2">
        {rows.map((row) => {
          const counts = lightCountsText(row.lights, t, locale);
          const onSchedule = row.lights.shares.green + row.lights.shares.completed;
          return (
            <li key={row.key} className="grid gap-1 sm:grid-cols-[12rem_1fr] sm:items-center sm:gap-3">
              <span className="font-medium">
                {row.href ? (
                  <Link href={row.href} className="text-civic-800 underline">
                    {row.label}
                  </Link>
                ) : (
                  row.label
                )}
              </span>
              <span>
                <LightsBar lights={row.lights} label={`${row.label}：${counts}`} />
                <span className="text-sm text-slate-700">
                  {t.lights.onScheduleShare(formatShare(locale, onSchedule))} · {counts}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}

export function LightsLegend({ t }: { t: Messages }) {
  return (
    <ul className="mt-1 flex flex-wrap gap-x-3 text-sm text-slate-700" aria-hidden="true">
      {LIGHTS.filter((l) => l !== "closed").map((light) => (
        <li key={light}>
          <span
            className="mr-1 inline-block h-3 w-3 align-middle"
            style={{ background: LIGHT_STYLE[light].bar }}
          />
          {t.lights.names[light]}
        </li>
      ))}
    </ul>
  );
}
