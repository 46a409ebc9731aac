"use server";

import { type FieldsFormState, fieldsFormState, localeOf, isForm, notAForm } from "@/lib/commands/forms";
import { runCommand } from "@/lib/commands/next";
import { messagesFor } from "@/lib/i18n/locale";
import { addNoteCommand, deleteNoteCommand } from "@/lib/notes/councillor-notes";

export async function addNoteAction(_state: FieldsFormState, form: FormData): Promise<FieldsFormState> {
  if (!isForm(form)) return notAForm();
  const values = { nodeId: String(form.get("nodeId") ?? ""), body: String(form.get("body") ?? "") };
  const result = await runCommand(addNoteCommand, values, { returnTo: "/council" });
  return fieldsFormState(result, form, values, messagesFor(localeOf(form)).workspace.council.noteSaved);
}

/** Deleting a note that is already gone, or not one's own, changes nothing and says nothing. */
export async function deleteNoteAction(form: FormData): Promise<void> {
  if (!isForm(form)) return;
  await runCommand(deleteNoteCommand, { noteId: form.get("noteId") }, { returnTo: "/council" });
}
