"use server";

import { notFound } from "next/navigation";
import {
  type FieldsFormState,
  fieldsFormState,
  isForm,
  notAForm,
  stepDoneOf,
  stepOfForm,
} from "@/lib/commands/forms";
import { runCommand } from "@/lib/commands/next";
import { toProgressCommandInput } from "@/lib/progress/form";
import { progressFormState, progressNotAForm } from "@/lib/progress/form-result";
import {
  approveProgressCommand,
  createProgressEntryCommand,
  returnProgressCommand,
  submitProgressCommand,
  updateProgressEntryCommand,
  withdrawProgressEntryCommand,
} from "@/lib/progress/commands";
import type { ProgressFormState } from "@/lib/progress/form";
import { parseRecordId } from "@/lib/validation/params";

const returnTo = (form: FormData) => `/staff/items/${parseRecordId(String(form.get("nodeId"))) ?? ""}`;

/** Adds an entry (no entryId) or saves an edit as the next version (entryId + expectedVersion). */
export async function saveProgressAction(
  _previous: ProgressFormState,
  form: FormData,
): Promise<ProgressFormState> {
  if (!isForm(form)) return progressNotAForm();
  const input = toProgressCommandInput(form);
  const options = { returnTo: returnTo(form) };
  const result =
    input.entryId === undefined
      ? await runCommand(createProgressEntryCommand, input, options)
      : await runCommand(updateProgressEntryCommand, input, options);
  return progressFormState(result, form, notFound);
}

export async function withdrawProgressAction(
  _previous: ProgressFormState,
  form: FormData,
): Promise<ProgressFormState> {
  if (!isForm(form)) return progressNotAForm();
  const input = {
    entryId: form.get("entryId"),
    expectedVersion: form.get("expectedVersion"),
    reason: String(form.get("reason") ?? ""),
  };
  return progressFormState(
    await runCommand(withdrawProgressEntryCommand, input, { returnTo: returnTo(form) }),
    form,
    notFound,
  );
}

/** 送出核可: the update goes to the department's supervisor and is locked until they act. */
export async function submitUpdateAction(_state: FieldsFormState, form: FormData): Promise<FieldsFormState> {
  if (!isForm(form)) return notAForm();
  const result = await runCommand(submitProgressCommand, stepOfForm(form), { returnTo: returnTo(form) });
  return fieldsFormState(result, form, {}, stepDoneOf(form).submit);
}

/** 核可: the supervisor signs it off (to the 研考會, or public where the department needs no review). */
export async function approveUpdateAction(_state: FieldsFormState, form: FormData): Promise<FieldsFormState> {
  if (!isForm(form)) return notAForm();
  const result = await runCommand(approveProgressCommand, stepOfForm(form), { returnTo: returnTo(form) });
  return fieldsFormState(result, form, {}, stepDoneOf(form).approve);
}

/** 退回: back to its author with what to fix. */
export async function returnUpdateAction(_state: FieldsFormState, form: FormData): Promise<FieldsFormState> {
  if (!isForm(form)) return notAForm();
  const comment = String(form.get("comment") ?? "");
  const result = await runCommand(
    returnProgressCommand,
    { ...stepOfForm(form), comment },
    { returnTo: returnTo(form) },
  );
  return fieldsFormState(result, form, { comment }, stepDoneOf(form).return);
}
