import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { describeStoredWarning } from "@/lib/i18n/import-problems";
import { workspaceEn, workspaceZhHant } from "@/lib/i18n/workspace-messages";
import { PARSER_VERSION } from "@/lib/ingest";
import { syncDepartments } from "@/lib/import/departments";
import { ImportRejectedError, importDocument, readDocumentFile } from "@/lib/import/import-document";
import { saveParsedDocument } from "@/lib/import/save-document";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await syncDepartments(t.db);
});
afterAll(async () => {
  await t.dispose();
});

const REPORT_FILE = "seeds/004_b174b36ac3a2c4d9.txt";
const report = readFileSync(REPORT_FILE);

/** Everything an import writes, to prove a failed one wrote nothing. */
async function snapshot(db: Db) {
  return {
    documents: await db.sourceDocument.findMany({ orderBy: { id: "asc" } }),
    nodes: await db.planNode.findMany({ orderBy: { id: "asc" } }),
    budgetLines: await db.budgetLine.findMany({ orderBy: { id: "asc" } }),
    figures: await db.reportFigure.findMany({ orderBy: { id: "asc" } }),
    audit: await db.auditEvent.findMany({ orderBy: { id: "asc" } }),
  };
}

async function addProgress(db: Db, nodeId: number, narrative: string) {
  const author = await db.user.upsert({
    where: { email: "staff@example.test" },
    create: { email: "staff@example.test", name: "Staff", passwordHash: "x", role: "staff" },
    update: {},
  });
  return db.progressEntry.create({
    data: {
      nodeId,
      periodYear: 2017,
      periodFrom: new Date("2017-01-01"),
      periodTo: new Date("2017-12-31"),
      status: "on_track",
      narrative,
      authorId: author.id,
    },
  });
}

describe("importing one document", () => {
  it("writes the document, its section tree, figures and an audit record", async () => {
    const outcome = await importDocument(t.db, { fileName: "004.txt", bytes: report });
    expect(outcome).toMatchObject({ status: "imported", version: 1 });
    const doc = await t.db.sourceDocument.findUniqueOrThrow({
      where: { id: outcome.documentId },
      include: { department: true },
    });
    expect(doc).toMatchObject({
      kind: "council_report",
      documentKey: "council-report:secretariat:2017-10-18",
      presenter: "陳瓊華",
      councilSession: expect.stringMatching(/第 ?2 ?屆第 ?6 ?次定期大會/u),
      parserVersion: PARSER_VERSION,
    });
    expect(doc.department?.nameZh).toBe("秘書處");
    expect(doc.periodFrom?.toISOString().slice(0, 10)).toBe("2017-02-16");
    expect(doc.periodTo?.toISOString().slice(0, 10)).toBe("2017-07-31");
    expect(doc.presentedOn?.toISOString().slice(0, 10)).toBe("2017-10-18");

    const nodes = await t.db.planNode.count({ where: { documentId: doc.id } });
    const figures = await t.db.reportFigure.count({ where: { documentId: doc.id } });
    expect(outcome.counts).toMatchObject({ nodes, figures });
    expect(nodes).toBeGreaterThan(50);
    expect(figures).toBeGreaterThan(50);
    // Every node inherits the report's department and cites real lines of the file.
    const strays = await t.db.planNode.count({
      where: { documentId: doc.id, OR: [{ departmentId: null }, { lineTo: { gt: doc.lineCount } }] },
    });
    expect(strays).toBe(0);
    expect(await t.db.auditEvent.findFirst({ where: { action: "document.import" } })).toMatchObject({
      entityType: "SourceDocument",
      entityId: String(doc.id),
    });
  });

  it("is idempotent by checksum: the same file twice changes nothing", async () => {
    const before = await snapshot(t.db);
    const again = await importDocument(t.db, { fileName: "renamed.txt", bytes: report });
    expect(again.status).toBe("unchanged");
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("takes a corrected file as the next version, keeping nodes and the progress staff wrote on them", async () => {
    const doc = await t.db.sourceDocument.findFirstOrThrow({ select: { id: true } });
    const nodes = await t.db.planNode.findMany({
      where: { documentId: doc.id, kind: "point" },
      orderBy: { lineFrom: "asc" },
      select: { id: true, stableKey: true, text: true, lineFrom: true, lineTo: true },
    });
    const kept = nodes[0];
    const dropped = nodes.at(-1);
    if (!kept || !dropped) throw new Error("the report should have points");
    const keptEntry = await addProgress(t.db, kept.id, "kept");
    const droppedEntry = await addProgress(t.db, dropped.id, "on a point the correction removes");

    // The correction: the last point's lines are removed; everything else stays.
    const lines = report.toString("utf8").split("\n");
    lines.splice(dropped.lineFrom - 1, dropped.lineTo - dropped.lineFrom + 1);
    const outcome = await importDocument(t.db, {
      fileName: "004-corrected.txt",
      bytes: Buffer.from(lines.join("\n")),
    });

    expect(outcome).toMatchObject({ status: "updated", documentId: doc.id, version: 2 });
    expect(await t.db.sourceDocument.count()).toBe(1);
    expect(await t.db.planNode.findUnique({ where: { id: kept.id } })).toMatchObject({
      stableKey: kept.stableKey,
      retiredAt: null,
    });
    // Staff work is never lost: the dropped point stays, retired, with its entry.
    expect((await t.db.planNode.findUniqueOrThrow({ where: { id: dropped.id } })).retiredAt).toBeInstanceOf(
      Date,
    );
    expect(
      await t.db.progressEntry.findMany({ orderBy: { id: "asc" }, select: { id: true, nodeId: true } }),
    ).toEqual([
      { id: keptEntry.id, nodeId: kept.id },
      { id: droppedEntry.id, nodeId: dropped.id },
    ]);
    expect(outcome.counts?.retiredNodes).toBe(1);
  });

  it("re-reads a file an older parser imported, without making it a new version", async () => {
    const doc = await t.db.sourceDocument.findFirstOrThrow({
      select: { id: true, checksum: true, version: true },
    });
    await t.db.sourceDocument.update({ where: { id: doc.id }, data: { parserVersion: 0 } });
    const current = await t.db.sourceDocument.findFirstOrThrow({ select: { rawText: true } });
    const outcome = await importDocument(t.db, { fileName: "same.txt", bytes: Buffer.from(current.rawText) });
    expect(outcome).toMatchObject({ status: "updated", documentId: doc.id, version: doc.version });
    expect((await t.db.sourceDocument.findFirstOrThrow()).parserVersion).toBe(PARSER_VERSION);
  });
});

describe("warnings in the audit record", () => {
  it("are stored as codes with parameters and read back in either language", async () => {
    const text = ["高雄市政府秘書處業務報告", "壹、國際事務", "一、辦理城市交流 5 場。"].join("\n");
    const outcome = await importDocument(t.db, { fileName: "headless.txt", bytes: Buffer.from(text) });
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { entityType: "SourceDocument", entityId: String(outcome.documentId) },
      orderBy: { id: "desc" },
    });
    const warnings = (audit.after as { warnings: unknown[] }).warnings;
    expect(warnings).toEqual([
      { code: "reportDateMissing", params: {} },
      { code: "reportPresenterMissing", params: {} },
      { code: "reportSessionMissing", params: {} },
    ]);
    expect(warnings.map((w) => describeStoredWarning(w, workspaceZhHant.upload.problems))).toContain(
      "表頭沒有報告人（報告人：…）。",
    );
    expect(warnings.map((w) => describeStoredWarning(w, workspaceEn.upload.problems))).toContain(
      "No presenter (報告人：…) was found in the header.",
    );
  });
});

