import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncDepartments } from "@/lib/import/departments";
import { ImportRejectedError, importDocument } from "@/lib/import/import-document";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await syncDepartments(t.db);
});
afterAll(async () => {
  await t.dispose();
});

const report = readFileSync("seeds/004_b174b36ac3a2c4d9.txt");

describe("importing one document", () => {
  it("is idempotent by checksum: the same file twice is one document", async () => {
    const first = await importDocument(t.db, { fileName: "a.txt", bytes: report });
    const second = await importDocument(t.db, { fileName: "renamed.txt", bytes: report });
    expect(first.status).toBe("imported");
    expect(second).toEqual({ ...first, status: "unchanged" });
    expect(await t.db.sourceDocument.count()).toBe(1);
  });

  it("takes a corrected file of the same document as its next version, not a second document", async () => {
    const corrected = Buffer.concat([report, Buffer.from("\n（更正版）\n")]);
    const outcome = await importDocument(t.db, { fileName: "corrected.txt", bytes: corrected });
    expect(outcome.status).toBe("updated");
    const docs = await t.db.sourceDocument.findMany({ select: { version: true, fileName: true } });
    expect(docs).toEqual([{ version: 2, fileName: "corrected.txt" }]);
  });

  it("rejects text that is none of the city's document kinds and leaves the database as it was", async () => {
    const before = await t.db.sourceDocument.findMany({ orderBy: { id: "asc" } });
    await expect(
      importDocument(t.db, { fileName: "notes.txt", bytes: Buffer.from("今天天氣很好。\n明天再說。\n") }),
    ).rejects.toThrow(ImportRejectedError);
    await expect(importDocument(t.db, { fileName: "empty.txt", bytes: new Uint8Array() })).rejects.toThrow(
      /empty/u,
    );
    expect(await t.db.sourceDocument.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });
});
