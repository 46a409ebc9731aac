"use server";

import { requireUser } from "@/lib/auth/guard";
import { requestMeta } from "@/lib/auth/request-meta";
import { expireAfterProgressWrite } from "@/lib/cache/revalidate";
import { db } from "@/lib/db/server";
import {
  applyBulkUpload,
  type BulkPreview,
  BulkFileError,
  BULK_LIMITS,
  decodeBulkFile,
  previewBulkUpload,
} from "@/lib/progress/bulk";

export type BulkState =
  | { status: "idle" }
  | { status: "fileError"; code: BulkFileError["code"] | "noFile"; detail: string }
  | { status: "preview"; csv: string; preview: BulkPreview }
  | { status: "applied"; created: number; updated: number; preview: BulkPreview };

/**
 * One action for both steps, told apart by `intent`: "preview" reads the uploaded file and writes
 * nothing; "apply" writes the previewed text (sent back in a hidden field) in one transaction.
 */
export async function bulkAction(_previous: BulkState, form: FormData): Promise<BulkState> {
  const user = await requireUser("/staff/bulk", { action: "staff.workspace" });
  try {
    if (form.get("intent") === "apply") {
      const csv = form.get("csv");
      if (typeof csv !== "string" || csv.length > BULK_LIMITS.bytes) throw new BulkFileError("tooLarge");
      const result = await applyBulkUpload(db(), user, csv, await requestMeta());
      expireAfterProgressWrite(result.impact, "action");
      return { status: "applied", created: result.created, updated: result.updated, preview: result.preview };
    }
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0)
      return { status: "fileError", code: "noFile", detail: "" };
    if (file.size > BULK_LIMITS.bytes) throw new BulkFileError("tooLarge");
    const csv = decodeBulkFile(new Uint8Array(await file.arrayBuffer()));
    return { status: "preview", csv, preview: await previewBulkUpload(db(), user, csv) };
  } catch (error) {
    if (error instanceof BulkFileError)
      return { status: "fileError", code: error.code, detail: error.detail };
    throw error;
  }
}
