import { z } from "zod";
import { assertCan, type SessionUser } from "@/lib/auth/permissions";
import { defineCommand } from "@/lib/commands/command";
import { AppError } from "@/lib/errors";
import { recordId } from "@/lib/validation/params";
import type { Db } from "@/lib/db/client";

/**
 * A councillor's private notes on items and report sections. Only the author ever reads or
 * changes a note: every function filters by author, so another user's id finds nothing. The audit
 * log records that a note changed, never what it says.
 */
export const NOTE_MAX_LENGTH = 2000;

export const noteInput = z.object({
  nodeId: recordId,
  body: z.string().trim().min(1, { message: "required" }).max(NOTE_MAX_LENGTH, { message: "tooLong" }),
});
export const noteUpdate = z.object({
  noteId: recordId,
  body: noteInput.shape.body,
});

export class NoteNotFoundError extends AppError {
  constructor() {
    super("not_found", "No such note of yours.");
    this.name = "NoteNotFoundError";
  }
}

export type CouncillorNote = { id: number; nodeId: number; body: string; updatedAt: Date };
const noteSelect = { id: true, nodeId: true, body: true, updatedAt: true } as const;

/** The user's own notes, optionally only those on some nodes, oldest first. */
export async function listMyNotes(
  db: Db,
  user: SessionUser | null,
  nodeIds?: number[],
): Promise<CouncillorNote[]> {
  assertCan(user, { action: "council.read" });
  return db.councillorNote.findMany({
    where: { authorId: user.id, ...(nodeIds ? { nodeId: { in: nodeIds } } : {}) },
    orderBy: { id: "asc" },
    select: noteSelect,
  });
}

/** A councillor adds a note to an item or report section. */
export const addNoteCommand = defineCommand({
  name: "note.create",
  input: noteInput,
  permission: () => ({ action: "council.read" }),
  run: async ({ tx, actor, audit }, input): Promise<CouncillorNote> => {
    const node = await tx.planNode.findUnique({ where: { id: input.nodeId }, select: { id: true } });
    if (!node) throw new NoteNotFoundError();
    const note = await tx.councillorNote.create({
      data: { authorId: actor.id, nodeId: input.nodeId, body: input.body },
      select: noteSelect,
    });
    await audit({ entityType: "CouncillorNote", entityId: note.id });
    return note;
  },
});

/** Its author rewrites a note; anyone else's id finds nothing. */
export const updateNoteCommand = defineCommand({
  name: "note.update",
  input: noteUpdate,
  permission: () => ({ action: "council.read" }),
  run: async ({ tx, actor, audit }, input): Promise<void> => {
    const { count } = await tx.councillorNote.updateMany({
      where: { id: input.noteId, authorId: actor.id },
      data: { body: input.body },
    });
    if (count === 0) throw new NoteNotFoundError();
    await audit({ entityType: "CouncillorNote", entityId: input.noteId });
  },
});

export const deleteNoteCommand = defineCommand({
  name: "note.delete",
  input: z.object({ noteId: recordId }),
  permission: () => ({ action: "council.read" }),
  run: async ({ tx, actor, audit }, input): Promise<void> => {
    const { count } = await tx.councillorNote.deleteMany({ where: { id: input.noteId, authorId: actor.id } });
    if (count === 0) throw new NoteNotFoundError();
    await audit({ entityType: "CouncillorNote", entityId: input.noteId });
  },
});
