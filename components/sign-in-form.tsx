"use client";

import { useActionState } from "react";
import type { SignInState } from "@/app/[locale]/sign-in/actions";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import type { WorkspaceMessages } from "@/lib/i18n/workspace-messages";
import { Notice } from "@/components/notice";

type Props = {
  action: (state: SignInState, form: FormData) => Promise<SignInState>;
  next: string | null;
  locale: Locale;
  t: Pick<
    WorkspaceMessages["signIn"],
    "email" | "password" | "submit" | "submitting" | "invalid" | "tooManyAttempts"
  > & {
    locked: string;
    errors: Record<string, string>;
  };
};

const inputClass = "mt-1 w-full rounded border border-slate-400 bg-white p-2";

/** Works without JavaScript (a plain POST to the server action); with it, keeps what was typed. */
export function SignInForm({ action, next, locale, t }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const errors = state.status === "invalid" ? (state.errors ?? {}) : {};
  const message =
    state.status === "invalid" && !state.errors
      ? t.invalid
      : state.status === "locked"
        ? // Taipei time in the page's language, not the browser's own zone and format.
          t.locked.replace("{until}", state.lockedUntil ? formatDateTime(locale, state.lockedUntil) : "")
        : state.status === "too_many_attempts"
          ? t.tooManyAttempts
          : null;
  return (
    <form action={formAction} className="max-w-sm space-y-4" noValidate>
      {message && <Notice tone="error">{message}</Notice>}
      {next && <input type="hidden" name="next" value={next} />}
      <label className="block">
        {t.email}
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.status === "idle" ? "" : state.email}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? "email-error" : undefined}
          className={inputClass}
        />
        {errors.email && (
          <span id="email-error" className="mt-1 block text-sm text-red-700">
            {t.errors[errors.email] ?? errors.email}
          </span>
        )}
      </label>
      <label className="block">
        {t.password}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? "password-error" : undefined}
          className={inputClass}
        />
        {errors.password && (
          <span id="password-error" className="mt-1 block text-sm text-red-700">
            {t.errors[errors.password] ?? errors.password}
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
