"use server";

import { redirect } from "next/navigation";
import {
  type FieldsFormState,
  fieldsFormState,
  isForm,
  localeOf,
  notAForm,
  stepDoneOf,
  stepOfForm,
} from "@/lib/commands/forms";
import { runCommand } from "@/lib/commands/next";
import { messagesFor } from "@/lib/i18n/locale";
import { parseRecordId } from "@/lib/validation/params";
import { publishProgressCommand, returnProgressCommand } from "@/lib/progress/commands";
import { setDepartmentReviewCommand } from "@/lib/tracking/review-settings";
import {
  assignLeadCommand,
  setWeightCommand,
  closeTrackedItemCommand,
  createTrackedSetCommand,
  updateTrackedSetCommand,
} from "@/lib/tracking/sets";

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

const DUE_FIELDS = ["staffDueDays", "supervisorDueDays", "reviewDueDays", "graceDays"];

/** Changes a set's due days (the cycles not yet due are re-dated); cadence and year stay. */
export async function updateTrackedSetAction(
  _state: FieldsFormState,
  form: FormData,
): Promise<FieldsFormState> {
  if (!isForm(form)) return notAForm();
  const typedDays = typed(form, DUE_FIELDS);
  const input = { setId: form.get("setId"), expectedVersion: form.get("expectedVersion"), ...typedDays };
  const result = await runCommand(updateTrackedSetCommand, input, {
    returnTo: `/review/sets/${parseRecordId(String(form.get("setId"))) ?? ""}`,
  });
  return fieldsFormState(result, form, typedDays, review(form).setUpdated);
}

/** Whether a department's approved updates wait for 研考會 review before they are published. */
export async function setDepartmentReviewAction(
  _state: FieldsFormState,
  form: FormData,
): Promise<FieldsFormState> {
  if (!isForm(form)) return notAForm();
  const input = {
    department: String(form.get("department") ?? ""),
    updatesNeedReview: String(form.get("updatesNeedReview") ?? ""),
  };
  const result = await runCommand(setDepartmentReviewCommand, input, { returnTo: "/review/departments" });
  const name = String(form.get("departmentName") ?? input.department);
  const words = review(form).departments;
  const done = input.updatesNeedReview === "true" ? words.turnedOn(name) : words.turnedOff(name);
  return fieldsFormState(result, form, {}, done);
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

/** 覆核: the 研考會 publishes an approved update; the public pages show it on their next load. */
export async function publishUpdateAction(_state: FieldsFormState, form: FormData): Promise<FieldsFormState> {
  if (!isForm(form)) return notAForm();
  const result = await runCommand(publishProgressCommand, stepOfForm(form), { returnTo: "/review" });
  return fieldsFormState(result, form, {}, stepDoneOf(form).publish);
}

/** 退回: the 研考會 sends an approved update back to its author, saying why. */
export async function returnReviewedUpdateAction(
  _state: FieldsFormState,
  form: FormData,
): Promise<FieldsFormState> {
  if (!isForm(form)) return notAForm();
  const comment = String(form.get("comment") ?? "");
  const result = await runCommand(
    returnProgressCommand,
    { ...stepOfForm(form), comment },
    { returnTo: "/review" },
  );
  return fieldsFormState(result, form, { comment }, stepDoneOf(form).return);
}

/** 彙總權重: the 研考會 weighs a tracked item in the public roll-ups. */
export async function setWeightAction(_state: FieldsFormState, form: FormData): Promise<FieldsFormState> {
  if (!isForm(form)) return notAForm();
  const weight = String(form.get("weight") ?? "");
  const input = { itemId: form.get("itemId"), expectedVersion: form.get("expectedVersion"), weight };
  const result = await runCommand(setWeightCommand, input, { returnTo: "/review" });
  return fieldsFormState(result, form, { weight }, review(form).weightDone);
}
