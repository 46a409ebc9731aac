import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/permissions";
import { loadSessionUser } from "@/lib/auth/session-user";
import { syncDepartments } from "@/lib/import/departments";
import { ImportRejectedError } from "@/lib/import/import-document";
import { confirmUpload, previewUpload, UploadNotAllowedError } from "@/lib/import/upload";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
let secretariatStaff: SessionUser;
let transportStaff: SessionUser;
let admin: SessionUser;
const meta = { ip: "203.0.113.20", userAgent: "vitest" };
const seed = (name: string) => ({ fileName: name, bytes: new Uint8Array(readFileSync(`seeds/${name}`)) });
const PLAN = "002_edb18fdb8a68a56c.txt"; // the Secretariat's 2018 plan
const OUTLINE = "000_7edc6d043e517ca0.txt"; // city-wide

async function user(email: string, role: "admin" | "staff", departments: string[]) {
  const created = await t.db.user.create({
    data: {
      email,
      name: email,
      role,
      passwordHash: "unused",
      memberships: { create: departments.map((slug) => ({ department: { connect: { slug } } })) },
    },
  });
  return (await loadSessionUser(t.db, created.id, 0)) as SessionUser;
}
const tableCounts = async () => ({
  documents: await t.db.sourceDocument.count(),
  nodes: await t.db.planNode.count(),
  audits: await t.db.auditEvent.count(),
});

beforeAll(async () => {
  t = await createTestDatabase();
  await syncDepartments(t.db);
  secretariatStaff = await user("sec@example.test", "staff", ["secretariat"]);
  transportStaff = await user("tra@example.test", "staff", ["transportation"]);
  admin = await user("admin@example.test", "admin", []);
});
afterAll(async () => {
  await t?.dispose();
});

describe("uploading a document", () => {
  it("previews the parse without writing anything", async () => {
    const before = await tableCounts();
    const preview = await previewUpload(t.db, secretariatStaff, seed(PLAN));
    expect(preview).toMatchObject({
      kind: "department-plan",
      department: { slug: "secretariat" },
      existing: { status: "new" },
      counts: { budgetLines: 28 },
    });
    expect(preview.outline.length).toBeGreaterThan(0);
    expect(await tableCounts()).toEqual(before);
  });

  it("lets staff import only their own department's documents, and administrators any", async () => {
    await expect(previewUpload(t.db, transportStaff, seed(PLAN))).rejects.toBeInstanceOf(
      UploadNotAllowedError,
    );
    await expect(previewUpload(t.db, secretariatStaff, seed(OUTLINE))).rejects.toBeInstanceOf(
      UploadNotAllowedError,
    );
    await expect(confirmUpload(t.db, transportStaff, seed(PLAN), meta)).rejects.toBeInstanceOf(
      UploadNotAllowedError,
    );
    await expect(previewUpload(t.db, admin, seed(OUTLINE))).resolves.toMatchObject({
      kind: "policy-outline",
    });
  });

  it("imports on confirmation, with the importer and address in the audit log", async () => {
    const outcome = await confirmUpload(t.db, secretariatStaff, seed(PLAN), meta);
    expect(outcome).toMatchObject({ status: "imported", version: 1 });
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "document.import" } });
    expect(audit).toMatchObject({ actorId: secretariatStaff.id, ip: meta.ip, userAgent: "vitest" });
    await expect(previewUpload(t.db, secretariatStaff, seed(PLAN))).resolves.toMatchObject({
      existing: { status: "identical", version: 1 },
    });
  });

  it.each([
    ["prose", Buffer.from("今天天氣很好，我們去公園散步。\n"), "unknownKind"],
    ["a Latin-1 file", Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]), "notUtf8"],
    ["an empty file", Buffer.alloc(0), "emptyText"],
  ])("refuses %s with a reason and writes nothing", async (_name, bytes, code) => {
    const before = await tableCounts();
    const file = { fileName: "upload.txt", bytes: new Uint8Array(bytes) };
    await expect(previewUpload(t.db, admin, file)).rejects.toBeInstanceOf(ImportRejectedError);
    await expect(previewUpload(t.db, admin, file)).rejects.toMatchObject({ rejection: { code } });
    await expect(confirmUpload(t.db, admin, file, meta)).rejects.toBeInstanceOf(ImportRejectedError);
    expect(await tableCounts()).toEqual(before);
  });
});
