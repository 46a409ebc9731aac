import { parseRecordId } from "@/lib/validation/params";
import type { ProgressSnapshot } from "./entries";

/**
 * The progress form's wire format: what a browser posts, with or without JavaScript. Kept here
 * so the page, the action and the tests agree on field names. The form (a client component)
 * imports this module: it must not import server code (see form-result.ts for that side).
 */
export type ProgressFormValues = {
  year: string;
  quarter: string;
  status: string;
  percent: string;
  narrative: string;
  figures: Array<{ value: string; unit: string; label: string }>;
  evidenceLinks: Array<{ url: string; title: string }>;
  /** When behind plan: 落後原因, 因應對策, 預計改善日期 ("YYYY-MM-DD", a date input's value). */
  delayCause: string;
  remedy: string;
  catchUpDate: string;
  /** Why the % is lower than the last published one. */
  percentDropReason: string;
};

export const FIGURE_ROWS = 3;
export const EVIDENCE_ROWS = 3;

export type ProgressFormState =
  | { status: "idle" }
  | { status: "saved"; entryId: number; version: number }
  | { status: "invalid"; errors: Record<string, string>; values: ProgressFormValues }
  | { status: "conflict"; theirs: ProgressSnapshot; values: ProgressFormValues };

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};
const all = (form: FormData, name: string) => form.getAll(name).map((v) => (typeof v === "string" ? v : ""));

export function readProgressForm(form: FormData): ProgressFormValues {
  const values = all(form, "figureValue");
  const units = all(form, "figureUnit");
  const labels = all(form, "figureLabel");
  const urls = all(form, "evidenceUrl");
  const titles = all(form, "evidenceTitle");
  return {
    year: text(form, "year"),
    quarter: text(form, "quarter"),
    status: text(form, "status"),
    percent: text(form, "percent"),
    narrative: text(form, "narrative"),
    figures: values.map((value, i) => ({ value, unit: units[i] ?? "", label: labels[i] ?? "" })),
    evidenceLinks: urls.map((url, i) => ({ url, title: titles[i] ?? "" })),
    delayCause: text(form, "delayCause"),
    remedy: text(form, "remedy"),
    catchUpDate: text(form, "catchUpDate"),
    percentDropReason: text(form, "percentDropReason"),
  };
}

const number = (s: string): number | null => {
  const trimmed = s.trim().replace(/,/gu, "");
  if (trimmed === "") return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : Number.NaN;
};

/** Form strings → the shape the zod schema checks; blank optional rows are dropped, not errors. */
export function progressFormToInput(values: ProgressFormValues): Record<string, unknown> {
  return {
    period: { year: number(values.year), quarter: values.quarter ? number(values.quarter) : null },
    status: values.status,
    percent: number(values.percent),
    narrative: values.narrative,
    figures: values.figures
      .filter((f) => f.value.trim() || f.unit.trim() || f.label.trim())
      .map((f) => ({ value: number(f.value), unit: f.unit, label: f.label })),
    evidenceLinks: values.evidenceLinks
      .filter((l) => l.url.trim() || l.title.trim())
      .map((l) => ({ url: l.url.trim(), title: l.title })),
    delayCause: values.delayCause,
    remedy: values.remedy,
    catchUpDate: values.catchUpDate,
    percentDropReason: values.percentDropReason,
  };
}

/** The progress form as a command's input: an edit when it names an entry, else a new entry. */
export function toProgressCommandInput(form: FormData): Record<string, unknown> & { entryId?: number } {
  const id = (name: string) => parseRecordId(text(form, name)) ?? undefined;
  const entryId = id("entryId");
  return {
    nodeId: id("nodeId"),
    submit: text(form, "intent") === "submit",
    ...(entryId === undefined ? {} : { entryId, expectedVersion: id("expectedVersion") }),
    ...progressFormToInput(readProgressForm(form)),
  };
}

export function valuesOf(entry: {
  periodYear: number;
  periodQuarter: number | null;
  status: string;
  percent: number | null;
  narrative: string;
  figures: unknown;
  evidenceLinks: unknown;
  delayCause?: string | null;
  remedy?: string | null;
  catchUpDate?: Date | null;
  percentDropReason?: string | null;
}): ProgressFormValues {
  const figures = Array.isArray(entry.figures) ? (entry.figures as Array<Record<string, unknown>>) : [];
  const links = Array.isArray(entry.evidenceLinks)
    ? (entry.evidenceLinks as Array<Record<string, unknown>>)
    : [];
  return {
    year: String(entry.periodYear),
    quarter: entry.periodQuarter ? String(entry.periodQuarter) : "",
    status: entry.status,
    percent: entry.percent === null ? "" : String(entry.percent),
    narrative: entry.narrative,
    figures: figures.map((f) => ({
      value: String(f.value ?? ""),
      unit: String(f.unit ?? ""),
      label: String(f.label ?? ""),
    })),
    evidenceLinks: links.map((l) => ({ url: String(l.url ?? ""), title: String(l.title ?? "") })),
    delayCause: entry.delayCause ?? "",
    remedy: entry.remedy ?? "",
    // A DATE column is UTC midnight of the calendar day: its ISO date is the day.
    catchUpDate: entry.catchUpDate ? entry.catchUpDate.toISOString().slice(0, 10) : "",
    percentDropReason: entry.percentDropReason ?? "",
  };
}
