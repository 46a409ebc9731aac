"use server";

import type { z } from "zod";
import type { FieldsFormState } from "@/components/fields-form";
import {
  createUser,
  createUserInput,
  EmailTakenError,
  resetPassword,
  resetPasswordInput,
  SelfLockoutError,
  updateUser,
  updateUserInput,
  UserNotFoundError,
} from "@/lib/admin/users";
import { requireUser } from "@/lib/auth/guard";
import { requestMeta } from "@/lib/auth/request-meta";
import { db } from "@/lib/db/server";
import { isLocale, messagesFor } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";

const messagesOf = (form: FormData): Messages => {
  const locale = form.get("locale");
  return messagesFor(isLocale(locale) ? locale : "zh-Hant");
};

/** What was typed (never a password), for the form to show again. */
function typed(form: FormData): Record<string, string | string[]> {
  return {
    email: String(form.get("email") ?? ""),
    name: String(form.get("name") ?? ""),
    role: String(form.get("role") ?? ""),
    departments: form.getAll("departments").map(String),
  };
}

function invalid(t: Messages, error: z.ZodError, form: FormData): FieldsFormState {
  const errors: Record<string, string> = {};
  const texts = t.workspace.progressForm.errors as Record<string, string>;
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= texts[issue.message] ?? issue.message;
  }
  return { status: "error", message: t.workspace.admin.fixErrors, errors, values: typed(form) };
}

export async function createUserAction(_state: FieldsFormState, form: FormData): Promise<FieldsFormState> {
  const actor = await requireUser("/admin", { action: "admin.manage" });
  const t = messagesOf(form);
  const parsed = createUserInput.safeParse({ ...typed(form), password: String(form.get("password") ?? "") });
  if (!parsed.success) return invalid(t, parsed.error, form);
  try {
    await createUser(db(), actor, parsed.data, await requestMeta());
  } catch (error) {
    if (error instanceof EmailTakenError) {
      return {
        status: "error",
        message: t.workspace.admin.emailTaken,
        errors: { email: t.workspace.admin.emailTaken },
        values: typed(form),
      };
    }
    throw error;
  }
  return { status: "ok", message: t.workspace.admin.created };
}

export async function updateUserAction(_state: FieldsFormState, form: FormData): Promise<FieldsFormState> {
  const actor = await requireUser("/admin", { action: "admin.manage" });
  const t = messagesOf(form);
  const parsed = updateUserInput.safeParse({
    userId: Number(form.get("userId")),
    name: String(form.get("name") ?? ""),
    role: String(form.get("role") ?? ""),
    active: form.get("active") === "1",
    departments: form.getAll("departments").map(String),
  });
  if (!parsed.success) return invalid(t, parsed.error, form);
  try {
    await updateUser(db(), actor, parsed.data, await requestMeta());
  } catch (error) {
    if (error instanceof SelfLockoutError) {
      return { status: "error", message: t.workspace.admin.selfLockout, errors: {}, values: typed(form) };
    }
    if (error instanceof UserNotFoundError)
      return { status: "error", message: t.notFound.heading, errors: {}, values: {} };
    throw error;
  }
  return { status: "ok", message: t.workspace.admin.saved };
}

export async function resetPasswordAction(_state: FieldsFormState, form: FormData): Promise<FieldsFormState> {
  const actor = await requireUser("/admin", { action: "admin.manage" });
  const t = messagesOf(form);
  const parsed = resetPasswordInput.safeParse({
    userId: Number(form.get("userId")),
    password: String(form.get("password") ?? ""),
  });
  if (!parsed.success) return invalid(t, parsed.error, form);
  try {
    await resetPassword(db(), actor, parsed.data, await requestMeta());
  } catch (error) {
    if (error instanceof UserNotFoundError)
      return { status: "error", message: t.notFound.heading, errors: {}, values: {} };
    throw error;
  }
  return { status: "ok", message: t.workspace.admin.passwordReset };
}
