"use client";

import { useActionState } from "react";
import type { FieldsFormState } from "@/lib/commands/forms";

type Labels = {
  heading: string;
  light: string;
  asRule: string;
  reason: string;
  submit: string;
  working: string;
};

/**
 * 調整燈號: a supervisor's override of an update's light, only with a reason (published with it).
 * Works without JavaScript; errors appear beside their field in the reader's language.
 */
export function LightOverrideForm({
  action,
  entryId,
  nodeId,
  locale,
  current,
  options,
  labels,
}: {
  action: (state: FieldsFormState, form: FormData) => Promise<FieldsFormState>;
  entryId: number;
  nodeId: number;
  locale: string;
  /** The override in force ("none" when the rule decides). */
  current: string;
  options: Array<{ value: "green" | "yellow" | "red"; label: string }>;
  labels: Labels;
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const id = `override-${entryId}`;
  const errorOf = (name: string) => (state.status === "error" ? state.errors[name] : undefined);
  const value = (name: string, fallback: string) =>
    state.status === "error" ? String(state.values[name] ?? fallback) : fallback;
  const formError =
    state.status === "error"
      ? (state.errors.form ?? (Object.keys(state.errors).length === 0 ? state.message : undefined))
      : undefined;
  return (
    <details className="rounded border border-slate-200 p-2 text-sm">
      <summary className="cursor-pointer text-civic-800">{labels.heading}</summary>
      <form action={formAction} className="mt-2 space-y-2" noValidate>
        <input type="hidden" name="entryId" value={entryId} />
        <input type="hidden" name="nodeId" value={nodeId} />
        <input type="hidden" name="locale" value={locale} />
        <label className="block">
          {labels.light}
          <select
            name="light"
            defaultValue={value("light", current)}
            className="mt-1 block rounded border border-slate-400 bg-white p-1.5"
            aria-invalid={errorOf("light") ? true : undefined}
            aria-describedby={errorOf("light") ? `${id}-light-error` : undefined}
          >
            <option value="none">{labels.asRule}</option>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        {errorOf("light") && (
          <span id={`${id}-light-error`} role="alert" className="block text-red-700">
            {errorOf("light")}
          </span>
        )}
        <label className="block">
          {labels.reason}
          <textarea
            name="reason"
            rows={2}
            defaultValue={value("reason", "")}
            className="mt-1 block w-full rounded border border-slate-400 bg-white p-1.5"
            aria-invalid={errorOf("reason") ? true : undefined}
            aria-describedby={errorOf("reason") ? `${id}-reason-error` : undefined}
          />
        </label>
        {errorOf("reason") && (
          <span id={`${id}-reason-error`} role="alert" className="block text-red-700">
            {errorOf("reason")}
          </span>
        )}
        <button
          type="submit"
          disabled={pending}
          className="rounded border border-civic-700 px-3 py-1.5 text-civic-900 hover:bg-civic-50 disabled:opacity-60"
        >
          {pending ? labels.working : labels.submit}
        </button>
        {formError && (
          <span role="alert" className="block text-red-700">
            {formError}
          </span>
        )}
        {state.status === "ok" && (
          <span role="status" className="block text-emerald-800">
            {state.message}
          </span>
        )}
      </form>
    </details>
  );
}