describe("bad input leaves the database exactly as it was", () => {
  it.each([
    ["plain prose", Buffer.from("今天天氣很好。\n明天再說。\n"), "unknownKind"],
    ["an empty file", new Uint8Array(), "emptyText"],
    ["Latin-1 bytes", Buffer.from([0x68, 0xe9, 0x6c, 0x6c, 0x6f]), "notUtf8"],
    ["random bytes", Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), "notUtf8"],
    // Issue 14: read by the dry run, but the portal cannot store them (yet) or does not serve that city.
    [
      "a budget open-data table",
      Buffer.from("year,amount,depname,category,name\n2016,1000000,高雄市政府工務局,工程管理,道路養護\n"),
      "budgetBookNotImportable",
    ],
    [
      "another city's report",
      Buffer.from(
        "臺北市政府工務局業務報告\n日期：105 年 3 月 8 日\n報告人：局長 王大明\n壹、成果\n一、完成 1 件。\n貳、展望\n一、再 2 件。\n",
      ),
      "cityOther",
    ],
  ])("rejects %s with a reason", async (_name, bytes, code) => {
    const before = await snapshot(t.db);
    const attempt = importDocument(t.db, { fileName: "bad.txt", bytes });
    await expect(attempt).rejects.toThrow(ImportRejectedError);
    await expect(attempt).rejects.toMatchObject({ fileName: "bad.txt", rejection: { code } });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("rolls back everything when saving fails part-way (nodes written, budget lines not)", async () => {
    const read = readDocumentFile({
      fileName: "002.txt",
      bytes: readFileSync("seeds/002_edb18fdb8a68a56c.txt"),
    });
    const [first] = read.parsed.budgetLines;
    if (!first) throw new Error("the plan should have budget lines");
    // Two lines with one key violate a unique index only after every node has been written.
    const broken = { ...read.parsed, budgetLines: [...read.parsed.budgetLines, { ...first, children: [] }] };
    const before = await snapshot(t.db);
    await expect(saveParsedDocument(t.db, { ...read, parsed: broken, importedById: null })).rejects.toThrow();
    expect(await snapshot(t.db)).toEqual(before);
  });
});
