"use client";

import { useActionState } from "react";
import { Notice } from "@/components/notice";
import type { FieldsFormState } from "@/lib/commands/forms";

export type PlannedProgressFormLabels = {
  heading: string;
  percentHint: string;
  /** Present for a revision (any version after the first): the reason is then required. */
  reason?: string;
  submit: string;
  working: string;
};

type Props = {
  action: (state: FieldsFormState, form: FormData) => Promise<FieldsFormState>;
  /** trackedItemId, expectedVersion, nodeId, locale. */
  hidden: Record<string, string | number>;
  /** Each period of the set, in order: its last day (what the command keys on) and its label. */
  periods: Array<{ periodEnd: string; label: string; percent: string }>;
  labels: PlannedProgressFormLabels;
  formId: string;
};

const inputClass = "mt-1 w-full rounded border border-slate-400 bg-white p-2";

/**
 * Propose or revise a tracked item's planned progress: one cumulative % per period, labelled with
 * the period in the reader's calendar. A plain form posting to a server action (works without
 * JavaScript); the curve's refusal and each bad input are shown beside it, and what was typed stays.
 */
export function PlannedProgressForm({ action, hidden, periods, labels: l, formId }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const errors = state.status === "error" ? state.errors : {};
  const typed = state.status === "error" ? state.values : {};
  const typedPercents = Array.isArray(typed.percent) ? typed.percent : null;
  const curveError = errors.points ?? errors.form;
  const hintId = `${formId}-hint`;
  return (
    <form action={formAction} className="space-y-3" aria-labelledby={`${formId}-heading`} noValidate>
      <h4 id={`${formId}-heading`} className="font-semibold text-civic-900">
        {l.heading}
      </h4>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state.status === "ok" && <Notice tone="success">{state.message}</Notice>}
      {state.status === "error" && <Notice tone="error">{curveError ?? state.message}</Notice>}
      <p id={hintId} className="text-sm text-slate-600">
        {l.percentHint}
      </p>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {periods.map((p, i) => {
          const error = errors[`points.${i}.percent`];
          const errorId = `${formId}-p${i}-error`;
          return (
            <label key={p.periodEnd} className="block text-sm">
              {p.label}
              <input type="hidden" name="periodEnd" value={p.periodEnd} />
              <input
                name="percent"
                inputMode="numeric"
                defaultValue={typedPercents?.[i] ?? p.percent}
                className={inputClass}
                aria-describedby={error ? `${hintId} ${errorId}` : hintId}
                aria-invalid={error || errors.points ? true : undefined}
              />
              {error && (
                <span id={errorId} className="mt-1 block text-sm text-red-700">
                  {error}
                </span>
              )}
            </label>
          );
        })}
      </div>
      {l.reason && (
        <label className="block text-sm">
          {l.reason}
          <textarea
            name="reason"
            rows={2}
            aria-required="true"
            defaultValue={typeof typed.reason === "string" ? typed.reason : ""}
            className={inputClass}
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={errors.reason ? `${formId}-reason-error` : undefined}
          />
          {errors.reason && (
            <span id={`${formId}-reason-error`} className="mt-1 block text-sm text-red-700">
              {errors.reason}
            </span>
          )}
        </label>
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
