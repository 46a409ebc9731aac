"use client";

import { useActionState } from "react";
import { Notice } from "@/components/notice";
import type { FieldsFormState } from "@/lib/commands/forms";

export type { FieldsFormState } from "@/lib/commands/forms";

export type FieldSpec =
  | {
      kind: "text" | "email" | "password";
      name: string;
      label: string;
      defaultValue?: string;
      autoComplete?: string;
    }
  | { kind: "textarea"; name: string; label: string; rows?: number }
  | {
      kind: "select";
      name: string;
      label: string;
      defaultValue?: string;
      options: Array<{ value: string; label: string }>;
    }
  | { kind: "checkbox"; name: string; label: string; defaultChecked?: boolean }
  | {
      kind: "checkboxes";
      name: string;
      label: string;
      defaultValues?: string[];
      options: Array<{ value: string; label: string }>;
    };

type Props = {
  action: (state: FieldsFormState, form: FormData) => Promise<FieldsFormState>;
  fields: FieldSpec[];
  hidden?: Record<string, string>;
  submit: string;
  heading: string;
  id: string;
  /** What the form does and what it cannot change, read before its fields (and announced with the form). */
  description?: string[];
};

const inputClass = "mt-1 w-full rounded border border-slate-400 bg-white p-2";

/**
 * A small form for the admin screens, described by data: it posts to a server action (works
 * without JavaScript) and shows each field's error beside it, keeping what was typed (but never
 * a password).
 */
export function FieldsForm({ action, fields, hidden = {}, submit, heading, id, description = [] }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const values = state.status === "error" ? state.values : {};
  const errorOf = (name: string) => (state.status === "error" ? state.errors[name] : undefined);
  const describe = (name: string) =>
    errorOf(name) ? { "aria-invalid": true as const, "aria-describedby": `${id}-${name}-error` } : {};
  const errorText = (name: string) =>
    errorOf(name) ? (
      <span id={`${id}-${name}-error`} className="mt-1 block text-sm text-red-700">
        {errorOf(name)}
      </span>
    ) : null;
  const text = (name: string, fallback = "") => {
    const v = values[name];
    return typeof v === "string" ? v : fallback;
  };
  return (
    <form
      action={formAction}
      className="space-y-3"
      aria-labelledby={`${id}-heading`}
      aria-describedby={description.length > 0 ? `${id}-description` : undefined}
      noValidate
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold text-civic-900">
        {heading}
      </h2>
      {description.length > 0 && (
        <div id={`${id}-description`} className="space-y-1 text-sm text-slate-700">
          {description.map((text) => (
            <p key={text}>{text}</p>
          ))}
        </div>
      )}
      {state.status === "ok" && <Notice tone="success">{state.message}</Notice>}
      {state.status === "error" && <Notice tone="error">{state.message}</Notice>}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((field) => {
        switch (field.kind) {
          case "select":
            return (
              <label key={field.name} className="block text-sm">
                {field.label}
                <select
                  name={field.name}
                  defaultValue={text(field.name, field.defaultValue)}
                  className={inputClass}
                  {...describe(field.name)}
                >
                  {field.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
                {errorText(field.name)}
              </label>
            );
          case "textarea":
            return (
              <label key={field.name} className="block text-sm">
                {field.label}
                <textarea
                  name={field.name}
                  rows={field.rows ?? 3}
                  defaultValue={text(field.name)}
                  className={inputClass}
                  {...describe(field.name)}
                />
                {errorText(field.name)}
              </label>
            );
          case "checkbox":
            return (
              <label key={field.name} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name={field.name} value="1" defaultChecked={field.defaultChecked} />
                {field.label}
              </label>
            );
          case "checkboxes": {
            const typed = values[field.name];
            const checked = new Set(Array.isArray(typed) ? typed : (field.defaultValues ?? []));
            return (
              <fieldset key={field.name} className="rounded border border-slate-200 p-2">
                <legend className="px-1 text-sm">{field.label}</legend>
                <div className="grid max-h-48 grid-cols-2 gap-1 overflow-y-auto text-sm sm:grid-cols-3">
                  {field.options.map((o) => (
                    <label key={o.value} className="flex items-center gap-1">
                      <input
                        type="checkbox"
                        name={field.name}
                        value={o.value}
                        defaultChecked={checked.has(o.value)}
                      />
                      {o.label}
                    </label>
                  ))}
                </div>
                {errorText(field.name)}
              </fieldset>
            );
          }
          default:
            return (
              <label key={field.name} className="block text-sm">
                {field.label}
                <input
                  type={field.kind}
                  name={field.name}
                  autoComplete={field.autoComplete}
                  defaultValue={field.kind === "password" ? "" : text(field.name, field.defaultValue)}
                  className={inputClass}
                  {...describe(field.name)}
                />
                {errorText(field.name)}
              </label>
            );
        }
      })}
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-civic-700 px-4 py-2 text-white hover:bg-civic-900 disabled:opacity-60"
      >
        {submit}
      </button>
    </form>
  );
}
