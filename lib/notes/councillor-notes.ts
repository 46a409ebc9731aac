import { z } from "zod";
import { recordAudit, type RequestMeta } from "@/lib/audit";
import { assertCan, type SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";

/**
 * A councillor's private notes on items and report sections. Only the author ever reads or
 * changes a note: every function filters by author, so another user's id finds nothing. The audit
 * log records that a note changed, never what it says.
 */
export const NOTE_MAX_LENGTH = 2000;

export const noteInput = z.object({
  nodeId: z.number().int().positive(),
  body: z.string().trim().min(1, { message: "required" }).max(NOTE_MAX_LENGTH, { message: "tooLong" }),
});
export const noteUpdate = z.object({
  noteId: z.number().int().positive(),
  body: noteInput.shape.body,
});

export class NoteNotFoundError extends Error {
  constructor() {
    super("No such note of yours.");
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

export async function addNote(
  db: Db,
  user: SessionUser | null,
  input: z.infer<typeof noteInput>,
  meta: RequestMeta,
): Promise<CouncillorNote> {
  assertCan(user, { action: "council.read" });
  return db.$transaction(async (tx) => {
    const note = await tx.councillorNote.create({
      data: { authorId: user.id, nodeId: input.nodeId, body: input.body },
      select: noteSelect,
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "note.create",
      entityType: "CouncillorNote",
      entityId: note.id,
      meta,
    });
    return note;
  });
}

export async function updateNote(
  db: Db,
  user: SessionUser | null,
  input: z.infer<typeof noteUpdate>,
  meta: RequestMeta,
): Promise<void> {
  assertCan(user, { action: "council.read" });
  await db.$transaction(async (tx) => {
    const { count } = await tx.councillorNote.updateMany({
      where: { id: input.noteId, authorId: user.id },
      data: { body: input.body },
    });
    if (count === 0) throw new NoteNotFoundError();
    await recordAudit(tx, {
      actorId: user.id,
      action: "note.update",
      entityType: "CouncillorNote",
      entityId: input.noteId,
      meta,
    });
  });
}

export async function deleteNote(
  db: Db,
  user: SessionUser | null,
  noteId: number,
  meta: RequestMeta,
): Promise<void> {
  assertCan(user, { action: "council.read" });
  await db.$transaction(async (tx) => {
    const { count } = await tx.councillorNote.deleteMany({ where: { id: noteId, authorId: user.id } });
    if (count === 0) throw new NoteNotFoundError();
    await recordAudit(tx, {
      actorId: user.id,
      action: "note.delete",
      entityType: "CouncillorNote",
      entityId: noteId,
      meta,
    });
  });
}
