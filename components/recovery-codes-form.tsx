"use client";

import { useActionState } from "react";
import type { RecoveryCodesState } from "@/app/[locale]/account/actions";
import { Notice } from "@/components/notice";

type Props = {
  action: (state: RecoveryCodesState, form: FormData) => Promise<RecoveryCodesState>;
  id: string;
  submit: string;
  hidden: Record<string, string>;
  /** The code field's label, when the form asks for one (confirming an enrolment). */
  codeLabel?: string;
  recoveryHeading: string;
  recoveryIntro: string;
};

/**
 * A form whose success is a list of recovery codes, shown this once (only their hashes are kept).
 * Works without JavaScript: a plain POST to the server action.
 */
export function RecoveryCodesForm({
  action,
  id,
  submit,
  hidden,
  codeLabel,
  recoveryHeading,
  recoveryIntro,
}: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  if (state.status === "codes") {
    return (
      <div className="space-y-2" aria-labelledby={`${id}-codes-heading`} role="region">
        <Notice tone="success">{state.message}</Notice>
        <h3 id={`${id}-codes-heading`} className="font-semibold text-civic-900">
          {recoveryHeading}
        </h3>
        <p className="text-sm text-slate-700">{recoveryIntro}</p>
        <ol className="grid max-w-sm grid-cols-2 gap-1 rounded border border-slate-300 bg-slate-50 p-3 font-mono">
          {state.codes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ol>
      </div>
    );
  }
  const fieldError = state.status === "error" ? state.errors.code : undefined;
  return (
    <form action={formAction} className="space-y-3" noValidate>
      {state.status === "error" && <Notice tone="error">{state.message}</Notice>}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {codeLabel && (
        <label className="block text-sm">
          {codeLabel}
          <input
            name="code"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={40}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? `${id}-code-error` : undefined}
            className="mt-1 w-full max-w-xs rounded border border-slate-400 bg-white p-2 font-mono tracking-widest"
          />
          {fieldError && (
            <span id={`${id}-code-error`} className="mt-1 block text-sm text-red-700">
              {fieldError}
            </span>
          )}
        </label>
      )}
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
