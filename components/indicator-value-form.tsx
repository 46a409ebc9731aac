"use client";

import { useActionState } from "react";
import { Notice } from "@/components/notice";
import type { FieldsFormState } from "@/lib/commands/forms";

export type IndicatorValueFormLabels = {
  heading: string;
  period: string;
  value: string;
  note: string;
  noteHint: string;
  submit: string;
  working: string;
};

type Props = {
  action: (state: FieldsFormState, form: FormData) => Promise<FieldsFormState>;
  /** indicatorId, nodeId, locale. */
  hidden: Record<string, string | number>;
  /** Periods that may be recorded: "periodEnd:latest revision" (what the command checks against) and a label. */
  periods: Array<{ value: string; label: string }>;
  labels: IndicatorValueFormLabels;
  formId: string;
};

const inputClass = "mt-1 w-full rounded border border-slate-400 bg-white p-2";

/**
 * Record an indicator's actual value for a period, or correct it (the note then says why). A plain
 * form (works without JavaScript): the period option carries the revision the recorder saw.
 */
export function IndicatorValueForm({ action, hidden, periods, labels: l, formId }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const errors = state.status === "error" ? state.errors : {};
  const typed = state.status === "error" ? state.values : {};
  const typedText = (name: string) => (typeof typed[name] === "string" ? typed[name] : "");
  const describe = (name: string, hint?: boolean) =>
    [hint ? `${formId}-${name}-hint` : "", errors[name] ? `${formId}-${name}-error` : ""]
      .filter(Boolean)
      .join(" ") || undefined;
  const error = (name: string) =>
    errors[name] && (
      <span id={`${formId}-${name}-error`} className="mt-1 block text-red-700">
        {errors[name]}
      </span>
    );
  return (
    <form action={formAction} className="space-y-3" aria-labelledby={`${formId}-heading`} noValidate>
      <h4 id={`${formId}-heading`} className="font-semibold text-civic-900">
        {l.heading}
      </h4>
      {Object.entries(hidden).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      {state.status === "ok" && <Notice tone="success">{state.message}</Notice>}
      {state.status === "error" && <Notice tone="error">{errors.form ?? state.message}</Notice>}
      <div className="grid gap-3 text-sm sm:grid-cols-3">
        <div>
          <label htmlFor={`${formId}-period`} className="block">
            {l.period}
          </label>
          <select
            id={`${formId}-period`}
            name="period"
            defaultValue={typedText("period") || periods.at(-1)?.value}
            className={inputClass}
            aria-invalid={errors.period ? true : undefined}
            aria-describedby={describe("period")}
          >
            {periods.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
          {error("period")}
        </div>
        <div>
          <label htmlFor={`${formId}-value`} className="block">
            {l.value}
          </label>
          <input
            id={`${formId}-value`}
            name="value"
            inputMode="decimal"
            defaultValue={typedText("value")}
            className={inputClass}
            aria-invalid={errors.value ? true : undefined}
            aria-describedby={describe("value")}
          />
          {error("value")}
        </div>
        <div>
          <label htmlFor={`${formId}-note`} className="block">
            {l.note}
          </label>
          <input
            id={`${formId}-note`}
            name="note"
            defaultValue={typedText("note")}
            className={inputClass}
            aria-invalid={errors.note ? true : undefined}
            aria-describedby={describe("note", true)}
          />
          <span id={`${formId}-note-hint`} className="mt-1 block text-slate-600">
            {l.noteHint}
          </span>
          {error("note")}
        </div>
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-civic-700 px-4 py-2 text-white hover:bg-civic-900 disabled:opacity-60"
      >
        {pending ? l.working : l.submit}
      </button>
    </form>
  );
}
