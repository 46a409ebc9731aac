"use server";

import { setRemindersCommand } from "@/lib/account/settings";
import { type FieldsFormState, fieldsFormState, localeOf, isForm, notAForm } from "@/lib/commands/forms";
import { runCommand } from "@/lib/commands/next";
import { messagesFor } from "@/lib/i18n/locale";

export async function setRemindersAction(_state: FieldsFormState, form: FormData): Promise<FieldsFormState> {
  if (!isForm(form)) return notAForm();
  const input = { remindersOff: form.get("remindersOff") === "1" };
  const result = await runCommand(setRemindersCommand, input, { returnTo: "/account" });
  return fieldsFormState(result, form, {}, messagesFor(localeOf(form)).workspace.account.saved);
}
