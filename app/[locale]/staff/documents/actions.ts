"use server";

import { requireUser } from "@/lib/auth/guard";
import { requestMeta } from "@/lib/auth/request-meta";
import { expireAfterImport } from "@/lib/cache/revalidate";
import { db } from "@/lib/db/server";
import { ImportRejectedError } from "@/lib/import/import-document";
import {
  confirmUpload,
  documentFromUpload,
  previewUpload,
  UPLOAD_LIMITS,
  type UploadPreview,
  UploadNotAllowedError,
} from "@/lib/import/upload";

export type UploadState =
  | { status: "idle" }
  | { status: "noFile" | "tooLarge" | "notAllowed" }
  | { status: "rejected"; reason: string }
  | { status: "preview"; preview: UploadPreview; payload: string }
  | { status: "imported"; documentId: number; title: string; version: number };

/**
 * "preview" parses the uploaded file and writes nothing; "import" re-reads the same bytes (sent
 * back base64-encoded, so nothing in between can alter them) and imports them in one transaction.
 */
export async function uploadAction(_previous: UploadState, form: FormData): Promise<UploadState> {
  const user = await requireUser("/staff/documents", { action: "staff.workspace" });
  let file: { fileName: string; bytes: Uint8Array };
  if (form.get("intent") === "import") {
    const payload = String(form.get("payload") ?? "");
    file = {
      fileName: String(form.get("fileName") ?? "upload.txt").slice(0, 200),
      bytes: Buffer.from(payload, "base64"),
    };
  } else {
    const upload = form.get("file");
    if (!(upload instanceof File) || upload.size === 0) return { status: "noFile" };
    if (upload.size > UPLOAD_LIMITS.bytes) return { status: "tooLarge" };
    try {
      file = await documentFromUpload(upload.name.slice(0, 200), new Uint8Array(await upload.arrayBuffer()));
    } catch (error) {
      if (error instanceof ImportRejectedError) return { status: "rejected", reason: error.message };
      throw error;
    }
  }
  if (file.bytes.byteLength > UPLOAD_LIMITS.bytes) return { status: "tooLarge" };
  try {
    if (form.get("intent") === "import") {
      const outcome = await confirmUpload(db(), user, file, await requestMeta());
      if (outcome.status !== "unchanged") expireAfterImport("action");
      return {
        status: "imported",
        documentId: outcome.documentId,
        title: outcome.title,
        version: outcome.version,
      };
    }
    const preview = await previewUpload(db(), user, file);
    return { status: "preview", preview, payload: Buffer.from(file.bytes).toString("base64") };
  } catch (error) {
    if (error instanceof UploadNotAllowedError) return { status: "notAllowed" };
    if (error instanceof ImportRejectedError) return { status: "rejected", reason: error.message };
    throw error;
  }
}
