/**
 * Writes through the front door (lib/commands): how long a staff member's save takes, end to end,
 * from raw input to committed audit record and cache tags. Per database (PostgreSQL on
 * DATABASE_URL's server or 127.0.0.1:5432, and the embedded PGlite), after 5 warm-ups, N timed runs:
 *  - progress.create: a new entry on a 秘書處 key point (parse, can() on the node's owner, the
 *    entry, its version, the audit record, the search index, the pages it makes stale);
 *  - progress.update: the next version of that entry;
 *  - refused: the same create by staff of another department (parse, can(), rollback);
 *  - progress.bulk-apply: a 20-row CSV (each row planned, checked and written) in one transaction.
 * Prints p50 / p95 / max in ms; asserts nothing.
 *   npm run bench:commands -- [--db both|postgres|embedded] [--runs 50]
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createAccount } from "@/lib/auth/accounts";
import { PermissionDeniedError, type SessionUser } from "@/lib/auth/permissions";
import { loadSessionUser } from "@/lib/auth/session-user";
import { type AnyCommand, executeCommand } from "@/lib/commands/command";
import { createDatabase, dropDatabase, scratchDatabaseName } from "@/lib/db/admin";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { readEnv } from "@/lib/env";
import { toCsv } from "@/lib/export/csv";
import { syncDepartments } from "@/lib/import/departments";
import { importDocument } from "@/lib/import/import-document";
import { BULK_COLUMNS } from "@/lib/progress/bulk";
import {
  applyBulkUploadCommand,
  createProgressEntryCommand,
  updateProgressEntryCommand,
} from "@/lib/progress/commands";
import { runMain } from "./cli";
import { percentile, reachable } from "./bench-support";

const DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";
const WARM_UP = 5;
const NOW = new Date("2026-11-22T00:00:00Z");
const META = { ip: "127.0.0.1", userAgent: "bench:commands" };
const PERIOD = { year: 2018, quarter: 4 };

type Timing = { p50: number; p95: number; max: number };
type Row = { database: string; name: string; timing: Timing };

async function user(db: Db, key: string, departments: string[]): Promise<SessionUser> {
  const id = await createAccount(db, {
    email: `${key}@bench.test`,
    name: key,
    role: "staff",
    departments,
    passwordHash: "x",
  });
  const loaded = await loadSessionUser(db, id, 0);
  if (!loaded) throw new Error("bench user not loaded");
  return loaded;
}

/** Times `once` (not `prepare`, which builds its input) over the runs, after the warm-ups. */
async function time<T>(
  runs: number,
  once: (input: T) => Promise<unknown>,
  prepare: (i: number) => T | Promise<T>,
): Promise<Timing> {
  for (let i = 0; i < WARM_UP; i += 1) await once(await prepare(-1 - i));
  const ms: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const input = await prepare(i);
    const start = performance.now();
    await once(input);
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), max: ms.at(-1) ?? Number.NaN };
}

