"use client";

import { useActionState } from "react";
import { Notice } from "@/components/notice";
import type { FieldsFormState } from "@/lib/commands/forms";

export type ActionButtonFormProps = {
  action: (state: FieldsFormState, form: FormData) => Promise<FieldsFormState>;
  /** What the action needs to know (ids, expected versions, the locale, where the page is). */
  hidden: Record<string, string | number>;
  button: string;
  working: string;
  /** A required comment (returning an update), with its label. */
  comment?: string;
  tone?: "primary" | "secondary";
  /** Tells buttons of the same label apart, for labels and ids (e.g. the record's id). */
  idKey: string;
  /** Nothing to do (the record already stands so); the form stays, so its answer stays on screen. */
  disabled?: boolean;
};

/**
 * One action on one record (送出, 核可, 退回, 確認, 駁回 …) as a small form: it works without
 * JavaScript; the answer (done, or why not, in the reader's language) appears beside the button.
 */
export function ActionButtonForm({
  action,
  hidden,
  button,
  working,
  comment,
  tone,
  idKey,
  disabled,
}: ActionButtonFormProps) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const id = `action-${idKey}-${button}`;
  const commentError = state.status === "error" ? state.errors.comment : undefined;
  const formError =
    state.status === "error" ? (state.errors.form ?? (commentError ? undefined : state.message)) : undefined;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2 text-sm" noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {comment && (
        <label className="flex min-w-64 flex-1 flex-col">
          {comment}
          <textarea
            name="comment"
            rows={2}
            aria-required="true"
            defaultValue={state.status === "error" ? String(state.values.comment ?? "") : ""}
            className="mt-1 rounded border border-slate-400 bg-white p-1.5"
            aria-invalid={commentError ? true : undefined}
            aria-describedby={commentError ? `${id}-error` : undefined}
          />
        </label>
      )}
      <button
        type="submit"
        disabled={disabled || pending || state.status === "ok"}
        className={
          tone === "secondary"
            ? "rounded border border-amber-700 px-3 py-1.5 text-amber-900 hover:bg-amber-50 disabled:opacity-60"
            : "rounded bg-civic-700 px-3 py-1.5 text-white hover:bg-civic-900 disabled:opacity-60"
        }
      >
        {pending ? working : button}
      </button>
      {commentError && (
        <span id={`${id}-error`} role="alert" className="w-full text-red-700">
          {commentError}
        </span>
      )}
      {formError && (
        <span role="alert" className="w-full text-red-700">
          {formError}
        </span>
      )}
      {state.status === "ok" && (
        <div className="w-full">
          <Notice tone="success">{state.message}</Notice>
        </div>
      )}
    </form>
  );
}
