"use client";

import { useActionState } from "react";
import { Notice } from "@/components/notice";
import {
  EVIDENCE_ROWS,
  FIGURE_ROWS,
  type ProgressFormState,
  type ProgressFormValues,
} from "@/lib/progress/form";

export type ProgressFormLabels = {
  heading: string;
  year: string;
  quarter: string;
  wholeYear: string;
  quarters: [string, string, string, string];
  status: string;
  statuses: Array<{ value: string; label: string }>;
  percent: string;
  percentHint: string;
  narrative: string;
  figures: string;
  figureValue: string;
  figureUnit: string;
  figureLabel: string;
  evidence: string;
  evidenceUrl: string;
  evidenceTitle: string;
  /** 進度落後時的說明: shown where the item is tracked (its light can be yellow or red). */
  catchUp?: {
    legend: string;
    hint: string;
    delayCause: string;
    remedy: string;
    catchUpDate: string;
    percentDropReason: string;
    percentDropHint: string;
  };
  save: string;
  /** "儲存並送出核可": shown when the item is tracked, so the save also goes to the supervisor. */
  saveAndSubmit?: string;
  saving: string;
  saved: string;
  fixErrors: string;
  conflict: string;
  theirs: string;
  yours: string;
  errors: Record<string, string>;
};

type Props = {
  action: (state: ProgressFormState, form: FormData) => Promise<ProgressFormState>;
  nodeId: number;
  entry?: { id: number; version: number };
  initial: ProgressFormValues;
  years: number[];
  labels: ProgressFormLabels;
  formId: string;
};

const inputClass = "mt-1 w-full rounded border border-slate-400 bg-white p-2";

function rows<T>(list: T[], count: number, blank: T): T[] {
  return [...list, ...Array.from({ length: Math.max(0, count - list.length) }, () => blank)];
}

/**
 * Add or edit a progress entry. A plain form posting to a server action: it works without
 * JavaScript; with it, errors appear beside their fields and nothing typed is lost.
 */
