"use client";

import { useActionState } from "react";
import { Notice } from "@/components/notice";
import type { FieldsFormState } from "@/lib/commands/forms";

export type IndicatorFormLabels = {
  heading: string;
  name: string;
  unit: string;
  unitHint: string;
  direction: string;
  directions: { higher_better: string; lower_better: string };
  baseline: string;
  method: string;
  targets: string;
  targetHint: string;
  /** Present when changing an indicator: the reason is then required. */
  reason?: string;
  submit: string;
  working: string;
};

export type IndicatorFormValues = {
  name: string;
  unit: string;
  direction: string;
  baseline: string;
  method: string;
  /** By year, as typed ("" for no target). */
  targets: Record<string, string>;
};

type Props = {
  action: (state: FieldsFormState, form: FormData) => Promise<FieldsFormState>;
  /** trackedItemId or indicatorId + expectedVersion; nodeId, locale. */
  hidden: Record<string, string | number>;
  /** The years of the tracking span, each with its label in the reader's calendar. */
  years: Array<{ year: number; label: string }>;
  initial: IndicatorFormValues;
  labels: IndicatorFormLabels;
  formId: string;
};

const inputClass = "mt-1 w-full rounded border border-slate-400 bg-white p-2";

/** One labelled input with its error beside it (and its hint, when there is one). */
function Field({
  formId,
  name,
  label,
  hint,
  error,
  defaultValue,
  inputMode,
}: {
  formId: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue: string;
  inputMode?: "decimal";
}) {
  const id = `${formId}-${name.replace(".", "-")}`;
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className="text-sm">
      <label htmlFor={id} className="block">
        {label}
      </label>
      <input
        id={id}
        name={name}
        defaultValue={defaultValue}
        inputMode={inputMode}
        className={inputClass}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
      />
      {hint && (
        <span id={`${id}-hint`} className="mt-1 block text-slate-600">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="mt-1 block text-red-700">
          {error}
        </span>
      )}
    </div>
  );
}

/**
 * Define or change an indicator (衡量指標): name, unit, direction, baseline, how it is measured, and
 * a target for each year of the tracking span. A plain form posting to a server action (works
 * without JavaScript); each refusal is shown beside its field, and what was typed stays.
 */
export function IndicatorForm({ action, hidden, years, initial, labels: l, formId }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const errors = state.status === "error" ? state.errors : {};
  const typed = state.status === "error" ? state.values : {};
  const value = (name: string, fallback: string) => {
    const v = typed[name];
    return typeof v === "string" ? v : fallback;
  };
  const direction = value("direction", initial.direction);
  const formError = errors.form ?? errors.targets;
  return (
    <form action={formAction} className="space-y-3" aria-labelledby={`${formId}-heading`} noValidate>
      <h4 id={`${formId}-heading`} className="font-semibold text-civic-900">
        {l.heading}
      </h4>
      {Object.entries(hidden).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      {state.status === "ok" && <Notice tone="success">{state.message}</Notice>}
      {state.status === "error" && <Notice tone="error">{formError ?? state.message}</Notice>}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          formId={formId}
          name="name"
          label={l.name}
          error={errors.name}
          defaultValue={value("name", initial.name)}
        />
        <Field
          formId={formId}
          name="unit"
          label={l.unit}
          hint={l.unitHint}
          error={errors.unit}
          defaultValue={value("unit", initial.unit)}
        />
      </div>
      <fieldset
        className="text-sm"
        aria-describedby={errors.direction ? `${formId}-direction-error` : undefined}
      >
        <legend>{l.direction}</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {(["higher_better", "lower_better"] as const).map((d) => (
            <label key={d} className="flex items-center gap-2">
              <input type="radio" name="direction" value={d} defaultChecked={direction === d} />
              {l.directions[d]}
            </label>
          ))}
        </div>
        {errors.direction && (
          <span id={`${formId}-direction-error`} className="mt-1 block text-red-700">
            {errors.direction}
          </span>
        )}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          formId={formId}
          name="baseline"
          label={l.baseline}
          error={errors.baseline}
          defaultValue={value("baseline", initial.baseline)}
          inputMode="decimal"
        />
        <Field
          formId={formId}
          name="method"
          label={l.method}
          error={errors.method}
          defaultValue={value("method", initial.method)}
        />
      </div>
      <fieldset className="text-sm">
        <legend>{l.targets}</legend>
        <p className="text-slate-600">{l.targetHint}</p>
        <div className="mt-1 grid grid-cols-1 gap-3 sm:grid-cols-3">
          {years.map(({ year, label }) => (
            <div key={year}>
              <input type="hidden" name="targetYear" value={year} />
              <Field
                formId={formId}
                name={`target.${year}`}
                label={label}
                error={errors[`target.${year}`]}
                defaultValue={value(`target.${year}`, initial.targets[String(year)] ?? "")}
                inputMode="decimal"
              />
            </div>
          ))}
        </div>
      </fieldset>
      {l.reason && (
        <Field
          formId={formId}
          name="reason"
          label={l.reason}
          error={errors.reason}
          defaultValue={value("reason", "")}
        />
      )}
      <button
        type="submit"
        disabled={pending || state.status === "ok"}
        className="rounded bg-civic-700 px-4 py-2 text-white hover:bg-civic-900 disabled:opacity-60"
      >
        {pending ? l.working : l.submit}
      </button>
    </form>
  );
}
