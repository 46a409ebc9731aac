"use server";

import { type FieldsFormState, fieldsFormState, isForm, localeOf, notAForm } from "@/lib/commands/forms";
import { runCommand } from "@/lib/commands/next";
import { messagesFor } from "@/lib/i18n/locale";
import { approvePlanCommand, proposePlanCommand, returnPlanCommand } from "@/lib/progress/plans";
import { parseRecordId } from "@/lib/validation/params";

/*
 * Planned progress (預定進度) on the staff item page: propose a curve or a revision, and the
 * supervisor's approve / return. Kept apart from actions.ts, which holds the update workflow.
 */

const returnTo = (form: FormData) => `/staff/items/${parseRecordId(String(form.get("nodeId"))) ?? ""}`;
const done = (form: FormData) => messagesFor(localeOf(form)).workspace.plans.done;
const strings = (form: FormData, name: string) =>
  form.getAll(name).map((v) => (typeof v === "string" ? v : ""));

/** A blank or non-numeric cell reaches the schema as NaN: refused as "percent" beside its input. */
const percentOf = (cell: string) => (cell.trim() === "" ? Number.NaN : Number(cell.trim()));

/** 研提 / 修正預定進度: one % per period, posted in period order with the period's last day. */
export async function proposePlanAction(_state: FieldsFormState, form: FormData): Promise<FieldsFormState> {
  if (!isForm(form)) return notAForm();
  const percents = strings(form, "percent");
  const reason = String(form.get("reason") ?? "");
  const input = {
    trackedItemId: form.get("trackedItemId"),
    expectedVersion: form.get("expectedVersion"),
    points: strings(form, "periodEnd").map((periodEnd, i) => ({
      periodEnd,
      percent: percentOf(percents[i] ?? ""),
    })),
    reason,
  };
  const result = await runCommand(proposePlanCommand, input, { returnTo: returnTo(form) });
  return fieldsFormState(result, form, { percent: percents, reason }, done(form).propose);
}

const decision = (form: FormData) => ({ planId: form.get("planId") });

/** 核可: the supervisor approves a colleague's proposal; lights now read it. */
export async function approvePlanAction(_state: FieldsFormState, form: FormData): Promise<FieldsFormState> {
  if (!isForm(form)) return notAForm();
  const result = await runCommand(approvePlanCommand, decision(form), { returnTo: returnTo(form) });
  return fieldsFormState(result, form, {}, done(form).approve);
}

/** 退回: back to the proposer with what to change. */
export async function returnPlanAction(_state: FieldsFormState, form: FormData): Promise<FieldsFormState> {
  if (!isForm(form)) return notAForm();
  const comment = String(form.get("comment") ?? "");
  const result = await runCommand(
    returnPlanCommand,
    { ...decision(form), comment },
    { returnTo: returnTo(form) },
  );
  return fieldsFormState(result, form, { comment }, done(form).return);
}
