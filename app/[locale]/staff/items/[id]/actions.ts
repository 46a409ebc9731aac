"use server";

import { notFound } from "next/navigation";
import { runCommand } from "@/lib/commands/next";
import { toProgressCommandInput } from "@/lib/progress/form";
import { progressFormState } from "@/lib/progress/form-result";
import {
  createProgressEntryCommand,
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
