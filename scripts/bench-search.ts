/**
 * `npm run bench:search`: search latency on a synthetic corpus. Imports the five seeds, adds
 * synthetic documents whose nodes are sentences recombined from the seeds' own clauses (so words
 * keep their real frequencies), indexes them with the real indexer, then times 50 typical queries
 * through `search()` (SQL, facets, highlighting): p50 / p95 / max, on the real PostgreSQL (a scratch
 * database on DATABASE_URL's server, or 127.0.0.1:5432) and on the embedded one. Prints figures;
 * asserts nothing.
 *   npm run bench:search -- --nodes 20000          # a smaller corpus (default 200000)
 *   npm run bench:search -- --db postgres|embedded # one database only
 *   npm run bench:search -- --keep                  # keep the PostgreSQL scratch database (EXPLAIN it)
 */
import { parseArgs } from "node:util";
import { createDatabase, dropDatabase, scratchDatabaseName } from "@/lib/db/admin";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { readEnv } from "@/lib/env";
import { seedDatabase } from "@/lib/import/seed";
import { rebuildSearchIndexForDocument } from "@/lib/search/indexing";
import { search } from "@/lib/search/query";
import { searchInput } from "@/lib/search/schemas";
import { runMain } from "./cli";
import { percentile, reachable } from "./bench-support";

const DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";
const NODES_PER_DOCUMENT = 2000;
const ROUNDS = 3;

/** Typical queries: topics, names, a number, Simplified spellings, two-word queries, one phrase. */
const QUERIES = [
  "捷運",
  "社會住宅",
  "長照",
  "1999",
  "輕軌",
  "觀光",
  "預算",
  "捷运",
  "长照",
  "观光",
  "社会住宅",
  '"社會住宅"',
  "高雄",
  "市政府",
  "自行車道",
  "公共運輸",
  "文化",
  "教育",
  "環保",
  "空氣品質",
  "淨零",
  "減碳",
  "防災",
  "治安",
  "交通",
  "托育",
  "青年",
  "就業",
  "農業",
  "海洋",
  "港灣",
  "污水",
  "水利",
  "道路",
  "公園",
  "圖書館",
  "運動中心",
  "資訊",
  "行政中心",
  "議會",
  "話務中心",
  "原住民",
  "客家",
  "醫療",
  "老人",
  "身心障礙",
  "捷運 輕軌",
  "觀光 行銷",
  "社會住宅 租金補貼",
  "MeNGo",
] as const;

/** A small deterministic generator (mulberry32): the same corpus on every run and database. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = ["agenda_item", "point", "key_point", "strategy", "section", "program"] as const;

/** Synthetic documents of NODES_PER_DOCUMENT nodes each, inserted in bulk, then indexed. */
async function addSyntheticCorpus(db: Db, nodes: number): Promise<{ documents: number; seconds: number }> {
  // Clauses keep the department of the item they came from, so a department's name (indexed as
  // context) mostly goes with text about its subject, as in real documents.
  const sources = await db.planNode.findMany({ select: { text: true, departmentId: true } });
  const departments = (await db.department.findMany({ select: { id: true } })).map((d) => d.id);
  const clauses = sources.flatMap((s) =>
    s.text
      .normalize("NFKC")
      .split(/[,，。;；:：、\n]/u)
      .map((c) => c.trim())
      .filter((c) => c.length >= 4 && c.length <= 60)
      .map((text) => ({ text, departmentId: s.departmentId })),
  );
  const next = random(20261122);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;

  const start = performance.now();
  let documents = 0;
  for (let made = 0; made < nodes; made += NODES_PER_DOCUMENT) {
    const count = Math.min(NODES_PER_DOCUMENT, nodes - made);
    const rocYear = 100 + Math.floor(next() * 16);
    const documentId = await db.$transaction(async (tx) => {
      const [doc] = await tx.$queryRaw<Array<{ id: number }>>`
        INSERT INTO "SourceDocument" ("kind", "title", "documentKey", "checksum", "fileName", "rocYearFrom",
          "rocYearTo", "rawText", "lineCount", "parserVersion", "updatedAt")
        VALUES ('council_report', ${`合成文件 ${documents + 1}`}, ${`bench:${documents + 1}`},
          ${`bench-${documents + 1}`}, 'bench.txt', ${rocYear}::int, ${rocYear}::int, '', 0, 9999, now())
        RETURNING id`;
      if (!doc) throw new Error("could not create a synthetic document");
      const rows = Array.from({ length: count }, (_, i) => {
        const parts = Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(clauses));
        const hasTitle = next() < 0.3;
        return {
          kind: pick(KINDS),
          title: hasTitle ? (parts[0]?.text ?? null) : null,
          text: `${parts.map((p) => p.text).join("，")}。`,
          departmentId: parts[0]?.departmentId ?? pick(departments),
          position: i,
        };
      });
      await tx.$executeRaw`
        INSERT INTO "PlanNode" ("documentId", "kind", "position", "depth", "stableKey", "title", "text",
          "departmentId", "lineFrom", "lineTo", "updatedAt")
        SELECT ${doc.id}::int, t.kind::"NodeKind", t.position, 0, 'n' || t.position, t.title, t.text,
          t.department_id, 1, 1, now()
        FROM unnest(${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.position)}::int[],
          ${rows.map((r) => r.title)}::text[], ${rows.map((r) => r.text)}::text[],
          ${rows.map((r) => r.departmentId)}::int[]) AS t(kind, position, title, text, department_id)`;
      await rebuildSearchIndexForDocument(tx, doc.id);
      return doc.id;
    });
    documents += 1;
    if (documents % 20 === 0) {
      process.stdout.write(`  … ${made + count} nodes (document ${documentId})\n`);
    }
  }
  return { documents, seconds: (performance.now() - start) / 1000 };
}

