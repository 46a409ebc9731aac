import { z } from "zod";
import { progressTags } from "@/lib/cache/tags";
import type { SessionUser } from "@/lib/auth/permissions";
import { type CommandContext, defineCommand } from "@/lib/commands/command";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { UpdateStepAction } from "@/lib/generated/prisma/enums";
import { returnInput, stepInput, type StepInput, stepPermission, takeStep } from "./workflow";
import {
  createProgressEntryIn,
  loadNodeScope,
  nodeOfEntry,
  progressImpactOf,
  type ProgressSnapshot,
  type ProgressWriteResult,
  updateProgressEntryIn,
  withdrawProgressEntryIn,
} from "./entries";
import { createProgressInput, updateProgressInput, withdrawProgressInput } from "./schemas";
import {
  applyBulkRows,
  type BulkApplied,
  BulkFileError,
  BULK_LIMITS,
  type BulkPreview,
  decodeBulkFile,
  previewBulkUpload,
} from "./bulk";

type Tx = Prisma.TransactionClient;

/** The permission a write on this node needs: its owning department's. */
const writeOn = async (tx: Tx, nodeId: number) => ({
  action: "progress.write" as const,
  departmentIds: (await loadNodeScope(tx, nodeId)).departmentIds,
});

/** The write's result, and every cached page it made stale reported for expiry. */
async function reported(
  tx: Tx,
  expire: (...tags: string[]) => void,
  entry: ProgressSnapshot,
): Promise<ProgressWriteResult> {
  const impact = await progressImpactOf(tx, entry.nodeId);
  expire(...progressTags(impact));
  return { entry, impact };
}

/** "儲存並送出核可": the saved entry, submitted in the same transaction when asked. */
async function submittedIf(
  submit: boolean | undefined,
  entry: ProgressSnapshot,
  { tx, actor, audit, now }: Pick<CommandContext<SessionUser>, "tx" | "actor" | "audit" | "now">,
): Promise<ProgressSnapshot> {
  if (!submit) return entry;
  return (
    await takeStep(tx, actor, "submit", { entryId: entry.id, expectedVersion: entry.version }, audit, now)
  ).entry;
}

export const createProgressEntryCommand = defineCommand({
  name: "progress.create",
  input: createProgressInput,
  permission: (input, tx) => writeOn(tx, input.nodeId),
  run: async ({ tx, actor, audit, now, expire }, input) =>
    reported(
      tx,
      expire,
      await submittedIf(input.submit, await createProgressEntryIn(tx, actor, input, audit, now), {
        tx,
        actor,
        audit,
        now,
      }),
    ),
});

export const updateProgressEntryCommand = defineCommand({
  name: "progress.update",
  input: updateProgressInput,
  permission: async (input, tx) => writeOn(tx, await nodeOfEntry(tx, input.entryId)),
  run: async ({ tx, actor, audit, now, expire }, input) =>
    reported(
      tx,
      expire,
      await submittedIf(input.submit, await updateProgressEntryIn(tx, actor, input, audit, now), {
        tx,
        actor,
        audit,
        now,
      }),
    ),
});

export const withdrawProgressEntryCommand = defineCommand({
  name: "progress.withdraw",
  input: withdrawProgressInput,
  permission: async (input, tx) => writeOn(tx, await nodeOfEntry(tx, input.entryId)),
  run: async ({ tx, actor, audit, now, expire }, input) =>
    reported(tx, expire, await withdrawProgressEntryIn(tx, actor, input, audit, now)),
});

/**
 * Reads an uploaded bulk CSV and says what confirming it would do: every row's change or the
 * reason it is refused. Writes nothing; runs as a command so a stranger, a bad file and a
 * refused row are answered the same way as for the write that follows.
 */
export const previewBulkUploadCommand = defineCommand({
  name: "progress.bulk-preview",
  requires: { action: "staff.workspace" },
  input: z.object({ file: z.instanceof(Blob) }).transform(async ({ file }) => {
    if (file.size === 0) throw new BulkFileError("empty");
    if (file.size > BULK_LIMITS.bytes) throw new BulkFileError("tooLarge"); // refused before it is read
    return { csv: decodeBulkFile(new Uint8Array(await file.arrayBuffer())) };
  }),
  permission: () => ({ action: "staff.workspace" }),
  run: async ({ tx, actor, now }, input): Promise<{ csv: string; preview: BulkPreview }> => ({
    csv: input.csv,
    preview: await previewBulkUpload(tx, actor, input.csv, now),
  }),
});

/**
 * Writes every accepted row of a previewed bulk CSV in one transaction. The file may name nodes of
 * several departments: the command needs the staff workspace, and each row asks `can()` for its
 * own node (a refused row refuses the whole file, as the preview showed).
 */
export const applyBulkUploadCommand = defineCommand({
  name: "progress.bulk-apply",
  input: z.object({ csv: z.string().max(BULK_LIMITS.bytes) }),
  permission: () => ({ action: "staff.workspace" }),
  run: async ({ tx, actor, audit, now, expire }, input): Promise<BulkApplied> => {
    const applied = await applyBulkRows(tx, actor, input.csv, audit, now);
    expire(...progressTags(applied.impact));
    return applied;
  },
});

/** One step of the sign-off workflow: the permission is resolved from the update as it stands. */
const stepOf = (action: UpdateStepAction) => ({
  permission: (input: { entryId: number }, tx: Tx) => stepPermission(tx, action, input.entryId),
  run: async (
    { tx, actor, audit, now, expire }: CommandContext<SessionUser>,
    input: StepInput,
  ): Promise<ProgressWriteResult> => {
    const { entry } = await takeStep(tx, actor, action, input, audit, now);
    return reported(tx, expire, entry);
  },
});

export const submitProgressCommand = defineCommand({
  name: "progress.submit",
  input: stepInput,
  ...stepOf("submit"),
});
export const approveProgressCommand = defineCommand({
  name: "progress.approve",
  input: stepInput,
  ...stepOf("approve"),
});
export const returnProgressCommand = defineCommand({
  name: "progress.return",
  input: returnInput,
  ...stepOf("return"),
});
export const publishProgressCommand = defineCommand({
  name: "progress.publish",
  input: stepInput,
  ...stepOf("publish"),
});
