"use server";

import { type FieldsFormState, fieldsFormState, isForm, localeOf, notAForm } from "@/lib/commands/forms";
import { runCommand } from "@/lib/commands/next";
import { messagesFor } from "@/lib/i18n/locale";
import {
  defineIndicatorCommand,
  recordIndicatorCommand,
  updateIndicatorCommand,
} from "@/lib/progress/indicators";
import { parseRecordId } from "@/lib/validation/params";

/*
 * Indicators (衡量指標) on the staff item page: define, change (a new version with its reason) and
 * record an actual for a period. Kept apart from actions.ts (updates) and plan-actions.ts (plans).
 */

const returnTo = (form: FormData) => `/staff/items/${parseRecordId(String(form.get("nodeId"))) ?? ""}`;
const done = (form: FormData) => messagesFor(localeOf(form)).workspace.indicators.done;
const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};
/** A blank cell is no number (null); anything else that is not one reaches the schema as NaN, refused beside it. */
const numberOf = (cell: string) => (cell.trim() === "" ? null : Number(cell.trim()));

/** The definition as the form posts it: one `target.YEAR` input per year of the span, blank for none. */
function definitionOf(form: FormData) {
  const years = form.getAll("targetYear").map((y) => (typeof y === "string" ? y : ""));
  const targets = years.flatMap((year) => {
    const value = numberOf(text(form, `target.${year}`));
    return value === null ? [] : [{ year: Number(year), value }];
  });
  const shown: Record<string, string> = Object.fromEntries(
    ["name", "unit", "direction", "baseline", "method", "reason"].map((f) => [f, text(form, f)]),
  );
  for (const year of years) shown[`target.${year}`] = text(form, `target.${year}`);
  return {
    input: {
      name: text(form, "name"),
      unit: text(form, "unit"),
      direction: text(form, "direction"),
      baseline: numberOf(text(form, "baseline")) ?? undefined,
      method: text(form, "method"),
      targets,
    },
    /** A target's error is shown beside its year's input. */
    fieldOf: (key: string) => {
      const row = /^targets\.(\d+)\.(?:value|year)$/u.exec(key);
      const target = row ? targets[Number(row[1])] : undefined;
      return target ? `target.${target.year}` : key;
    },
    shown,
  };
}

function withFields(state: FieldsFormState, fieldOf: (key: string) => string): FieldsFormState {
  if (state.status !== "error") return state;
  return {
    ...state,
    errors: Object.fromEntries(Object.entries(state.errors).map(([k, v]) => [fieldOf(k), v])),
  };
}

/** 新增衡量指標. */
export async function defineIndicatorAction(
  _state: FieldsFormState,
  form: FormData,
): Promise<FieldsFormState> {
  if (!isForm(form)) return notAForm();
  const { input, fieldOf, shown } = definitionOf(form);
  const result = await runCommand(
    defineIndicatorCommand,
    { ...input, trackedItemId: form.get("trackedItemId") },
    { returnTo: returnTo(form) },
  );
  return withFields(fieldsFormState(result, form, shown, done(form).define), fieldOf);
}

/** 修正衡量指標: the version the editor saw, and why it changes. */
export async function updateIndicatorAction(
  _state: FieldsFormState,
  form: FormData,
): Promise<FieldsFormState> {
  if (!isForm(form)) return notAForm();
  const { input, fieldOf, shown } = definitionOf(form);
  const result = await runCommand(
    updateIndicatorCommand,
    {
      ...input,
      indicatorId: form.get("indicatorId"),
      expectedVersion: form.get("expectedVersion"),
      reason: text(form, "reason"),
    },
    { returnTo: returnTo(form) },
  );
  return withFields(fieldsFormState(result, form, shown, done(form).update), fieldOf);
}

/** 填報實際值: the period is posted as "periodEnd:revision seen", so the form works without JavaScript. */
export async function recordIndicatorAction(
  _state: FieldsFormState,
  form: FormData,
): Promise<FieldsFormState> {
  if (!isForm(form)) return notAForm();
  const [periodEnd = "", revision = ""] = text(form, "period").split(":");
  const value = numberOf(text(form, "value"));
  const shown = { period: text(form, "period"), value: text(form, "value"), note: text(form, "note") };
  const result = await runCommand(
    recordIndicatorCommand,
    {
      indicatorId: form.get("indicatorId"),
      periodEnd,
      expectedRevision: revision,
      value: value ?? Number.NaN,
      note: text(form, "note"),
    },
    { returnTo: returnTo(form) },
  );
  return withFields(fieldsFormState(result, form, shown, done(form).record), (key) =>
    key === "periodEnd" || key === "expectedRevision" ? "period" : key,
  );
}