type Row = {
  database: string;
  nodes: number;
  entries: number;
  indexSeconds: number;
  p50: number;
  p95: number;
  max: number;
  slowest: string;
  /** Median per query, slowest first. */
  perQuery: Array<{ q: string; ms: number; total: number }>;
};

async function measure(label: string, url: string, poolMax: number, nodes: number): Promise<Row> {
  const db = createPrismaClient({ url, poolMax });
  try {
    const seed = await seedDatabase(db, "seeds");
    if (seed.failed.length > 0) throw new Error(`seeding failed: ${JSON.stringify(seed.failed)}`);
    console.log(`${label}: adding ${nodes} synthetic nodes …`);
    const built = await addSyntheticCorpus(db, nodes);
    await db.$executeRaw`ANALYZE "SearchEntry"`;
    const entries = await db.searchEntry.count();
    console.log(`${label}: ${entries} index entries, indexed in ${built.seconds.toFixed(1)} s`);

    const inputs = QUERIES.map((q) => searchInput.parse({ q }));
    for (const input of inputs) await search(db, input); // warm up caches and the segmenter
    const samples: Array<{ q: string; ms: number; total: number }> = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const input of inputs) {
        const start = performance.now();
        const result = await search(db, input);
        samples.push({ q: input.q, ms: performance.now() - start, total: result.total });
      }
    }
    const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
    const worst = [...samples].sort((a, b) => b.ms - a.ms)[0];
    const perQuery = inputs
      .map((input) => {
        const times = samples.filter((s) => s.q === input.q).map((s) => s.ms);
        const total = samples.find((s) => s.q === input.q)?.total ?? 0;
        return {
          q: input.q,
          ms: percentile(
            times.sort((a, b) => a - b),
            50,
          ),
          total,
        };
      })
      .sort((a, b) => b.ms - a.ms);
    return {
      database: label,
      nodes: await db.planNode.count(),
      entries,
      indexSeconds: built.seconds,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      max: sorted.at(-1) ?? Number.NaN,
      slowest: worst ? `${worst.q} (${worst.total} hits)` : "",
      perQuery,
    };
  } finally {
    await db.$disconnect();
  }
}

async function onPostgres(serverUrl: string, nodes: number, keep: boolean): Promise<Row> {
  const name = scratchDatabaseName("kpt_bench_search");
  const url = await createDatabase(serverUrl, name);
  try {
    await applyMigrations(url);
    return await measure("PostgreSQL", url, 4, nodes);
  } finally {
    if (keep) console.log(`(kept ${name} for inspection: drop it when done)`);
    else await dropDatabase(serverUrl, name);
  }
}

async function onEmbedded(nodes: number): Promise<Row> {
  const embedded = await startEmbeddedDatabase({ memory: true });
  try {
    await applyMigrations(embedded.url);
    return await measure("embedded (PGlite)", embedded.url, 1, nodes);
  } finally {
    await embedded.close();
  }
}

function printTable(rows: Row[]): void {
  const header = ["database", "nodes", "index entries", "index build", "p50", "p95", "max", "slowest query"];
  const body = rows.map((r) => [
    r.database,
    r.nodes.toLocaleString("en-US"),
    r.entries.toLocaleString("en-US"),
    `${r.indexSeconds.toFixed(1)} s`,
    `${r.p50.toFixed(1)} ms`,
    `${r.p95.toFixed(1)} ms`,
    `${r.max.toFixed(1)} ms`,
    r.slowest,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  console.log(`\n${line(header)}\n|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const b of body) console.log(line(b));
  console.log(`\n${QUERIES.length} queries × ${ROUNDS} rounds after one warm-up round; search() end to end.`);
  for (const r of rows) {
    const top = r.perQuery.slice(0, 8).map((p) => `${p.q} ${p.ms.toFixed(0)} ms (${p.total})`);
    console.log(`${r.database}, slowest medians: ${top.join(" · ")}`);
  }
}

runMain(async () => {
  const { values } = parseArgs({
    options: {
      nodes: { type: "string", default: "200000" },
      db: { type: "string", default: "both" },
      keep: { type: "boolean", default: false },
    },
  });
  const nodes = Number(values.nodes);
  if (!Number.isInteger(nodes) || nodes < 0) throw new Error("--nodes takes a whole number");
  if (!["both", "postgres", "embedded"].includes(values.db)) {
    throw new Error("--db takes both, postgres or embedded");
  }
  const rows: Row[] = [];
  if (values.db !== "embedded") {
    const serverUrl = readEnv().DATABASE_URL ?? DEFAULT_SERVER;
    if (await reachable(serverUrl)) rows.push(await onPostgres(serverUrl, nodes, values.keep));
    else console.log(`(no PostgreSQL at ${serverUrl}; set DATABASE_URL to measure one)`);
  }
  if (values.db !== "postgres") rows.push(await onEmbedded(nodes));
  printTable(rows);
});
