"use server";

import { type FieldsFormState, fieldsFormState, isForm, localeOf, notAForm } from "@/lib/commands/forms";
import { runCommand } from "@/lib/commands/next";
import { messagesFor } from "@/lib/i18n/locale";
import { addLinkCommand, decideLinkCommand } from "@/lib/links/commands";

/*
 * The link decisions, from the staff item page and the 研考會's tracked-item page alike; `returnTo`
 * is the page the form is on (a stranger signs in and comes back there).
 */

const texts = (form: FormData) => messagesFor(localeOf(form)).workspace.links;
const returnTo = (form: FormData) => {
  const path = String(form.get("returnTo") ?? "");
  return /^\/(staff|review)\/items\/\d+$/u.test(path) ? path : "/staff";
};

/** 確認 / 駁回 one link. */
export async function decideLinkAction(_state: FieldsFormState, form: FormData): Promise<FieldsFormState> {
  if (!isForm(form)) return notAForm();
  const input = {
    linkId: form.get("linkId"),
    decision: form.get("decision"),
    expectedOrigin: form.get("expectedOrigin"),
  };
  const result = await runCommand(decideLinkCommand, input, { returnTo: returnTo(form) });
  const t = texts(form);
  return fieldsFormState(result, form, {}, input.decision === "confirmed" ? t.confirmedDone : t.rejectedDone);
}

/** 加入 a link found by search, as confirmed. */
export async function addLinkAction(_state: FieldsFormState, form: FormData): Promise<FieldsFormState> {
  if (!isForm(form)) return notAForm();
  const input = { itemId: form.get("itemId"), strategyId: form.get("strategyId") };
  const result = await runCommand(addLinkCommand, input, { returnTo: returnTo(form) });
  return fieldsFormState(result, form, {}, texts(form).addedDone);
}
