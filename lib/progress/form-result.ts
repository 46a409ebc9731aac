import type { CommandResult } from "@/lib/commands/command";
import { ProgressConflictError, type ProgressWriteResult } from "./entries";
import { type ProgressFormState, readProgressForm } from "./form";

/** The progress form's answer to a request that sent no form (see isForm): invalid, nothing typed. */
export const progressNotAForm = (): ProgressFormState => ({
  status: "invalid",
  errors: { form: "invalid_input" },
  values: readProgressForm(new FormData()),
});

/**
 * A progress command's result as the form's state: saved; someone else saved first (both versions
 * shown); or field errors with what was typed kept. An unknown node or entry is a 404.
 */
export function progressFormState(
  result: CommandResult<ProgressWriteResult>,
  form: FormData,
  notFound: () => never,
): ProgressFormState {
  if (result.ok)
    return { status: "saved", entryId: result.value.entry.id, version: result.value.entry.version };
  const values = readProgressForm(form);
  const { error } = result;
  if (error instanceof ProgressConflictError) return { status: "conflict", theirs: error.current, values };
  if (error.code === "not_found") notFound();
  const errors = Object.keys(error.fields).length > 0 ? error.fields : { form: error.code };
  return { status: "invalid", errors: { ...errors }, values };
}
