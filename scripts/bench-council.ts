/**
 * Council read models' latency: `getDepartmentReport` (the Secretariat, 2018) and
 * `compareDepartmentPeriods` (the Secretariat, 2017 → 2018), 20 timed runs each after 3 warm-ups,
 * p50 / p95 / max, on
 *  - the seeded database (the five seeds, plus quarterly progress entries on every Secretariat item),
 *  - a synthetic one: the same with 30 yearly copies of the Secretariat's plan (seed 002) and council
 *    report (seed 004), imported through importDocument with every ROC year moved, and their items'
 *    progress entries,
 * each on PostgreSQL (a scratch database on DATABASE_URL's server, or 127.0.0.1:5432) and on the
 * embedded PGlite (in memory). Prints figures; asserts nothing.
 *
 * The read models are marked server-only, so run it under the react-server condition:
 *   tsx --conditions=react-server scripts/bench-council.ts [--db both|postgres|embedded] [--years 30] [--runs 20]
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { SessionUser } from "@/lib/auth/permissions";
import { compareDepartmentPeriods, getDepartmentReport } from "@/lib/council/read-models";
import { createDatabase, dropDatabase, scratchDatabaseName } from "@/lib/db/admin";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { ACCOUNTABLE_KINDS } from "@/lib/domain/nodes";
import { planYears, yearsOf } from "@/lib/domain/plan-years";
import { readEnv } from "@/lib/env";
import type { ProgressStatus } from "@/lib/generated/prisma/enums";
import { importDocument } from "@/lib/import/import-document";
import { seedDatabase } from "@/lib/import/seed";
import { refreshSuggestedLinks } from "@/lib/links/refresh";
import { runMain } from "./cli";
import { percentile, reachable } from "./bench-support";

const DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";
const PLAN_SEED = "seeds/002_edb18fdb8a68a56c.txt"; // 秘書處 107 年度施政計畫提要 (2018)
const REPORT_SEED = "seeds/004_b174b36ac3a2c4d9.txt"; // 秘書處業務報告, period ending 2017-07-31
const WARM_UP = 3;
const SLUG = "secretariat";
const YEAR = 2018;
const PREVIOUS = 2017;

/** The councillor the read models are asked as: they look at the role only. */
const COUNCILLOR: SessionUser = {
  id: 0,
  email: "bench@example.test",
  name: "bench",
  role: "councillor",
  departments: [],
  secondFactor: "not-required",
};

/** The same text `delta` years later: "106 年", "107 年度" and "106.7.1" move; other numbers stay. */
function shiftRocYears(text: string, delta: number): string {
  return text.replace(/(?<![\d.,])(\d{2,3})(?=[ ]*年|\.\d{1,2}\.\d{1,2})/gu, (whole, digits: string) => {
    const year = Number(digits);
    return year >= 80 && year <= 150 ? String(year + delta) : whole;
  });
}

/** A small deterministic generator (mulberry32): the same progress on every run and database. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seeds' Secretariat plan and report, once per year around the seeds' own (which stay as they are). */
async function addYearlyCopies(db: Db, years: number): Promise<{ imported: number; seconds: number }> {
  const plan = readFileSync(PLAN_SEED, "utf8");
  const report = readFileSync(REPORT_SEED, "utf8");
  const first = -Math.floor(years / 2);
  const start = performance.now();
  let imported = 0;
  for (let delta = first; delta < first + years; delta++) {
    if (delta === 0) continue; // the seeds themselves
    for (const [name, text] of [
      ["plan", plan],
      ["report", report],
    ] as const) {
      const outcome = await importDocument(
        db,
        { fileName: `bench-${name}-${delta}.txt`, bytes: Buffer.from(shiftRocYears(text, delta)) },
        { refreshLinks: false },
      );
      if (outcome.status === "unchanged") throw new Error(`copy ${name} ${delta} was not imported`);
      imported += 1;
    }
  }
  await refreshSuggestedLinks(db);
  // A copy whose years did not move would have become a new version of another year's document.
  const plans = await db.sourceDocument.count({
    where: { kind: "department_plan", department: { slug: SLUG } },
  });
  if (plans !== years) throw new Error(`expected ${years} yearly plans, found ${plans}`);
  return { imported, seconds: (performance.now() - start) / 1000 };
}

