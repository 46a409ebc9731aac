"use server";

import { forbidden, notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/guard";
import { PermissionDeniedError } from "@/lib/auth/permissions";
import { requestMeta } from "@/lib/auth/request-meta";
import { expireAfterProgressWrite } from "@/lib/cache/revalidate";
import { db } from "@/lib/db/server";
import {
  createProgressEntry,
  NodeNotFoundError,
  ProgressEntryNotFoundError,
  ProgressConflictError,
  ProgressRuleError,
  updateProgressEntry,
  withdrawProgressEntry,
} from "@/lib/progress/entries";
import {
  fieldErrors,
  progressFormToInput,
  type ProgressFormState,
  readProgressForm,
} from "@/lib/progress/form";
import { progressFields, withdrawProgressInput } from "@/lib/progress/schemas";
import { recordId } from "@/lib/validation/params";

const idOf = (value: FormDataEntryValue | null) => {
  const parsed = recordId.safeParse(value);
  return parsed.success ? parsed.data : null;
};

/** Known refusals become form state or a 403/404; anything else is a bug and throws. */
function refusal(error: unknown, values: ReturnType<typeof readProgressForm>): ProgressFormState {
  if (error instanceof PermissionDeniedError) forbidden();
  if (error instanceof NodeNotFoundError || error instanceof ProgressEntryNotFoundError) notFound();
  if (error instanceof ProgressConflictError) return { status: "conflict", theirs: error.current, values };
  if (error instanceof ProgressRuleError) return { status: "invalid", errors: { year: error.code }, values };
  throw error;
}

/** Adds an entry (no entryId) or saves an edit as the next version (entryId + expectedVersion). */
export async function saveProgressAction(
  _previous: ProgressFormState,
  form: FormData,
): Promise<ProgressFormState> {
  const nodeId = idOf(form.get("nodeId"));
  if (nodeId === null) notFound();
  const user = await requireUser(`/staff/items/${nodeId}`);
  const values = readProgressForm(form);
  const parsed = progressFields.safeParse(progressFormToInput(values));
  if (!parsed.success) return { status: "invalid", errors: fieldErrors(parsed.error), values };
  const entryId = idOf(form.get("entryId"));
  const expectedVersion = idOf(form.get("expectedVersion"));
  const meta = await requestMeta();
  try {
    const result =
      entryId === null
        ? await createProgressEntry(db(), user, { nodeId, ...parsed.data }, meta)
        : await updateProgressEntry(
            db(),
            user,
            { entryId, expectedVersion: expectedVersion ?? 0, ...parsed.data },
            meta,
          );
    expireAfterProgressWrite(result.impact, "action");
    return { status: "saved", entryId: result.entry.id, version: result.entry.version };
  } catch (error) {
    return refusal(error, values);
  }
}

export async function withdrawProgressAction(
  _previous: ProgressFormState,
  form: FormData,
): Promise<ProgressFormState> {
  const nodeId = idOf(form.get("nodeId"));
  if (nodeId === null) notFound();
  const user = await requireUser(`/staff/items/${nodeId}`);
  const values = readProgressForm(form);
  const parsed = withdrawProgressInput.safeParse({
    entryId: idOf(form.get("entryId")),
    expectedVersion: idOf(form.get("expectedVersion")),
    reason: String(form.get("reason") ?? ""),
  });
  if (!parsed.success) return { status: "invalid", errors: fieldErrors(parsed.error), values };
  try {
    const result = await withdrawProgressEntry(db(), user, parsed.data, await requestMeta());
    expireAfterProgressWrite(result.impact, "action");
    return { status: "saved", entryId: result.entry.id, version: result.entry.version };
  } catch (error) {
    return refusal(error, values);
  }
}
