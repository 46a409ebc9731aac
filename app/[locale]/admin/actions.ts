"use server";

import {
  createUserCommand,
  resetPasswordCommand,
  resetSecondFactorCommand,
  updateUserCommand,
} from "@/lib/admin/commands";
import { type FieldsFormState, fieldsFormState, isForm, localeOf, notAForm } from "@/lib/commands/forms";
import { runCommand } from "@/lib/commands/next";
import { messagesFor } from "@/lib/i18n/locale";

/** What was typed (never a password), for the form to show again. */
function typed(form: FormData): Record<string, string | string[]> {
  return {
    email: String(form.get("email") ?? ""),
    name: String(form.get("name") ?? ""),
    role: String(form.get("role") ?? ""),
    departments: form.getAll("departments").map(String),
  };
}

const admin = (form: FormData) => messagesFor(localeOf(form)).workspace.admin;

export async function createUserAction(_state: FieldsFormState, form: FormData): Promise<FieldsFormState> {
  if (!isForm(form)) return notAForm();
  const input = { ...typed(form), password: String(form.get("password") ?? "") };
  const result = await runCommand(createUserCommand, input, { returnTo: "/admin" });
  return fieldsFormState(result, form, typed(form), admin(form).created);
}

export async function updateUserAction(_state: FieldsFormState, form: FormData): Promise<FieldsFormState> {
  if (!isForm(form)) return notAForm();
  const input = {
    userId: form.get("userId"),
    name: String(form.get("name") ?? ""),
    role: String(form.get("role") ?? ""),
    active: form.get("active") === "1",
    departments: form.getAll("departments").map(String),
  };
  const result = await runCommand(updateUserCommand, input, { returnTo: "/admin" });
  return fieldsFormState(result, form, typed(form), admin(form).saved);
}

export async function resetPasswordAction(_state: FieldsFormState, form: FormData): Promise<FieldsFormState> {
  if (!isForm(form)) return notAForm();
  const input = { userId: form.get("userId"), password: String(form.get("password") ?? "") };
  const result = await runCommand(resetPasswordCommand, input, { returnTo: "/admin" });
  return fieldsFormState(result, form, {}, admin(form).passwordReset);
}

export async function resetSecondFactorAction(
  _state: FieldsFormState,
  form: FormData,
): Promise<FieldsFormState> {
  if (!isForm(form)) return notAForm();
  const result = await runCommand(
    resetSecondFactorCommand,
    { userId: form.get("userId") },
    { returnTo: "/admin" },
  );
  return fieldsFormState(result, form, {}, admin(form).secondFactorReset);
}
