"use client";

import { useActionState } from "react";
import type { CodeState } from "@/app/[locale]/sign-in/actions";
import { Notice } from "@/components/notice";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";

type Props = {
  action: (state: CodeState, form: FormData) => Promise<CodeState>;
  next: string | null;
  locale: Locale;
  t: {
    code: string;
    submit: string;
    submitting: string;
    wrongCode: string;
    expired: string;
    tooManyAttempts: string;
    locked: string;
    errors: Record<string, string>;
  };
};

/** The sign-in's code step; works without JavaScript (a plain POST to the server action). */
export function SecondFactorSignInForm({ action, next, locale, t }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const fieldError = state.status === "invalid" ? state.errors?.code : undefined;
  const message =
    state.status === "wrong_code"
      ? t.wrongCode
      : state.status === "expired"
        ? t.expired
        : state.status === "too_many_attempts"
          ? t.tooManyAttempts
          : state.status === "locked"
            ? t.locked.replace("{until}", state.lockedUntil ? formatDateTime(locale, state.lockedUntil) : "")
            : null;
  return (
    <form action={formAction} className="max-w-sm space-y-4" noValidate>
      {message && <Notice tone="error">{message}</Notice>}
      {next && <input type="hidden" name="next" value={next} />}
      <label className="block">
        {t.code}
        <input
          name="code"
          type="text"
          inputMode="text"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          required
          maxLength={40}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? "code-error" : undefined}
          className="mt-1 w-full rounded border border-slate-400 bg-white p-2 font-mono tracking-widest"
        />
        {fieldError && (
          <span id="code-error" className="mt-1 block text-sm text-red-700">
            {t.errors[fieldError] ?? fieldError}
          </span>
        )}
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-civic-700 px-4 py-2 text-white hover:bg-civic-900 disabled:opacity-60"
      >
        {pending ? t.submitting : t.submit}
      </button>
    </form>
  );
}
