"use server";

import { revalidatePath } from "next/cache";
import type { FieldsFormState } from "@/components/fields-form";
import { requireUser } from "@/lib/auth/guard";
import { requestMeta } from "@/lib/auth/request-meta";
import { db } from "@/lib/db/server";
import { isLocale, messagesFor } from "@/lib/i18n/locale";
import { addNote, deleteNote, noteInput, NoteNotFoundError } from "@/lib/notes/councillor-notes";

export async function addNoteAction(_state: FieldsFormState, form: FormData): Promise<FieldsFormState> {
  const user = await requireUser("/council", { action: "council.read" });
  const locale = form.get("locale");
  const t = messagesFor(isLocale(locale) ? locale : "zh-Hant");
  const values = { nodeId: String(form.get("nodeId") ?? ""), body: String(form.get("body") ?? "") };
  const parsed = noteInput.safeParse({ nodeId: Number(values.nodeId), body: values.body });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    const texts = t.workspace.progressForm.errors as Record<string, string>;
    for (const issue of parsed.error.issues)
      errors[String(issue.path[0])] ??= texts[issue.message] ?? issue.message;
    return { status: "error", message: t.workspace.progressForm.fixErrors, errors, values };
  }
  await addNote(db(), user, parsed.data, await requestMeta());
  revalidatePath("/[locale]/council/departments/[slug]", "page");
  return { status: "ok", message: t.workspace.council.noteSaved };
}

export async function deleteNoteAction(form: FormData): Promise<void> {
  const user = await requireUser("/council", { action: "council.read" });
  try {
    await deleteNote(db(), user, Number(form.get("noteId")), await requestMeta());
  } catch (error) {
    if (!(error instanceof NoteNotFoundError)) throw error; // already gone, or not theirs: nothing to do
  }
  revalidatePath("/[locale]/council/departments/[slug]", "page");
}
