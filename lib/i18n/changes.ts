import type { ProgressStatus } from "@/lib/generated/prisma/enums";
import type { DiffField, EvidenceLink, FieldChange, FieldValues, Figure } from "@/lib/progress/history";
import { formatDate, formatNumber, formatYear } from "./format";
import type { Locale } from "./locale";
import type { Messages } from "./messages";

/**
 * A changed value as a reader sees it: words, a list (figures) or links, never a code or JSON.
 * Plain data, so the same logic serves server pages and client components.
 */
export type Shown =
  | { kind: "text"; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "links"; links: Array<{ href: string | null; text: string }> };

/** The labels a change needs: plain strings, so they can be passed to a client component. */
export type ChangeLabels = {
  field: Record<DiffField, string>;
  status: Record<ProgressStatus, string>;
  wholeYear: string;
  quarters: readonly [string, string, string, string];
};

/** The labels from the interface messages (quarters called once: functions cannot reach the client). */
export function changeLabels(t: Messages): ChangeLabels {
  const f = t.workspace.progressForm;
  return {
    field: f.field,
    status: t.status,
    wholeYear: f.wholeYear,
    quarters: [f.quarterN(1), f.quarterN(2), f.quarterN(3), f.quarterN(4)],
  };
}

export type ShownChange = { field: DiffField; label: string; before: Shown | null; after: Shown };

const NONE = "—";
const text = (value: string): Shown => ({ kind: "text", text: value === "" ? NONE : value });

/** "5 場 城市互訪": value, unit, label. */
export function figureText(locale: Locale, figure: Figure): string {
  return [formatNumber(locale, figure.value), figure.unit, figure.label].filter((p) => p !== "").join(" ");
}

export function linksShown(links: readonly EvidenceLink[]): Shown {
  if (links.length === 0) return text("");
  return {
    kind: "links",
    // Only web addresses become links: an old row's "javascript:" stays inert text.
    links: links.map((l) => ({ href: /^https?:\/\//iu.test(l.url) ? l.url : null, text: l.title ?? l.url })),
  };
}

/** A period as its year and quarter ("民國 115 年（2026） 第 4 季"), or its days if it is neither. */
export function periodText(locale: Locale, labels: ChangeLabels, period: FieldValues["period"]): string {
  const [fy, fm, fd] = period.from.split("-").map(Number) as [number, number, number];
  const [ty, tm] = period.to.split("-").map(Number) as [number, number];
  if (fy === ty && fd === 1 && fm === 1 && tm === 12) return `${formatYear(locale, fy)} ${labels.wholeYear}`;
  const quarter = (fm - 1) / 3 + 1;
  if (fy === ty && fd === 1 && Number.isInteger(quarter) && tm === fm + 2) {
    return `${formatYear(locale, fy)} ${labels.quarters[quarter - 1] ?? ""}`.trim();
  }
  return `${formatDate(locale, period.from)} – ${formatDate(locale, period.to)}`;
}

function shownValue(locale: Locale, labels: ChangeLabels, change: FieldChange, which: "before" | "after") {
  switch (change.field) {
    case "period": {
      const v = change[which];
      return v === null ? null : text(periodText(locale, labels, v));
    }
    case "status": {
      const v = change[which];
      return v === null ? null : text(labels.status[v]);
    }
    case "percent": {
      const v = change[which];
      return text(v === null ? "" : `${v}%`);
    }
    case "narrative": {
      const v = change[which];
      return v === null ? null : text(v);
    }
    case "figures": {
      const v = change[which];
      if (v === null) return null;
      return v.length === 0
        ? text("")
        : { kind: "list" as const, items: v.map((f) => figureText(locale, f)) };
    }
    case "evidenceLinks": {
      const v = change[which];
      return v === null ? null : linksShown(v);
    }
    case "withdrawn": {
      const v = change[which];
      return text(v === null ? "" : v.reason);
    }
  }
}

/** One field's change with its label and both values in the reader's language. */
export function showChange(locale: Locale, labels: ChangeLabels, change: FieldChange): ShownChange {
  // A first version has no "before"; for later ones an empty value is shown as "—".
  return {
    field: change.field,
    label: labels.field[change.field],
    before: change.first ? null : shownValue(locale, labels, change, "before"),
    after: shownValue(locale, labels, change, "after") ?? text(""),
  };
}