export function ProgressForm({ action, nodeId, entry, initial, years, labels: l, formId }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const values = state.status === "invalid" || state.status === "conflict" ? state.values : initial;
  const errors = state.status === "invalid" ? state.errors : {};
  const err = (field: string) => {
    const key = errors[field];
    return key ? (l.errors[key] ?? key) : null;
  };
  const described = (field: string) =>
    errors[field] ? { "aria-invalid": true as const, "aria-describedby": `${formId}-${field}-error` } : {};
  const errorText = (field: string) => {
    const text = err(field);
    return text ? (
      <span id={`${formId}-${field}-error`} className="mt-1 block text-sm text-red-700">
        {text}
      </span>
    ) : null;
  };
  // A fresh key per saved version resets the inputs to what the server now holds.
  const key = state.status === "saved" ? `saved-${state.entryId}-${state.version}` : "form";

  return (
    <form
      key={key}
      action={formAction}
      className="space-y-4"
      aria-labelledby={`${formId}-heading`}
      noValidate
    >
      <h3 id={`${formId}-heading`} className="text-lg font-semibold text-civic-900">
        {l.heading}
      </h3>
      {state.status === "saved" && <Notice tone="success">{l.saved}</Notice>}
      {state.status === "invalid" && (
        <Notice tone="error">{errors.form ? (l.errors[errors.form] ?? l.fixErrors) : l.fixErrors}</Notice>
      )}
      {state.status === "conflict" && (
        <div role="alert" className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3">
          <p>{l.conflict}</p>
          <div className="grid gap-2 sm:grid-cols-2">
            <section aria-label={l.theirs} className="rounded border border-slate-300 bg-white p-2 text-sm">
              <h4 className="font-semibold">{l.theirs}</h4>
              <p>
                {state.theirs.status} · {state.theirs.percent ?? "—"}%
              </p>
              <p className="whitespace-pre-wrap">{state.theirs.narrative}</p>
            </section>
            <section aria-label={l.yours} className="rounded border border-slate-300 bg-white p-2 text-sm">
              <h4 className="font-semibold">{l.yours}</h4>
              <p>
                {state.values.status} · {state.values.percent || "—"}%
              </p>
              <p className="whitespace-pre-wrap">{state.values.narrative}</p>
            </section>
          </div>
        </div>
      )}
      <input type="hidden" name="nodeId" value={nodeId} />
      {entry && <input type="hidden" name="entryId" value={entry.id} />}
      {entry && (
        <input
          type="hidden"
          name="expectedVersion"
          value={state.status === "conflict" ? state.theirs.version : entry.version}
        />
      )}

      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <label className="block text-sm">
          {l.year}
          <select name="year" defaultValue={values.year} className={inputClass} {...described("year")}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
          {errorText("year")}
        </label>
        <label className="block text-sm">
          {l.quarter}
          <select
            name="quarter"
            defaultValue={values.quarter}
            className={inputClass}
            {...described("quarter")}
          >
            <option value="">{l.wholeYear}</option>
            {l.quarters.map((label, i) => (
              <option key={label} value={i + 1}>
                {label}
              </option>
            ))}
          </select>
          {errorText("quarter")}
        </label>
        <label className="block text-sm">
          {l.status}
          <select name="status" defaultValue={values.status} className={inputClass} {...described("status")}>
            {l.statuses.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
          {errorText("status")}
        </label>
        <label className="block text-sm">
          {l.percent}
          <input
            name="percent"
            inputMode="numeric"
            defaultValue={values.percent}
            className={inputClass}
            {...described("percent")}
          />
          <span className="mt-1 block text-xs text-slate-600">{l.percentHint}</span>
          {errorText("percent")}
        </label>
      </div>

      <label className="block text-sm">
        {l.narrative}
        <textarea
          name="narrative"
          rows={4}
          required
          defaultValue={values.narrative}
          className={inputClass}
          {...described("narrative")}
        />
        {errorText("narrative")}
      </label>

      <fieldset className="rounded border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold">{l.figures}</legend>
        {rows(values.figures, FIGURE_ROWS, { value: "", unit: "", label: "" }).map((f, i) => (
          <div key={i} className="grid grid-cols-3 gap-2">
            <label className="block text-xs">
              {l.figureValue} {i + 1}
              <input
                name="figureValue"
                inputMode="decimal"
                defaultValue={f.value}
                className={inputClass}
                {...described(`figures.${i}.value`)}
              />
              {errorText(`figures.${i}.value`)}
            </label>
            <label className="block text-xs">
              {l.figureUnit} {i + 1}
              <input name="figureUnit" defaultValue={f.unit} className={inputClass} />
            </label>
            <label className="block text-xs">
              {l.figureLabel} {i + 1}
              <input
                name="figureLabel"
                defaultValue={f.label}
                className={inputClass}
                {...described(`figures.${i}.label`)}
              />
              {errorText(`figures.${i}.label`)}
            </label>
          </div>
        ))}
      </fieldset>

      <fieldset className="rounded border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold">{l.evidence}</legend>
        {rows(values.evidenceLinks, EVIDENCE_ROWS, { url: "", title: "" }).map((link, i) => (
          <div key={i} className="grid grid-cols-1 gap-2 sm:grid-cols-2">
            <label className="block text-xs">
              {l.evidenceUrl} {i + 1}
              <input
                name="evidenceUrl"
                type="url"
                defaultValue={link.url}
                className={inputClass}
                {...described(`evidenceLinks.${i}.url`)}
              />
              {errorText(`evidenceLinks.${i}.url`)}
            </label>
            <label className="block text-xs">
              {l.evidenceTitle} {i + 1}
              <input name="evidenceTitle" defaultValue={link.title} className={inputClass} />
            </label>
          </div>
        ))}
      </fieldset>

      {l.catchUp && (
        <fieldset
          className="rounded border border-slate-200 p-3"
          aria-describedby={`${formId}-catch-up-hint`}
        >
          <legend className="px-1 text-sm font-semibold">{l.catchUp.legend}</legend>
          <p id={`${formId}-catch-up-hint`} className="text-sm text-slate-600">
            {l.catchUp.hint}
          </p>
          <label className="mt-2 block text-sm">
            {l.catchUp.delayCause}
            <textarea
              name="delayCause"
              rows={2}
              defaultValue={values.delayCause}
              className={inputClass}
              {...described("delayCause")}
            />
            {errorText("delayCause")}
          </label>
          <label className="mt-2 block text-sm">
            {l.catchUp.remedy}
            <textarea
              name="remedy"
              rows={2}
              defaultValue={values.remedy}
              className={inputClass}
              {...described("remedy")}
            />
            {errorText("remedy")}
          </label>
          <label className="mt-2 block text-sm">
            {l.catchUp.catchUpDate}
            <input
              name="catchUpDate"
              type="date"
              defaultValue={values.catchUpDate}
              className={inputClass}
              {...described("catchUpDate")}
            />
            {errorText("catchUpDate")}
          </label>
          <label className="mt-2 block text-sm">
            {l.catchUp.percentDropReason}
            <textarea
              name="percentDropReason"
              rows={2}
              defaultValue={values.percentDropReason}
              className={inputClass}
              aria-describedby={[
                `${formId}-drop-hint`,
                errors.percentDropReason && `${formId}-percentDropReason-error`,
              ]
                .filter(Boolean)
                .join(" ")}
              aria-invalid={errors.percentDropReason ? true : undefined}
            />
            <span id={`${formId}-drop-hint`} className="mt-1 block text-xs text-slate-600">
              {l.catchUp.percentDropHint}
            </span>
            {errorText("percentDropReason")}
          </label>
        </fieldset>
      )}

      <div className="flex flex-wrap gap-2">
        {l.saveAndSubmit && (
          <button
            type="submit"
            name="intent"
            value="submit"
            disabled={pending}
            className="rounded bg-civic-700 px-4 py-2 text-white hover:bg-civic-900 disabled:opacity-60"
          >
            {pending ? l.saving : l.saveAndSubmit}
          </button>
        )}
        <button
          type="submit"
          name="intent"
          value="draft"
          disabled={pending}
          className={
            l.saveAndSubmit
              ? "rounded border border-civic-700 px-4 py-2 text-civic-800 hover:bg-civic-50 disabled:opacity-60"
              : "rounded bg-civic-700 px-4 py-2 text-white hover:bg-civic-900 disabled:opacity-60"
          }
        >
          {pending ? l.saving : l.save}
        </button>
      </div>
    </form>
  );
}