const STATUSES: ProgressStatus[] = [
  "on_track",
  "on_track",
  "on_track",
  "delayed",
  "completed",
  "not_started",
];

/** Quarterly entries for every year each Secretariat item's plan covers, for items that have none yet. */
async function addProgress(db: Db, authorId: number, seed: number): Promise<number> {
  const items = await db.planNode.findMany({
    where: {
      kind: { in: ACCOUNTABLE_KINDS },
      department: { slug: SLUG },
      progressEntries: { none: {} },
    },
    select: { id: true, document: { select: { rocYearFrom: true, rocYearTo: true } } },
  });
  const next = random(seed);
  const rows = items.flatMap((item) => {
    const out = [];
    for (const year of yearsOf(planYears(item.document))) {
      for (let quarter = 1; quarter <= 4; quarter++) {
        out.push({
          nodeId: item.id,
          periodYear: year,
          periodQuarter: quarter,
          periodFrom: new Date(Date.UTC(year, (quarter - 1) * 3, 1)),
          periodTo: new Date(Date.UTC(year, quarter * 3, 0)),
          status: STATUSES[Math.floor(next() * STATUSES.length)] ?? "on_track",
          percent: Math.min(100, quarter * 25),
          narrative: `第 ${quarter} 季辦理情形：依計畫期程推動，持續追蹤執行進度並檢討改善。`.repeat(3),
          authorId,
          withdrawnAt: next() < 0.05 ? new Date() : null,
        });
      }
    }
    return out;
  });
  for (let i = 0; i < rows.length; i += 1000) {
    await db.progressEntry.createMany({ data: rows.slice(i, i + 1000) });
  }
  return rows.length;
}

type Timing = { p50: number; p95: number; max: number };
const summarise = (samples: number[]): Timing => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? Number.NaN };
};

type Row = {
  database: string;
  corpus: string;
  documents: number;
  items: number;
  entries: number;
  report: Timing;
  compare: Timing;
  both: Timing;
  check: string;
};

async function measure(db: Db, database: string, corpus: string, runs: number): Promise<Row> {
  const once = async () => {
    const t0 = performance.now();
    const report = await getDepartmentReport(db, COUNCILLOR, SLUG, YEAR);
    const t1 = performance.now();
    const comparison = await compareDepartmentPeriods(db, COUNCILLOR, SLUG, PREVIOUS, YEAR);
    const t2 = performance.now();
    if (!report || !comparison) throw new Error("the Secretariat is missing");
    return { report: t1 - t0, compare: t2 - t1, result: { report, comparison } };
  };
  for (let i = 0; i < WARM_UP; i++) await once();
  const samples: Array<{ report: number; compare: number }> = [];
  let last: Awaited<ReturnType<typeof once>>["result"] | undefined;
  for (let i = 0; i < runs; i++) {
    const { result, ...times } = await once();
    samples.push(times);
    last = result;
  }
  const check = last
    ? `${last.report.items.length} items, budget ${last.report.budget?.total ?? "–"}, ` +
      `${last.comparison.figures.onlyA} figures only in ${PREVIOUS}`
    : "";
  return {
    database,
    corpus,
    documents: await db.sourceDocument.count(),
    items: await db.planNode.count({ where: { kind: { in: ACCOUNTABLE_KINDS } } }),
    entries: await db.progressEntry.count(),
    report: summarise(samples.map((s) => s.report)),
    compare: summarise(samples.map((s) => s.compare)),
    both: summarise(samples.map((s) => s.report + s.compare)),
    check,
  };
}

