"use server";

import { type FieldsFormState, fieldsFormState, isForm, localeOf, notAForm } from "@/lib/commands/forms";
import { runCommand } from "@/lib/commands/next";
import { messagesFor } from "@/lib/i18n/locale";
import { overrideLightCommand } from "@/lib/progress/lights";
import { parseRecordId } from "@/lib/validation/params";

/** 調整燈號: the supervisor sets an update's light with a reason, or lets the rule decide again. */
export async function overrideLightAction(_state: FieldsFormState, form: FormData): Promise<FieldsFormState> {
  if (!isForm(form)) return notAForm();
  const light = String(form.get("light") ?? "");
  const reason = String(form.get("reason") ?? "");
  const nodeId = parseRecordId(String(form.get("nodeId"))) ?? "";
  const result = await runCommand(
    overrideLightCommand,
    { entryId: form.get("entryId"), light, reason },
    { returnTo: `/staff/items/${nodeId}` },
  );
  return fieldsFormState(
    result,
    form,
    { light, reason },
    messagesFor(localeOf(form)).workspace.updates.override.done,
  );
}
