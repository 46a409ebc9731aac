"use client";

import { useActionState } from "react";
import type { ProgressFormState } from "@/lib/progress/form";

type Props = {
  action: (state: ProgressFormState, form: FormData) => Promise<ProgressFormState>;
  nodeId: number;
  entry: { id: number; version: number };
  labels: { withdraw: string; reason: string; conflict: string; errors: Record<string, string> };
};

/** Withdrawing keeps the entry and its history; the public pages stop counting it. */
export function WithdrawProgressForm({ action, nodeId, entry, labels }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const reasonError = state.status === "invalid" ? state.errors.reason : undefined;
  const id = `withdraw-${entry.id}`;
  return (
    <form action={formAction} className="mt-3 flex flex-wrap items-end gap-2 text-sm">
      <input type="hidden" name="nodeId" value={nodeId} />
      <input type="hidden" name="entryId" value={entry.id} />
      <input type="hidden" name="expectedVersion" value={entry.version} />
      <label className="flex flex-col">
        {labels.reason}
        <input
          name="reason"
          className="mt-1 rounded border border-slate-400 bg-white p-1.5"
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? `${id}-error` : undefined}
        />
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-red-700 px-3 py-1.5 text-red-800 hover:bg-red-50 disabled:opacity-60"
      >
        {labels.withdraw}
      </button>
      {reasonError && (
        <span id={`${id}-error`} role="alert" className="w-full text-red-700">
          {labels.errors[reasonError] ?? reasonError}
        </span>
      )}
      {state.status === "conflict" && (
        <span role="alert" className="w-full text-amber-900">
          {labels.conflict}
        </span>
      )}
    </form>
  );
}