/** Seeds, measures, adds the yearly copies, measures again. */
async function run(database: string, url: string, poolMax: number, years: number, runs: number) {
  const db = createPrismaClient({ url, poolMax });
  try {
    const seed = await seedDatabase(db, "seeds");
    if (seed.failed.length > 0) throw new Error(`seeding failed: ${JSON.stringify(seed.failed)}`);
    const author = await db.user.create({
      data: { email: "bench-staff@example.test", name: "bench", role: "staff", passwordHash: "unused" },
      select: { id: true },
    });
    await addProgress(db, author.id, 1);
    const rows = [await measure(db, database, "seeded", runs)];
    console.log(`${database}: importing ${years - 1} more years of the Secretariat's plan and report …`);
    const copies = await addYearlyCopies(db, years);
    await addProgress(db, author.id, 2);
    await db.$executeRaw`ANALYZE`;
    console.log(`${database}: ${copies.imported} documents imported in ${copies.seconds.toFixed(1)} s`);
    rows.push(await measure(db, database, `${years} years`, runs));
    return rows;
  } finally {
    await db.$disconnect();
  }
}

async function onPostgres(serverUrl: string, years: number, runs: number): Promise<Row[]> {
  const name = scratchDatabaseName("kpt_bench_council");
  const url = await createDatabase(serverUrl, name);
  try {
    await applyMigrations(url);
    return await run("PostgreSQL", url, 4, years, runs);
  } finally {
    await dropDatabase(serverUrl, name);
  }
}

async function onEmbedded(years: number, runs: number): Promise<Row[]> {
  const embedded = await startEmbeddedDatabase({ memory: true });
  try {
    await applyMigrations(embedded.url);
    return await run("embedded (PGlite)", embedded.url, 1, years, runs);
  } finally {
    await embedded.close();
  }
}

function printTable(rows: Row[], runs: number): void {
  const ms = (t: Timing) => `${t.p50.toFixed(1)} / ${t.p95.toFixed(1)} / ${t.max.toFixed(1)}`;
  const header = ["database", "corpus", "documents", "items", "entries", "report", "compare", "both"];
  const body = rows.map((r) => [
    r.database,
    r.corpus,
    String(r.documents),
    String(r.items),
    String(r.entries),
    ms(r.report),
    ms(r.compare),
    ms(r.both),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  console.log(`\n${line(header)}\n|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const b of body) console.log(line(b));
  console.log(
    `\nms p50 / p95 / max over ${runs} runs after ${WARM_UP} warm-ups: getDepartmentReport(${SLUG}, ${YEAR}), ` +
      `compareDepartmentPeriods(${SLUG}, ${PREVIOUS}, ${YEAR}), and the two in sequence.`,
  );
  for (const r of rows) console.log(`${r.database}, ${r.corpus}: ${r.check}`);
}

runMain(async () => {
  const { values } = parseArgs({
    options: {
      db: { type: "string", default: "both" },
      years: { type: "string", default: "30" },
      runs: { type: "string", default: "20" },
    },
  });
  const years = Number(values.years);
  const runs = Number(values.runs);
  if (!Number.isInteger(years) || years < 1 || years > 60) throw new Error("--years takes 1 to 60");
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs takes a whole number");
  if (!["both", "postgres", "embedded"].includes(values.db)) {
    throw new Error("--db takes both, postgres or embedded");
  }
  const rows: Row[] = [];
  if (values.db !== "embedded") {
    const serverUrl = readEnv().DATABASE_URL ?? DEFAULT_SERVER;
    if (await reachable(serverUrl)) rows.push(...(await onPostgres(serverUrl, years, runs)));
    else console.log(`(no PostgreSQL at ${serverUrl}; set DATABASE_URL to measure one)`);
  }
  if (values.db !== "postgres") rows.push(...(await onEmbedded(years, runs)));
  printTable(rows, runs);
});
