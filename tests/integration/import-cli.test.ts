import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ParseWarning, toPublicJson } from "@/lib/ingest";
import { checksumOf, readDocumentFile } from "@/lib/import/import-document";
import { readDocumentBytes } from "@/lib/import/document-file";
import { printTextToPdf } from "../support/print-pdf";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/** The 2017 Secretariat report printed to a PDF, once for the file. */
const REPORT = "seeds/004_b174b36ac3a2c4d9.txt";
let pdfDir: string;
let pdfPath: string;
let pdfBytes: Uint8Array;
beforeAll(async () => {
  pdfDir = mkdtempSync(join(tmpdir(), "import-cli-"));
  pdfPath = join(pdfDir, "report.pdf");
  pdfBytes = await printTextToPdf(readFileSync(REPORT, "utf8"));
  writeFileSync(pdfPath, pdfBytes);
}, 60_000);
afterAll(() => {
  rmSync(pdfDir, { recursive: true, force: true });
});

/** Asynchronous on purpose: an embedded test database is served by this very process. */
function cli(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "scripts/import.ts", ...args],
      { encoding: "utf8", env: { ...process.env, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

type JsonNode = {
  kind: string;
  number?: string;
  title?: string;
  text?: string;
  lines: [number, number];
  children: JsonNode[];
};

describe("npm run import -- --dry-run --json", () => {
  it.each([
    ["seeds/000_7edc6d043e517ca0.txt", "policy-outline", "goal", { from: "2013-01-01", to: "2013-12-31" }],
    ["seeds/001_cf916e88195360de.txt", "mid-term-plan", "goal", { from: "2023-01-01", to: "2026-12-31" }],
    [
      "seeds/002_edb18fdb8a68a56c.txt",
      "department-plan",
      "key-point",
      { from: "2018-01-01", to: "2018-12-31" },
    ],
    ["seeds/004_b174b36ac3a2c4d9.txt", "council-report", "section", { from: "2017-02-16", to: "2017-07-31" }],
  ])("prints %s as %s JSON without a database", async (file, kind, firstNodeKind, period) => {
    // A database URL nothing listens on: a dry run must not need one.
    const { code, stdout } = await cli(["--dry-run", "--json", file], {
      DATABASE_URL: "postgresql://x@127.0.0.1:9/none",
    });
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as {
      kind: string;
      title: string;
      period: unknown;
      nodes: JsonNode[];
      budgetLines: Array<{ name: string; amountThousand: number; children: unknown[] }>;
      metrics: Array<{ value: number; unit: string; text: string }>;
      warnings: Array<{ code: string; params: Record<string, unknown>; message: string }>;
    };
    expect(doc).toMatchObject({ kind, period, warnings: [] });
    expect(doc.title).toMatch(/\S/u);
    const first = doc.nodes[0];
    expect(first?.kind).toBe(firstNodeKind);
    expect(first?.lines[0]).toBeLessThanOrEqual(first?.lines[1] ?? 0);
    expect(first?.title ?? first?.text).toMatch(/\S/u);
    if (kind === "department-plan") {
      expect(doc.budgetLines[0]).toMatchObject({ name: "合計", amountThousand: 330_433 });
    }
    if (kind === "council-report") {
      expect(doc.metrics.length).toBeGreaterThan(10);
      expect(doc.metrics[0]).toEqual({
        value: expect.any(Number),
        unit: expect.any(String),
        text: expect.any(String),
        // Issue 14: every figure says where it was printed.
        lines: [expect.any(Number), expect.any(Number)],
      });
    }
  });

  it("exits 1 with the reason on stderr for a document it cannot read", async () => {
    const { code, stdout, stderr } = await cli(["--dry-run", "--json", "package.json"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/package\.json: .*施政綱要/u);
    expect(JSON.parse(stdout)).toEqual([]);
  });

  it("reads a PDF's text layer exactly as the upload page does", async () => {
    const { code, stdout } = await cli(["--dry-run", "--json", pdfPath], {
      DATABASE_URL: "postgresql://x@127.0.0.1:9/none",
    });
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as Omit<ReturnType<typeof toPublicJson>, "nodes" | "warnings"> & {
      nodes: JsonNode[];
      warnings: Array<ParseWarning & { message: string }>;
    };
    const uploaded = toPublicJson(readDocumentFile(await readDocumentBytes("report.pdf", pdfBytes)).parsed);
    expect({ ...printed, warnings: printed.warnings.map(({ code, params }) => ({ code, params })) }).toEqual(
      uploaded,
    );
    expect(printed).toMatchObject({ kind: "council-report", department: "secretariat" });
    const count = (nodes: JsonNode[]): number => nodes.reduce((n, x) => n + 1 + count(x.children), 0);
    expect(count(printed.nodes)).toBeGreaterThan(50);
    expect(printed.metrics.length).toBeGreaterThan(10);
  });

  it("refuses a PDF without a text layer, saying why", async () => {
    for (const args of [["--dry-run"], ["--dry-run", "--json"]]) {
      const { code, stderr } = await cli([...args, "tests/fixtures/blank-page.pdf"], {
        DATABASE_URL: "postgresql://x@127.0.0.1:9/none",
      });
      expect(code).toBe(1);
      expect(stderr).toMatch(/✗ blank-page\.pdf: The PDF has no text layer \(a scan\?\)/u);
    }
  });

  it("prints warnings in English, with their codes in JSON", async () => {
    const text = ["高雄市政府秘書處業務報告", "壹、國際事務", "一、辦理城市交流 5 場。"].join("\n");
    const file = join(pdfDir, "headless.txt");
    writeFileSync(file, text);
    const plain = await cli(["--dry-run", file], { DATABASE_URL: "postgresql://x@127.0.0.1:9/none" });
    expect(plain.stdout).toContain("  ! No presenter (報告人：…) was found in the header.");
    const json = await cli(["--dry-run", "--json", file], {
      DATABASE_URL: "postgresql://x@127.0.0.1:9/none",
    });
    expect((JSON.parse(json.stdout) as { warnings: unknown[] }).warnings).toContainEqual({
      code: "reportPresenterMissing",
      params: {},
      message: "No presenter (報告人：…) was found in the header.",
    });
  });

  it("explains how to call it when no file is named or an option is unknown", async () => {
    expect((await cli([])).stderr).toMatch(/Name at least one file to import\. Usage: npm run import/u);
    const unknown = await cli(["--force", "seeds/001_cf916e88195360de.txt"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Unknown option '--force'/u);
  });
});

describe("npm run import", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.dispose();
  });

  it("imports the files it can, reports the one it cannot, and exits 1", async () => {
    await t.db.$disconnect(); // the embedded database takes one connection at a time: the CLI's
    const { code, stdout, stderr } = await cli(["seeds/001_cf916e88195360de.txt", "missing.txt"], {
      DATABASE_URL: t.url,
    });
    expect(stderr).toMatch(/missing\.txt: cannot read the file \(no such file\)/u);
    expect(stdout).toMatch(/✓ seeds\/001_cf916e88195360de\.txt: imported/u);
    expect(code).toBe(1);
    expect(await t.db.sourceDocument.count()).toBe(1);
  });

  it("imports a PDF as the upload page would: the same text, so the same checksum", async () => {
    await t.db.$disconnect();
    const { code, stdout, stderr } = await cli([pdfPath, "tests/fixtures/blank-page.pdf"], {
      DATABASE_URL: t.url,
    });
    expect(stdout).toMatch(/✓ .*report\.pdf: imported, 高雄市政府秘書處業務報告, version 1/u);
    expect(stderr).toMatch(/blank-page\.pdf: The PDF has no text layer/u);
    expect(code).toBe(1);
    const upload = await readDocumentBytes("report.pdf", pdfBytes);
    const stored = await t.db.sourceDocument.findUniqueOrThrow({
      where: { checksum: checksumOf(upload.bytes) },
      select: { fileName: true, kind: true, rawText: true },
    });
    expect(stored).toMatchObject({ fileName: "report.pdf", kind: "council_report" });
    expect(stored.rawText).toBe(new TextDecoder().decode(upload.bytes));
    expect(await t.db.sourceDocument.count()).toBe(2);
  });
});
