import Link from "next/link";
import { LightBadge } from "@/components/light-badge";
import { LightsBar, lightCountsText } from "@/components/lights-chart";
import type { Locale } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";
import type { TrackedLights } from "@/lib/queries/lights";

/**
 * A roll-up of tracked items' lights (a department's, a strategy's, a vision's): the shares as a
 * bar with its counts in words, and the items, worst first, each linked to its page.
 */
export function TrackedLightsSection({
  tracking,
  heading,
  t,
  locale,
}: {
  tracking: TrackedLights;
  heading: string;
  t: Messages;
  locale: Locale;
}) {
  const counts = lightCountsText(tracking.lights, t, locale);
  return (
    <section aria-labelledby="tracking-heading" className="mt-6 rounded border border-slate-200 bg-white p-4">
      <h2 id="tracking-heading" className="font-semibold text-civic-900">
        {heading}
      </h2>
      <div className="mt-2">
        <LightsBar lights={tracking.lights} label={counts} />
        <p className="text-sm text-slate-700">
          {counts} ·{" "}
          <Link href="/methodology" className="text-civic-700 underline">
            {t.lights.methodology}
          </Link>
        </p>
      </div>
      <ul className="mt-3 space-y-2">
        {tracking.items.map((item) => (
          <li key={item.nodeId} className="flex flex-wrap items-start gap-2">
            <LightBadge light={item.light} t={t} />
            <Link href={`/nodes/${item.nodeId}`} className="flex-1 text-civic-800 underline">
              {item.numberLabel && <span className="mr-1">{item.numberLabel}</span>}
              {item.title.length > 80 ? `${item.title.slice(0, 80)}…` : item.title}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
