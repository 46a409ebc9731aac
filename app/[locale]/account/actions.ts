"use server";

import {
  confirmSecondFactorCommand,
  disableSecondFactorCommand,
  enrolSecondFactorCommand,
  regenerateRecoveryCodesCommand,
} from "@/lib/account/second-factor";
import { setRemindersCommand } from "@/lib/account/settings";
import { type FieldsFormState, fieldsFormState, localeOf, isForm, notAForm } from "@/lib/commands/forms";
import { runCommand } from "@/lib/commands/next";
import { messagesFor } from "@/lib/i18n/locale";

const PAGE = "/account/second-factor";
const texts = (form: FormData) => messagesFor(localeOf(form)).workspace.account.secondFactor;

/** A form whose success shows recovery codes, this once. */
export type RecoveryCodesState = FieldsFormState | { status: "codes"; message: string; codes: string[] };

export async function setRemindersAction(_state: FieldsFormState, form: FormData): Promise<FieldsFormState> {
  if (!isForm(form)) return notAForm();
  const input = { remindersOff: form.get("remindersOff") === "1" };
  const result = await runCommand(setRemindersCommand, input, { returnTo: "/account" });
  return fieldsFormState(result, form, {}, messagesFor(localeOf(form)).workspace.account.saved);
}

export async function enrolSecondFactorAction(
  _state: FieldsFormState,
  form: FormData,
): Promise<FieldsFormState> {
  if (!isForm(form)) return notAForm();
  const result = await runCommand(enrolSecondFactorCommand, {}, { returnTo: PAGE });
  return fieldsFormState(result, form, {}, texts(form).scan);
}

export async function confirmSecondFactorAction(
  _state: RecoveryCodesState,
  form: FormData,
): Promise<RecoveryCodesState> {
  if (!isForm(form)) return notAForm();
  const result = await runCommand(
    confirmSecondFactorCommand,
    { code: String(form.get("code") ?? "") },
    { returnTo: PAGE },
  );
  if (result.ok) return { status: "codes", message: texts(form).enabled, codes: result.value.recoveryCodes };
  return fieldsFormState(result, form, {}, "");
}

export async function regenerateRecoveryCodesAction(
  _state: RecoveryCodesState,
  form: FormData,
): Promise<RecoveryCodesState> {
  if (!isForm(form)) return notAForm();
  const result = await runCommand(regenerateRecoveryCodesCommand, {}, { returnTo: PAGE });
  if (result.ok)
    return { status: "codes", message: texts(form).regenerated, codes: result.value.recoveryCodes };
  return fieldsFormState(result, form, {}, "");
}

export async function disableSecondFactorAction(
  _state: FieldsFormState,
  form: FormData,
): Promise<FieldsFormState> {
  if (!isForm(form)) return notAForm();
  const result = await runCommand(
    disableSecondFactorCommand,
    { code: String(form.get("code") ?? "") },
    { returnTo: PAGE },
  );
  return fieldsFormState(result, form, {}, texts(form).disabled);
}
