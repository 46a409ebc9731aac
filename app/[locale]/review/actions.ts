"use server";

import { redirect } from "next/navigation";
import { type FieldsFormState, fieldsFormState, localeOf, isForm, notAForm } from "@/lib/commands/forms";
import { runCommand } from "@/lib/commands/next";
import { messagesFor } from "@/lib/i18n/locale";
import { publishProgressCommand, returnProgressCommand } from "@/lib/progress/commands";
import { assignLeadCommand, closeTrackedItemCommand, createTrackedSetCommand } from "@/lib/tracking/sets";

const SET_FIELDS = [
  "name",
  "year",
  "cadence",
  "staffDueDays",
  "supervisorDueDays",
  "reviewDueDays",
  "graceDays",
];
const review = (form: FormData) => messagesFor(localeOf(form)).workspace.review;
const typed = (form: FormData, names: string[]) =>
  Object.fromEntries(names.map((name) => [name, String(form.get(name) ?? "")]));

/** Creates a tracked set, then opens it (its items and cycles are what the reviewer checks next). */
export async function createTrackedSetAction(
  _state: FieldsFormState,
  form: FormData,
): Promise<FieldsFormState> {
  if (!isForm(form)) return notAForm();
  const input = typed(form, SET_FIELDS);
  const result = await runCommand(createTrackedSetCommand, input, { returnTo: "/review" });
  if (result.ok) redirect(`/review/sets/${result.value.setId}`);
  return fieldsFormState(result, form, input, review(form).created);
}

export async function assignLeadAction(_state: FieldsFormState, form: FormData): Promise<FieldsFormState> {
  if (!isForm(form)) return notAForm();
  const input = {
    itemId: form.get("itemId"),
    expectedVersion: form.get("expectedVersion"),
    lead: String(form.get("lead") ?? ""),
    co: form.getAll("co").map(String),
  };
  const result = await runCommand(assignLeadCommand, input, { returnTo: "/review" });
  return fieldsFormState(result, form, { lead: input.lead, co: input.co }, review(form).assigned);
}

export async function closeTrackedItemAction(
  _state: FieldsFormState,
  form: FormData,
): Promise<FieldsFormState> {
  if (!isForm(form)) return notAForm();
  const input = {
    itemId: form.get("itemId"),
    expectedVersion: form.get("expectedVersion"),
    reason: String(form.get("reason") ?? ""),
  };
  const result = await runCommand(closeTrackedItemCommand, input, { returnTo: "/review" });
  return fieldsFormState(result, form, { reason: input.reason }, review(form).closedDone);
}

const step = (form: FormData) => ({
  entryId: form.get("entryId"),
  expectedVersion: form.get("expectedVersion"),
});
const done = (form: FormData) => messagesFor(localeOf(form)).workspace.updates.done;

/** 覆核: the 研考會 publishes an approved update; the public pages show it on their next load. */
export async function publishUpdateAction(_state: FieldsFormState, form: FormData): Promise<FieldsFormState> {
  if (!isForm(form)) return notAForm();
  const result = await runCommand(publishProgressCommand, step(form), { returnTo: "/review" });
  return fieldsFormState(result, form, {}, done(form).publish);
}

/** 退回: the 研考會 sends an approved update back to its author, saying why. */
export async function returnReviewedUpdateAction(
  _state: FieldsFormState,
  form: FormData,
): Promise<FieldsFormState> {
  if (!isForm(form)) return notAForm();
  const comment = String(form.get("comment") ?? "");
  const result = await runCommand(returnProgressCommand, { ...step(form), comment }, { returnTo: "/review" });
  return fieldsFormState(result, form, { comment }, done(form).return);
}
