"use client";

import { useActionState } from "react";
import { Notice } from "@/components/notice";
import type { FieldsFormState } from "@/lib/commands/forms";

type Props = {
  action: (state: FieldsFormState, form: FormData) => Promise<FieldsFormState>;
  department: { slug: string; name: string; updatesNeedReview: boolean };
  locale: string;
  /** The button's words, naming the department (the same words for every row would be ambiguous to a screen reader). */
  button: string;
  working: string;
};

/**
 * Turns one department's 研考會 review on or off: a one-button form that works without
 * JavaScript; the answer (done, or why not, in the reader's language) appears beside it.
 */
export function DepartmentReviewToggle({ action, department, locale, button, working }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  return (
    <form action={formAction} className="flex flex-col items-start gap-2 text-sm">
      <input type="hidden" name="department" value={department.slug} />
      <input type="hidden" name="departmentName" value={department.name} />
      <input type="hidden" name="updatesNeedReview" value={String(!department.updatesNeedReview)} />
      <input type="hidden" name="locale" value={locale} />
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-civic-700 px-3 py-1.5 text-civic-900 hover:bg-civic-50 disabled:opacity-60"
      >
        {pending ? working : button}
      </button>
      {state.status === "ok" && <Notice tone="success">{state.message}</Notice>}
      {state.status === "error" && <Notice tone="error">{state.message}</Notice>}
    </form>
  );
}
