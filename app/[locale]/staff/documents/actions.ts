"use server";

import type { AppError } from "@/lib/errors";
import { isForm } from "@/lib/commands/forms";
import { runCommand } from "@/lib/commands/next";
import { confirmUploadCommand, stageUploadCommand } from "@/lib/import/commands";
import { ImportRejectedError } from "@/lib/import/import-document";
import type { UploadPreview } from "@/lib/import/upload";
import type { ImportRejection } from "@/lib/ingest";

export type UploadState =
  | { status: "idle" }
  | { status: "noFile" | "tooLarge" | "badFileName" | "notAllowed" | "expired" }
  | { status: "rejected"; fileName: string; rejection: ImportRejection }
  | { status: "preview"; preview: UploadPreview; checksum: string }
  | { status: "imported"; documentId: number; title: string; version: number };

function refused(error: AppError): UploadState {
  if (error instanceof ImportRejectedError)
    return { status: "rejected", fileName: error.fileName, rejection: error.rejection };
  switch (error.code) {
    case "too_large":
      return { status: "tooLarge" };
    case "upload_expired":
      return { status: "expired" };
    case "forbidden":
      return { status: "notAllowed" };
    case "invalid_input":
      return error.fields.fileName === "fileName" ? { status: "badFileName" } : { status: "noFile" };
    default:
      return { status: "noFile" };
  }
}

/**
 * "preview" reads the uploaded file once and stages it on the server under its checksum (nothing is
 * imported); "import" imports the staged parse the preview showed. The browser holds only the checksum.
 */
export async function uploadAction(_previous: UploadState, form: FormData): Promise<UploadState> {
  if (!isForm(form)) return { status: "noFile" };
  const options = { returnTo: "/staff/documents", forbiddenInForm: true };
  if (form.get("intent") === "import") {
    const result = await runCommand(confirmUploadCommand, { checksum: form.get("checksum") }, options);
    if (!result.ok) return refused(result.error);
    const { documentId, title, version } = result.value;
    return { status: "imported", documentId, title, version };
  }
  const file = form.get("file");
  const input = { fileName: file instanceof File ? file.name : "", file };
  const result = await runCommand(stageUploadCommand, input, options);
  if (!result.ok) return refused(result.error);
  const { checksum, ...preview } = result.value;
  return { status: "preview", preview, checksum };
}