async function measure(database: string, url: string, poolMax: number, runs: number): Promise<Row[]> {
  const db = createPrismaClient({ url, poolMax });
  try {
    await syncDepartments(db);
    await importDocument(db, { fileName: "002.txt", bytes: readFileSync("seeds/002_edb18fdb8a68a56c.txt") });
    const staff = await user(db, "secretariat", ["secretariat"]);
    const other = await user(db, "transport", ["transportation"]);
    const items = await db.planNode.findMany({
      where: { kind: "key_point", departmentId: { not: null } },
      orderBy: { lineFrom: "asc" },
      select: { id: true },
      take: 20,
    });
    const item = items[0]?.id ?? 0;
    const fields = (narrative: string) => ({
      period: PERIOD,
      status: "on_track",
      percent: 30,
      narrative,
      figures: [{ value: 3, unit: "場", label: "說明會" }],
      evidenceLinks: [],
    });
    const as = (actor: SessionUser, command: AnyCommand, input: unknown) =>
      executeCommand(db, command, input, { actor, meta: META, now: NOW });

    const create = await time(
      runs,
      (input) => as(staff, createProgressEntryCommand, input),
      (i) => ({ nodeId: item, ...fields(`第 ${i} 次`) }),
    );
    const { value } = await executeCommand(
      db,
      createProgressEntryCommand,
      { nodeId: item, ...fields("修改的對象") },
      { actor: staff, meta: META, now: NOW },
    );
    let version = value.entry.version;
    const update = await time(
      runs,
      async (input) => {
        await as(staff, updateProgressEntryCommand, input);
        version += 1;
      },
      (i) => ({ entryId: value.entry.id, expectedVersion: version, ...fields(`第 ${i} 版`) }),
    );
    const refused = await time(
      runs,
      (input) =>
        as(other, createProgressEntryCommand, input).then(
          () => {
            throw new Error("the refusal was allowed");
          },
          (error: unknown) => {
            if (!(error instanceof PermissionDeniedError)) throw error;
          },
        ),
      (i) => ({ nodeId: item, ...fields(`越權 ${i}`) }),
    );
    // The bulk file: the other items, each run editing every row's entry (created by the first run)
    // at the version it now has, as a re-downloaded spreadsheet would.
    const rows = items.slice(1);
    const bulkCsv = async (i: number) => {
      const entries = await db.progressEntry.findMany({
        where: { nodeId: { in: rows.map((n) => n.id) }, withdrawnAt: null },
        select: { id: true, nodeId: true, version: true },
      });
      const entryOf = new Map(entries.map((e) => [e.nodeId, e]));
      const cells = rows.map((n, row) => {
        const entry = entryOf.get(n.id);
        return [
          n.id,
          "",
          "",
          "",
          "",
          "",
          "",
          PERIOD.year,
          PERIOD.quarter,
          entry?.id ?? "",
          entry?.version ?? "",
          "on_track",
          String(row),
          `整批 ${i}`,
        ];
      });
      return { csv: toCsv([...BULK_COLUMNS], cells) };
    };
    const bulk = await time(Math.min(runs, 20), (input) => as(staff, applyBulkUploadCommand, input), bulkCsv);
    return [
      { database, name: "progress.create", timing: create },
      { database, name: "progress.update", timing: update },
      { database, name: "refused (other department)", timing: refused },
      { database, name: `progress.bulk-apply, ${rows.length} rows`, timing: bulk },
    ];
  } finally {
    await db.$disconnect();
  }
}

async function onPostgres(serverUrl: string, runs: number): Promise<Row[]> {
  const name = scratchDatabaseName("kpt_bench_commands");
  const url = await createDatabase(serverUrl, name);
  try {
    await applyMigrations(url);
    return await measure("PostgreSQL", url, 4, runs);
  } finally {
    await dropDatabase(serverUrl, name);
  }
}

async function onEmbedded(runs: number): Promise<Row[]> {
  const embedded = await startEmbeddedDatabase({ memory: true });
  try {
    await applyMigrations(embedded.url);
    return await measure("embedded (PGlite)", embedded.url, 1, runs);
  } finally {
    await embedded.close();
  }
}

runMain(async () => {
  const { values } = parseArgs({
    options: { db: { type: "string", default: "both" }, runs: { type: "string", default: "50" } },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs takes a whole number");
  if (!["both", "postgres", "embedded"].includes(values.db))
    throw new Error("--db takes both, postgres or embedded");
  const rows: Row[] = [];
  if (values.db !== "embedded") {
    const serverUrl = readEnv().DATABASE_URL ?? DEFAULT_SERVER;
    if (await reachable(serverUrl)) rows.push(...(await onPostgres(serverUrl, runs)));
    else console.log(`(no PostgreSQL at ${serverUrl}; set DATABASE_URL to measure one)`);
  }
  if (values.db !== "postgres") rows.push(...(await onEmbedded(runs)));
  console.log("\n| database | command | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|");
  for (const r of rows) {
    const { p50, p95, max } = r.timing;
    console.log(`| ${r.database} | ${r.name} | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ${max.toFixed(1)} |`);
  }
});
