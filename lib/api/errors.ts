import type { z } from "zod";

/** The closed set of error codes the API answers with, and their HTTP status. */
export const API_ERROR_STATUS = {
  invalid_parameter: 400,
  not_found: 404,
  internal_error: 500,
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

export type ParameterIssue = { parameter: string; message: string };

export type ApiErrorBody = {
  error: { code: ApiErrorCode; message: string; issues?: ParameterIssue[] };
};

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: ParameterIssue[],
  ) {
    super(message);
    this.name = "ApiError";
  }

  get status(): number {
    return API_ERROR_STATUS[this.code];
  }

  toBody(): ApiErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) },
    };
  }
}

export function invalidParameters(issues: ParameterIssue[]): ApiError {
  const names = [...new Set(issues.map((i) => i.parameter))].join(", ");
  return new ApiError("invalid_parameter", `Invalid parameter: ${names}.`, issues);
}

export function notFound(what: string): ApiError {
  return new ApiError("not_found", `${what} does not exist.`);
}

/** zod issues of a parameter object as one issue per parameter, each naming it. */
export function parameterIssues(issues: z.core.$ZodIssue[], allowed: readonly string[]): ParameterIssue[] {
  return issues.flatMap((issue): ParameterIssue[] => {
    if (issue.code === "unrecognized_keys") {
      const hint =
        allowed.length > 0 ? `; this endpoint takes ${allowed.join(", ")}` : "; this endpoint takes none";
      return issue.keys.map((key) => ({
        parameter: key,
        message: `${key} is not a known parameter${hint}.`,
      }));
    }
    const parameter = String(issue.path[0] ?? "");
    // Atom messages finish a sentence ("must be …"); others are sentences of their own.
    const message = /^\p{Ll}/u.test(issue.message)
      ? `${parameter} ${issue.message}.`
      : `${parameter}: ${issue.message}`;
    return [{ parameter, message }];
  });
}
