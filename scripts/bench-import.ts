/**
 * `npm run bench:import`: parse-only throughput (MB/s) and full import time, for the five seeds and
 * for a synthetic corpus 100× their size, on the embedded database and, when DATABASE_URL is set,
 * on that PostgreSQL server (in a scratch database). Prints figures; asserts nothing.
 *   BENCH_COPIES=20 npm run bench:import   # a smaller corpus
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createDatabase, dropDatabase, scratchDatabaseName } from "@/lib/db/admin";
import { createPrismaClient } from "@/lib/db/client";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { parseChineseNumeral, parseDocument } from "@/lib/ingest";
import { syncDepartments } from "@/lib/import/departments";
import { importDocument } from "@/lib/import/import-document";
import { readEnv } from "@/lib/env";
import { runMain } from "./cli";

const COPIES = Number(process.env.BENCH_COPIES ?? 100);
const CJK_DIGITS = "○一二三四五六七八九";

type File = { fileName: string; bytes: Buffer };

const seeds: File[] = readdirSync("seeds")
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((fileName) => ({ fileName, bytes: readFileSync(join("seeds", fileName)) }));

/** The same document `delta` years later: every ROC year (digits, spaced digits or 一○二) moves. */
function shiftYears(text: string, delta: number): string {
  // NFKC first: seed 000 writes 年 as a CJK compatibility ideograph.
  return text
    .normalize("NFKC")
    .replace(/(\d(?:[ ]?\d){1,2})([ ]*年)/gu, (whole, digits: string, rest: string) => {
      const year = Number(digits.replaceAll(" ", ""));
      return year >= 60 && year <= 199 ? `${year + delta}${rest}` : whole;
    })
    .replace(/([○〇一二三四五六七八九]{3})(?=年)/gu, (whole, numeral: string) => {
      const year = parseChineseNumeral(numeral.replaceAll("〇", "○"));
      if (year === null || year < 60) return whole;
      return String(year + delta)
        .split("")
        .map((d) => CJK_DIGITS[Number(d)])
        .join("");
    });
}

function syntheticCorpus(): File[] {
  const out: File[] = [];
  for (let i = 1; i <= COPIES; i++) {
    for (const seed of seeds) {
      out.push({
        fileName: `${i}-${seed.fileName}`,
        bytes: Buffer.from(shiftYears(seed.bytes.toString("utf8"), i)),
      });
    }
  }
  return out;
}

function megabytes(files: File[]): number {
  return files.reduce((n, f) => n + f.bytes.length, 0) / 1e6;
}

function benchParse(label: string, files: File[], rounds: number): void {
  const texts = files.map((f) => f.bytes.toString("utf8"));
  for (const t of texts.slice(0, 5)) parseDocument(t); // warm up
  const start = performance.now();
  for (let r = 0; r < rounds; r++) for (const t of texts) parseDocument(t);
  const seconds = (performance.now() - start) / 1000;
  const mb = megabytes(files) * rounds;
  console.log(
    `parse  ${label.padEnd(28)} ${mb.toFixed(1).padStart(7)} MB in ${seconds.toFixed(2)} s = ${(mb / seconds).toFixed(2)} MB/s`,
  );
}

async function benchImport(label: string, url: string, poolMax: number, files: File[]): Promise<void> {
  const db = createPrismaClient({ url, poolMax });
  try {
    await syncDepartments(db);
    const start = performance.now();
    for (const file of files) await importDocument(db, file);
    const seconds = (performance.now() - start) / 1000;
    const [documents, nodes, figures] = await Promise.all([
      db.sourceDocument.count(),
      db.planNode.count(),
      db.reportFigure.count(),
    ]);
    console.log(
      `import ${label.padEnd(28)} ${files.length} files (${megabytes(files).toFixed(1)} MB) in ${seconds.toFixed(2)} s ` +
        `→ ${documents} documents, ${nodes} nodes, ${figures} figures`,
    );
  } finally {
    await db.$disconnect();
  }
}

async function onEmbedded(label: string, files: File[]): Promise<void> {
  const embedded = await startEmbeddedDatabase({ memory: true });
  try {
    await applyMigrations(embedded.url);
    await benchImport(`${label}, embedded`, embedded.url, 1, files);
  } finally {
    await embedded.close();
  }
}

async function onPostgres(serverUrl: string, label: string, files: File[]): Promise<void> {
  const name = scratchDatabaseName("kpt_bench");
  const url = await createDatabase(serverUrl, name);
  try {
    await applyMigrations(url);
    await benchImport(`${label}, PostgreSQL`, url, 4, files);
  } finally {
    await dropDatabase(serverUrl, name);
  }
}

runMain(async () => {
  const corpus = syntheticCorpus();
  console.log(
    `Seeds: ${seeds.length} files, ${megabytes(seeds).toFixed(2)} MB; corpus: ${corpus.length} files, ${megabytes(corpus).toFixed(1)} MB`,
  );
  benchParse("seeds ×20 rounds", seeds, 20);
  benchParse(`corpus (${COPIES}× seeds)`, corpus, 1);

  await onEmbedded("seeds", seeds);
  await onEmbedded(`corpus (${COPIES}×)`, corpus);
  const { DATABASE_URL } = readEnv();
  if (DATABASE_URL) {
    await onPostgres(DATABASE_URL, "seeds", seeds);
    await onPostgres(DATABASE_URL, `corpus (${COPIES}×)`, corpus);
  } else {
    console.log("(set DATABASE_URL to a PostgreSQL server to measure it too)");
  }
});
