import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PermissionDeniedError, type SessionUser } from "@/lib/auth/permissions";
import { loadSessionUser } from "@/lib/auth/session-user";
import { syncDepartments } from "@/lib/import/departments";
import { importDocument } from "@/lib/import/import-document";
import {
  addNoteCommand,
  deleteNoteCommand,
  listMyNotes,
  noteInput,
  NoteNotFoundError,
  updateNoteCommand,
} from "@/lib/notes/councillor-notes";
import { run } from "../support/commands";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
const users: Record<"alice" | "bob" | "staff", SessionUser> = {} as Record<
  "alice" | "bob" | "staff",
  SessionUser
>;
const meta = { ip: "203.0.113.40", userAgent: "vitest" };
const report = readFileSync("seeds/004_b174b36ac3a2c4d9.txt");
let points: Array<{ id: number; lineFrom: number; lineTo: number }>;

beforeAll(async () => {
  t = await createTestDatabase();
  await syncDepartments(t.db);
  await importDocument(t.db, { fileName: "004.txt", bytes: report });
  for (const [key, role] of [
    ["alice", "councillor"],
    ["bob", "councillor"],
    ["staff", "staff"],
  ] as const) {
    const user = await t.db.user.create({
      data: { email: `${key}@example.test`, name: key, role, passwordHash: "x" },
    });
    users[key] = (await loadSessionUser(t.db, user.id, 0)) as SessionUser;
  }
  points = await t.db.planNode.findMany({
    where: { kind: "point" },
    orderBy: { lineFrom: "asc" },
    select: { id: true, lineFrom: true, lineTo: true },
  });
});
afterAll(async () => {
  await t?.dispose();
});

describe("councillors' private notes", () => {
  it("are read and changed by their author only", async () => {
    const node = points[0]?.id ?? 0;
    const note = await run(
      t.db,
      addNoteCommand,
      users.alice,
      { nodeId: node, body: "請說明 1999 話務量的變化" },
      { meta },
    );
    expect(await listMyNotes(t.db, users.alice, [node])).toEqual([
      expect.objectContaining({ body: "請說明 1999 話務量的變化" }),
    ]);
    expect(await listMyNotes(t.db, users.bob, [node])).toEqual([]);
    await expect(
      run(t.db, updateNoteCommand, users.bob, { noteId: note.id, body: "改寫" }, { meta }),
    ).rejects.toBeInstanceOf(NoteNotFoundError);
    await expect(
      run(t.db, deleteNoteCommand, users.bob, { noteId: note.id }, { meta }),
    ).rejects.toBeInstanceOf(NoteNotFoundError);
    await run(t.db, updateNoteCommand, users.alice, { noteId: note.id, body: "改問預算" }, { meta });
    expect((await listMyNotes(t.db, users.alice))[0]?.body).toBe("改問預算");
    // The audit log says a note changed, never what it says.
    const audits = await t.db.auditEvent.findMany({ where: { entityType: "CouncillorNote" } });
    expect(audits.map((a) => a.action)).toEqual(["note.create", "note.update"]);
    expect(JSON.stringify(audits)).not.toContain("預算");
  });

  it("are not for staff or visitors", async () => {
    await expect(
      run(t.db, addNoteCommand, users.staff, { nodeId: points[0]?.id ?? 0, body: "x" }, { meta }),
    ).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(listMyNotes(t.db, null)).rejects.toBeInstanceOf(PermissionDeniedError);
  });

  it.each([
    ["an empty note", "   ", "required"],
    ["an over-long note", "長".repeat(2001), "tooLong"],
  ])("refuse %s", (_name, body, message) => {
    expect(noteInput.safeParse({ nodeId: 1, body }).error?.issues[0]?.message).toBe(message);
  });

  it("survive a corrected re-import that drops their section: the node is kept, retired", async () => {
    const dropped = points.at(-1);
    if (!dropped) throw new Error("the report should have points");
    await run(t.db, addNoteCommand, users.bob, { nodeId: dropped.id, body: "追問" }, { meta });
    const lines = report.toString("utf8").split("\n");
    lines.splice(dropped.lineFrom - 1, dropped.lineTo - dropped.lineFrom + 1);
    const outcome = await importDocument(t.db, {
      fileName: "004-corrected.txt",
      bytes: Buffer.from(lines.join("\n")),
    });
    expect(outcome).toMatchObject({ status: "updated", version: 2 });
    expect((await t.db.planNode.findUniqueOrThrow({ where: { id: dropped.id } })).retiredAt).toBeInstanceOf(
      Date,
    );
    expect(await listMyNotes(t.db, users.bob, [dropped.id])).toHaveLength(1);
  });
});
