import type { z } from "zod";

/**
 * The closed set of expected failures of a write. Each code has one HTTP status (for routes) here
 * and one message per language in lib/i18n/error-messages.ts (typed against this table, so a new
 * code cannot ship without both). Anything that is not an AppError is a bug: it is thrown, logged
 * and answered as a generic failure, never shown to the user.
 */
export const APP_ERROR_STATUS = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  email_taken: 409,
  upload_expired: 410,
  too_large: 413,
  rule_broken: 422,
  self_lockout: 422,
  file_rejected: 422,
  document_rejected: 422,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;
export const APP_ERROR_CODES = Object.keys(APP_ERROR_STATUS) as AppErrorCode[];

/** field name as the form knows it → a message key (lib/i18n `progressForm.errors`). */
export type FieldErrors = Readonly<Record<string, string>>;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string = code,
    /** Per-field message keys, for forms. */
    readonly fields: FieldErrors = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}

export class InvalidInputError extends AppError {
  constructor(fields: FieldErrors) {
    super("invalid_input", `Invalid input: ${Object.keys(fields).join(", ")}`, fields);
    this.name = "InvalidInputError";
  }
}

/**
 * zod issues → { field: message key }: the one mapper every form and command uses. A nested period
 * reports under its part (`year`, `quarter`); figure and link rows keep their row number
 * (`figures.1.value`) so a form can mark the exact input; a list of plain values (`departments`) is
 * one field. zod's own English ("Invalid input …")
 * becomes "required": a missing or mistyped value is what the person has to fix.
 */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String);
    while (path.length > 1 && /^\d+$/u.test(path[path.length - 1] ?? "")) path.pop(); // a list of values is one field
    const field = path[0] === "period" ? (path[1] ?? "year") : path.length > 0 ? path.join(".") : "form";
    const key = /^Invalid|^Expected|^Unrecognized/u.test(issue.message) ? "required" : issue.message;
    errors[field] ??= key;
  }
  return errors;
}

export const invalidInput = (error: z.ZodError) => new InvalidInputError(fieldErrorsOf(error));
