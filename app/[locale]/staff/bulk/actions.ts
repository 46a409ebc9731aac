"use server";

import { isForm } from "@/lib/commands/forms";
import { runCommand } from "@/lib/commands/next";
import type { AppError } from "@/lib/errors";
import { type BulkPreview, BulkFileError } from "@/lib/progress/bulk";
import { applyBulkUploadCommand, previewBulkUploadCommand } from "@/lib/progress/commands";

export type BulkState =
  | { status: "idle" }
  | { status: "fileError"; reason: BulkFileError["reason"] | "noFile"; detail: string }
  | { status: "preview"; csv: string; preview: BulkPreview }
  | { status: "applied"; created: number; updated: number; preview: BulkPreview };

/** A file that cannot be read says why; no file at all (or a tampered form) asks for one. */
const fileError = (error: AppError): BulkState =>
  error instanceof BulkFileError
    ? { status: "fileError", reason: error.reason, detail: error.detail }
    : { status: "fileError", reason: "noFile", detail: "" };

/**
 * One action for both steps, told apart by `intent`: "preview" reads the uploaded file and writes
 * nothing; "apply" writes the previewed text (sent back in a hidden field) in one transaction.
 */
export async function bulkAction(_previous: BulkState, form: FormData): Promise<BulkState> {
  if (!isForm(form)) return { status: "fileError", reason: "noFile", detail: "" };
  const options = { returnTo: "/staff/bulk" };
  if (form.get("intent") === "apply") {
    const result = await runCommand(applyBulkUploadCommand, { csv: form.get("csv") }, options);
    if (!result.ok) return fileError(result.error);
    const { created, updated, preview } = result.value;
    return { status: "applied", created, updated, preview };
  }
  const result = await runCommand(previewBulkUploadCommand, { file: form.get("file") }, options);
  return result.ok ? { status: "preview", ...result.value } : fileError(result.error);
}
