import type { Light } from "@/lib/domain/lights";
import type { Messages } from "@/lib/i18n/messages";

// Text contrast ≥ 4.5:1 on each background; the word and a shape say it too, never colour alone.
export const LIGHT_STYLE: Record<Light, { badge: string; bar: string; mark: string }> = {
  green: { badge: "bg-emerald-100 text-emerald-900", bar: "#059669", mark: "●" },
  yellow: { badge: "bg-amber-100 text-amber-900", bar: "#f59e0b", mark: "▲" },
  red: { badge: "bg-rose-100 text-rose-900", bar: "#e11d48", mark: "■" },
  not_reported: { badge: "bg-slate-200 text-slate-800", bar: "#64748b", mark: "○" },
  unrated: { badge: "bg-slate-100 text-slate-700", bar: "#cbd5e1", mark: "–" },
  completed: { badge: "bg-sky-100 text-sky-900", bar: "#0284c7", mark: "✓" },
  closed: { badge: "bg-slate-100 text-slate-700", bar: "#94a3b8", mark: "×" },
};

/** A light as a word with its meaning: 綠燈（如期）. */
export function LightBadge({ light, t }: { light: Light; t: Messages }) {
  return (
    <span
      className={`inline-block rounded px-2 py-0.5 text-sm font-medium whitespace-nowrap ${LIGHT_STYLE[light].badge}`}
      data-light={light}
    >
      <span aria-hidden="true">{LIGHT_STYLE[light].mark} </span>
      {light === "green" || light === "yellow" || light === "red"
        ? t.lights.withMeaning(t.lights.names[light], t.lights.meaning[light])
        : t.lights.names[light]}
    </span>
  );
}
