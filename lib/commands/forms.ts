import type { Locale } from "@/lib/i18n/locale";
import { errorMessage } from "@/lib/i18n/error-messages";
import { isLocale, messagesFor } from "@/lib/i18n/locale";
import type { CommandResult } from "./command";

/** What a small form's action answers: field errors (message text) and what was typed, or a confirmation. */
export type FieldsFormState =
  | { status: "idle" }
  | { status: "ok"; message: string }
  | {
      status: "error";
      message: string;
      errors: Record<string, string>;
      values: Record<string, string | string[]>;
    };

/**
 * Whether an action was really sent a form. Next decodes an action's arguments from whatever the
 * request carries, so a hand-made one can pass a string or an object where the form belongs
 * (`form.get is not a function`, a 500). Every action taking a form checks this first and answers
 * its refusal, reading and writing nothing (tests/unit/no-db-in-app.test.ts keeps them all doing it).
 */
export const isForm = (value: unknown): value is FormData => value instanceof FormData;

/** A small form's answer to a request that sent no form: invalid input (no locale field to read). */
export const notAForm = (): FieldsFormState => ({
  status: "error",
  message: errorMessage("invalid_input", "zh-Hant"),
  errors: {},
  values: {},
});

/** The reader's language, as the form posts it (a hidden `locale` field). */
export const localeOf = (form: FormData): Locale => {
  const locale = form.get("locale");
  return isLocale(locale) ? locale : "zh-Hant";
};

/**
 * A command's result as a small form's state, in the reader's language: each field's message key
 * becomes its sentence, and the form keeps what was typed (never a password: callers pass only
 * what may be shown again).
 */
export function fieldsFormState<T>(
  result: CommandResult<T>,
  form: FormData,
  shown: Record<string, string | string[]>,
  done: string,
): FieldsFormState {
  if (result.ok) return { status: "ok", message: done };
  const locale = localeOf(form);
  const texts: Record<string, string> = messagesFor(locale).workspace.progressForm.errors;
  const errors = Object.fromEntries(
    Object.entries(result.error.fields).map(([field, key]) => [
      field,
      texts[key] ?? errorMessage("invalid_input", locale),
    ]),
  );
  return { status: "error", message: errorMessage(result.error.code, locale), errors, values: shown };
}

/** A sign-off step's form (submit, approve, return, publish): the update, at the version the actor saw. */
export const stepOfForm = (form: FormData) => ({
  entryId: form.get("entryId"),
  expectedVersion: form.get("expectedVersion"),
});

/** The confirmations of the sign-off steps, in the form's language. */
export const stepDoneOf = (form: FormData) => messagesFor(localeOf(form)).workspace.updates.done;
