import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PermissionDeniedError, type SessionUser } from "@/lib/auth/permissions";
import { syncDepartments } from "@/lib/import/departments";
import { ImportRejectedError } from "@/lib/import/import-document";
import {
  confirmUploadCommand,
  importDocumentCommand,
  stageUploadCommand,
  STAGED_UPLOAD_MINUTES,
  UploadExpiredError,
} from "@/lib/import/commands";
import { run } from "../support/commands";
import { bombPdf } from "../support/pdf";
import { makeUser } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
let secretariatStaff: SessionUser;
let transportStaff: SessionUser;
let admin: SessionUser;
const meta = { ip: "203.0.113.20", userAgent: "vitest" };
const seed = (name: string) => ({ fileName: name, file: new Blob([readFileSync(`seeds/${name}`)]) });
const PLAN = "002_edb18fdb8a68a56c.txt"; // the Secretariat's 2018 plan
const OUTLINE = "000_7edc6d043e517ca0.txt"; // city-wide

const tableCounts = async () => ({
  documents: await t.db.sourceDocument.count(),
  nodes: await t.db.planNode.count(),
  audits: await t.db.auditEvent.count(),
  staged: await t.db.stagedUpload.count(),
});
const stage = (who: SessionUser, file: { fileName: string; file: Blob }, now?: Date) =>
  run(t.db, stageUploadCommand, who, file, { meta, now });
const confirm = (who: SessionUser, checksum: string, now?: Date) =>
  run(t.db, confirmUploadCommand, who, { checksum }, { meta, now });

beforeAll(async () => {
  t = await createTestDatabase();
  await syncDepartments(t.db);
  secretariatStaff = await makeUser(t.db, "sec", "staff", ["secretariat"]);
  transportStaff = await makeUser(t.db, "tra", "staff", ["transportation"]);
  admin = await makeUser(t.db, "admin", "admin", []);
});
afterAll(async () => {
  await t?.dispose();
});

describe("uploading a document", () => {
  it("previews the parse and keeps the file on the server, importing nothing", async () => {
    const before = await tableCounts();
    const preview = await stage(secretariatStaff, seed(PLAN));
    expect(preview).toMatchObject({
      kind: "department-plan",
      department: { slug: "secretariat" },
      existing: { status: "new" },
      counts: { budgetLines: 28 },
      checksum: expect.stringMatching(/^[0-9a-f]{64}$/u) as string,
    });
    expect(preview.outline.length).toBeGreaterThan(0);
    // Only the checksum goes back to the browser, never the file.
    expect(JSON.stringify(preview).length).toBeLessThan(readFileSync(`seeds/${PLAN}`).byteLength);
    expect(await tableCounts()).toEqual({ ...before, audits: before.audits + 1, staged: before.staged + 1 });
  });

  it("lets staff import only their own department's documents, and administrators any", async () => {
    const before = await tableCounts();
    await expect(stage(transportStaff, seed(PLAN))).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(stage(secretariatStaff, seed(OUTLINE))).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await tableCounts()).toEqual(before);
    const { checksum } = await stage(secretariatStaff, seed(PLAN));
    // Another user cannot confirm what someone else staged, even knowing its checksum.
    await expect(confirm(transportStaff, checksum)).rejects.toBeInstanceOf(UploadExpiredError);
    await expect(confirm(admin, checksum)).rejects.toBeInstanceOf(UploadExpiredError);
    await expect(stage(admin, seed(OUTLINE))).resolves.toMatchObject({ kind: "policy-outline" });
  });

  it("refuses a staged file after it expires, writing nothing", async () => {
    const staged = new Date("2026-11-28T02:00:00Z");
    const { checksum } = await stage(secretariatStaff, seed(PLAN), staged);
    const later = new Date(staged.getTime() + (STAGED_UPLOAD_MINUTES + 1) * 60_000);
    const before = await tableCounts();
    await expect(confirm(secretariatStaff, checksum, later)).rejects.toBeInstanceOf(UploadExpiredError);
    expect(await tableCounts()).toEqual(before);
  });

  it("imports the staged parse on confirmation, with the importer and address in the audit log", async () => {
    const { checksum } = await stage(secretariatStaff, seed(PLAN));
    const outcome = await confirm(secretariatStaff, checksum);
    expect(outcome).toMatchObject({ status: "imported", version: 1 });
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "document.import" } });
    expect(audit).toMatchObject({ actorId: secretariatStaff.id, ip: meta.ip, userAgent: "vitest" });
    expect(await t.db.stagedUpload.count({ where: { checksum, ownerId: secretariatStaff.id } })).toBe(0);
    await expect(stage(secretariatStaff, seed(PLAN))).resolves.toMatchObject({
      existing: { status: "identical", version: 1 },
    });
  });

  it.each([
    ["prose", Buffer.from("今天天氣很好，我們去公園散步。\n"), "unknownKind"],
    ["a Latin-1 file", Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]), "notUtf8"],
    ["an empty file", Buffer.alloc(0), "emptyText"],
  ])("refuses %s with a reason and writes nothing", async (_name, bytes, code) => {
    const before = await tableCounts();
    const file = { fileName: "upload.txt", file: new Blob([bytes]) };
    await expect(stage(admin, file)).rejects.toBeInstanceOf(ImportRejectedError);
    await expect(stage(admin, file)).rejects.toMatchObject({ rejection: { code } });
    await expect(run(t.db, importDocumentCommand, admin, file, { meta })).rejects.toBeInstanceOf(
      ImportRejectedError,
    );
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses a PDF that unpacks to hundreds of megabytes, writing nothing", async () => {
    const before = await tableCounts();
    // Its speed is measured by `npm run bench:uploads`, not asserted here.
    await expect(
      stage(admin, { fileName: "bomb.pdf", file: new Blob([bombPdf(250)]) }),
    ).rejects.toMatchObject({
      rejection: { code: "pdfTooLarge" },
    });
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses a file name with a control character, and text with a NUL, writing nothing", async () => {
    const before = await tableCounts();
    const text = readFileSync(`seeds/${PLAN}`);
    await expect(stage(admin, { fileName: "plan\u0000.txt", file: new Blob([text]) })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { fileName: "fileName" },
    });
    const withNul = Buffer.concat([text, Buffer.from([0])]);
    await expect(stage(admin, { fileName: "plan.txt", file: new Blob([withNul]) })).rejects.toMatchObject({
      rejection: { code: "notUtf8" },
    });
    expect(await tableCounts()).toEqual(before);
  });
});
