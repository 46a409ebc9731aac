/**
 * The tracking loop's reads at a city's scale: 30 departments × 500 tracked items (15,000) in one
 * set of 8 quarterly cycles (2025–2026), with a realistic mix of updates and sign-off steps, read
 * on 2027-02-01 in Taipei (every cycle has ended). After 3 warm-ups, N timed runs (p50 / p95 / max):
 *  - listInbox (lib/tracking/inbox.ts) for one department's staff member: 待填報, 500 items;
 *  - listInbox for an administrator: every department, 15,000 items;
 *  - the 填報情形 read model (lib/tracking/compliance.ts) for the set and its last cycle;
 *  - the same for every cycle of the set (240 department × cycle rows).
 * The output says what was measured: the database and its version, the code's commit, the data,
 * the machine's load (the figures are wall-clock times on a shared machine) and each read.
 * A throwaway database: the embedded PGlite in memory, or a scratch database on DATABASE_URL's
 * server (dropped afterwards). Rows are written with createMany, not commands: the reads are
 * measured, not the writes. Prints figures; asserts nothing.
 *   npm run bench:inbox -- [--runs 20] [--departments 30] [--items 500]
 */
import { execFileSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import type { SessionUser } from "@/lib/auth/permissions";
import { createDatabase, dropDatabase, scratchDatabaseName } from "@/lib/db/admin";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { DEFAULT_DUE_OFFSETS, dueDatesOf, periodKey, periodsBetween } from "@/lib/domain/cycles";
import { CANONICAL_DEPARTMENTS } from "@/lib/domain/departments";
import { readEnv } from "@/lib/env";
import type { UpdateState, UpdateStepAction } from "@/lib/generated/prisma/enums";
import { getComplianceReport } from "@/lib/tracking/compliance";
import { listInbox } from "@/lib/tracking/inbox";
import { runMain } from "./cli";
import { percentile } from "./bench-support";

const WARM_UP = 3;
const NOW = new Date("2027-02-01T02:00:00Z"); // 10:00 on 2027-02-01 in Taipei
const FROM_DAY = "2025-01-01";
const TO_DAY = "2026-12-31";
const DAY_MS = 86_400_000;
const BATCH = 2_000;

/** A small deterministic generator (mulberry32): the same data on every run and database. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const calendarDate = (day: string) => new Date(`${day}T00:00:00Z`); // a DATE column's value
/** 10:00 in Taipei on the DATE `date` plus `days`. */
const taipeiMorning = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS + 2 * 3_600_000);

async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

type Built = {
  setId: number;
  staff: SessionUser;
  items: number;
  entries: number;
  steps: number;
  seconds: number;
};

/**
 * The city: departments, a plan document each with its items, one tracked set over two years,
 * and per item and quarter one update (or none) in a state and with the steps that led there:
 *  - 5 % of items are never updated; of the rest, each quarter: 8 % nothing, 6 % a draft only,
 *    5 % returned, 8 % submitted, 8 % approved, the rest published;
 *  - a submission is on time four times in five (up to 9 days before the due day), else 1–20 days
 *    late; 3 % of updates are withdrawn and, half of those, sent again;
 *  - every 10th item reports once for the whole year instead of per quarter.
 */
async function build(db: Db, departments: number, perDepartment: number): Promise<Built> {
  const start = performance.now();
  const next = random(12);
  const chosen = CANONICAL_DEPARTMENTS.slice(0, departments);
  const extra = Array.from({ length: Math.max(0, departments - chosen.length) }, (_, i) => ({
    slug: `bench-${i + 1}`,
    nameZh: `測試機關${i + 1}`,
    nameEn: `Bench department ${i + 1}`,
  }));
  await db.department.createMany({
    data: [...chosen, ...extra].map((d, i) => ({
      slug: d.slug,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      sortOrder: i,
    })),
  });
  const depts = await db.department.findMany({
    orderBy: { sortOrder: "asc" },
    select: { id: true, slug: true },
  });
  const author = await db.user.create({
    data: { email: "bench-staff@example.test", name: "bench", role: "staff", passwordHash: "unused" },
    select: { id: true },
  });
  const head = await db.user.create({
    data: { email: "bench-head@example.test", name: "head", role: "supervisor", passwordHash: "unused" },
    select: { id: true },
  });
  const reviewerRow = await db.user.create({
    data: {
      email: "bench-reviewer@example.test",
      name: "reviewer",
      role: "reviewer",
      passwordHash: "unused",
    },
    select: { id: true },
  });

  // One plan per department, its items as key points.
  const nodes: Array<{ id: number; departmentId: number }> = [];
  for (const dept of depts) {
    const document = await db.sourceDocument.create({
      data: {
        kind: "department_plan",
        title: `${dept.slug} 114–115 年度施政計畫`,
        documentKey: `department-plan:${dept.slug}:bench`,
        checksum: `bench-${dept.slug}`,
        fileName: `${dept.slug}.txt`,
        rocYearFrom: 114,
        rocYearTo: 115,
        departmentId: dept.id,
        rawText: "",
        lineCount: perDepartment,
      },
      select: { id: true },
    });
    const created = await db.planNode.createManyAndReturn({
      data: Array.from({ length: perDepartment }, (_, i) => ({
        documentId: document.id,
        kind: "key_point" as const,
        numberLabel: `${i + 1}.`,
        ordinal: i + 1,
        position: i,
        depth: 1,
        stableKey: `${i + 1}.`,
        title: null,
        text: `第 ${i + 1} 項施政重點：持續推動市政建設，落實各項計畫並定期檢討執行成效。`,
        departmentId: dept.id,
        lineFrom: i + 1,
        lineTo: i + 1,
      })),
      select: { id: true, departmentId: true },
    });
    nodes.push(...created.map((n) => ({ id: n.id, departmentId: n.departmentId ?? dept.id })));
  }

  const set = await db.trackedSet.create({
    data: {
      name: "114–115 年度施政計畫列管（測試）",
      cadence: "quarterly",
      fromDay: calendarDate(FROM_DAY),
      toDay: calendarDate(TO_DAY),
      createdById: reviewerRow.id,
    },
    select: { id: true },
  });
  const periods = periodsBetween("quarterly", FROM_DAY, TO_DAY);
  const cycles = periods.map((period) => {
    const due = dueDatesOf(period, DEFAULT_DUE_OFFSETS);
    return {
      setId: set.id,
      periodKey: periodKey(period),
      periodFrom: calendarDate(period.from),
      periodTo: calendarDate(period.to),
      staffDue: calendarDate(due.staff),
      supervisorDue: calendarDate(due.supervisor),
      reviewDue: calendarDate(due.review),
      lateAfter: calendarDate(due.lateAfter),
    };
  });
  await db.reportingCycle.createMany({ data: cycles });
  await inBatches(nodes, (batch) =>
    db.trackedItem.createMany({
      data: batch.map((n) => ({ setId: set.id, nodeId: n.id, leadDepartmentId: n.departmentId })),
    }),
  );

  // Updates, then their steps (createManyAndReturn gives the ids the steps need).
  type Plan = {
    entry: {
      nodeId: number;
      periodYear: number;
      periodQuarter: number | null;
      periodFrom: Date;
      periodTo: Date;
      status: "on_track";
      percent: number;
      narrative: string;
      state: UpdateState;
      authorId: number;
      publishedAt: Date | null;
      firstSubmittedAt: Date | null;
      withdrawnAt: Date | null;
      withdrawnReason: string | null;
      updatedAt: Date;
    };
    steps: Array<{ action: UpdateStepAction; fromState: UpdateState; toState: UpdateState; at: Date }>;
  };
  const plans: Plan[] = [];
  const plan = (
    nodeId: number,
    span: { from: Date; to: Date; year: number; quarter: number | null },
    staffDue: Date,
  ) => {
    const roll = next();
    if (roll < 0.08) return;
    const state: UpdateState =
      roll < 0.14
        ? "draft"
        : roll < 0.19
          ? "returned"
          : roll < 0.27
            ? "submitted"
            : roll < 0.35
              ? "approved"
              : "published";
    const submitted =
      next() < 0.8
        ? taipeiMorning(staffDue, -Math.floor(next() * 10))
        : taipeiMorning(staffDue, 1 + Math.floor(next() * 20));
    const steps: Plan["steps"] = [];
    if (state !== "draft")
      steps.push({ action: "submit", fromState: "draft", toState: "submitted", at: submitted });
    if (state === "returned")
      steps.push({
        action: "return",
        fromState: "submitted",
        toState: "returned",
        at: taipeiMorning(submitted, 2),
      });
    if (state === "approved" || state === "published")
      steps.push({
        action: "approve",
        fromState: "submitted",
        toState: "approved",
        at: taipeiMorning(submitted, 3),
      });
    if (state === "published")
      steps.push({
        action: "publish",
        fromState: "approved",
        toState: "published",
        at: taipeiMorning(submitted, 6),
      });
    const last = steps.at(-1)?.at ?? taipeiMorning(staffDue, -3);
    const withdrawn = state !== "submitted" && state !== "approved" && next() < 0.03;
    const entry: Plan["entry"] = {
      nodeId,
      periodYear: span.year,
      periodQuarter: span.quarter,
      periodFrom: span.from,
      periodTo: span.to,
      status: "on_track",
      percent: Math.floor(next() * 100),
      narrative: "本期依計畫期程推動，持續追蹤執行進度並檢討改善。",
      state,
      authorId: author.id,
      publishedAt: state === "published" ? last : null,
      firstSubmittedAt: state === "draft" ? null : submitted,
      withdrawnAt: withdrawn ? taipeiMorning(last, 5) : null,
      withdrawnReason: withdrawn ? "數據誤植" : null,
      updatedAt: withdrawn ? taipeiMorning(last, 5) : last,
    };
    plans.push({ entry, steps });
    if (withdrawn && next() < 0.5) {
      const again = taipeiMorning(last, 7);
      plans.push({
        entry: {
          ...entry,
          state: "submitted",
          publishedAt: null,
          firstSubmittedAt: again,
          withdrawnAt: null,
          withdrawnReason: null,
          updatedAt: again,
        },
        steps: [{ action: "submit", fromState: "draft", toState: "submitted", at: again }],
      });
    }
  };
  for (const [i, node] of nodes.entries()) {
    if (next() < 0.05) continue; // never updated
    if (i % 10 === 9) {
      for (const year of [2025, 2026]) {
        const q4 = cycles.find((c) => c.periodKey === `${year}-Q4`);
        if (q4)
          plan(
            node.id,
            { from: calendarDate(`${year}-01-01`), to: calendarDate(`${year}-12-31`), year, quarter: null },
            q4.staffDue,
          );
      }
      continue;
    }
    for (const [q, cycle] of cycles.entries()) {
      plan(
        node.id,
        { from: cycle.periodFrom, to: cycle.periodTo, year: 2025 + Math.floor(q / 4), quarter: (q % 4) + 1 },
        cycle.staffDue,
      );
    }
  }
  let steps = 0;
  for (let i = 0; i < plans.length; i += BATCH) {
    const batch = plans.slice(i, i + BATCH);
    const created = await db.progressEntry.createManyAndReturn({
      data: batch.map((p) => p.entry),
      select: { id: true },
    });
    const rows = batch.flatMap((p, j) =>
      p.steps.map((s) => ({
        entryId: created[j]?.id ?? 0,
        entryVersion: 1,
        actorId: s.action === "submit" ? author.id : s.action === "publish" ? reviewerRow.id : head.id,
        ...s,
      })),
    );
    steps += rows.length;
    await inBatches(rows, (b) => db.updateStep.createMany({ data: b }));
  }
  await db.$executeRaw`ANALYZE`;
  const first = depts[0];
  if (!first) throw new Error("no department was created");
  return {
    setId: set.id,
    staff: {
      id: author.id,
      email: "bench-staff@example.test",
      name: "bench",
      role: "staff",
      departments: [
        { id: first.id, slug: first.slug, nameZh: chosen[0]?.nameZh ?? "", nameEn: chosen[0]?.nameEn ?? "" },
      ],
      secondFactor: "not-required",
    },
    items: nodes.length,
    entries: plans.length,
    steps,
    seconds: (performance.now() - start) / 1000,
  };
}

type Timing = { p50: number; p95: number; max: number };

async function time(runs: number, once: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < WARM_UP; i++) await once();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await once();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), max: ms.at(-1) ?? Number.NaN };
}

async function measure(
  database: string,
  url: string,
  poolMax: number,
  options: { runs: number; departments: number; items: number },
) {
  const db = createPrismaClient({ url, poolMax });
  try {
    console.log(
      `${database}: building ${options.departments} departments × ${options.items} tracked items …`,
    );
    const built = await build(db, options.departments, options.items);
    console.log(
      `${database}: ${built.items} items, ${built.entries} updates, ${built.steps} steps, 8 cycles in ${built.seconds.toFixed(1)} s`,
    );
    const reviewer: SessionUser = {
      id: 0,
      email: "r@bench.test",
      name: "reviewer",
      role: "reviewer",
      departments: [],
      secondFactor: "done",
    };
    const admin: SessionUser = { ...reviewer, id: -1, role: "admin" };
    const [{ version }] = await db.$queryRaw<[{ version: string }]>`SELECT version()`;
    const inbox = await listInbox(db, built.staff, NOW);
    const cityInbox = await listInbox(db, admin, NOW);
    const one = await getComplianceReport(db, reviewer, { setId: built.setId, periodKey: "2026-Q4" }, NOW);
    const all = await getComplianceReport(db, reviewer, { setId: built.setId }, NOW);
    if (one.status !== "ok" || all.status !== "ok")
      throw new Error("the compliance read refused the bench's filter");
    const share = (n: number, d: number) => `${((100 * n) / Math.max(d, 1)).toFixed(1)} %`;
    const t = all.report.totals;
    console.log(
      `${database}: inbox ${inbox.length} items (${inbox.filter((i) => !i.reported).length} owed), ` +
        `administrator's inbox ${cityInbox.length} items; ` +
        `2026-Q4 ${one.report.rows.length} rows; all cycles ${all.report.rows.length} rows, ${t.due} due, ` +
        `on time ${share(t.onTime, t.due)}, late ${share(t.late, t.due)}, returned ${share(t.returned, t.due)}, ` +
        `not reported ${share(t.notReported, t.due)}; never updated ${all.report.neverUpdated.total}`,
    );
    const rows = [
      {
        database,
        name: `listInbox (one department, ${inbox.length} items)`,
        timing: await time(options.runs, () => listInbox(db, built.staff, NOW)),
      },
      {
        database,
        name: `listInbox (administrator, every department, ${cityInbox.length} items)`,
        timing: await time(options.runs, () => listInbox(db, admin, NOW)),
      },
      {
        database,
        name: "compliance: the set, cycle 2026-Q4",
        timing: await time(options.runs, () =>
          getComplianceReport(db, reviewer, { setId: built.setId, periodKey: "2026-Q4" }, NOW),
        ),
      },
      {
        database,
        name: "compliance: the set, all 8 cycles",
        timing: await time(options.runs, () =>
          getComplianceReport(db, reviewer, { setId: built.setId }, NOW),
        ),
      },
    ];
    return { rows, version, built };
  } finally {
    await db.$disconnect();
  }
}

runMain(async () => {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "20" },
      departments: { type: "string", default: "30" },
      items: { type: "string", default: "500" },
    },
  });
  const [runs, departments, items] = [Number(values.runs), Number(values.departments), Number(values.items)];
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs takes a whole number");
  if (!Number.isInteger(departments) || departments < 1 || departments > 200)
    throw new Error("--departments takes 1 to 200");
  if (!Number.isInteger(items) || items < 1 || items > 5000) throw new Error("--items takes 1 to 5000");
  const options = { runs, departments, items };
  const serverUrl = readEnv().DATABASE_URL;
  let measured;
  if (serverUrl) {
    const name = scratchDatabaseName("kpt_bench_inbox");
    const url = await createDatabase(serverUrl, name);
    try {
      await applyMigrations(url);
      measured = await measure("PostgreSQL", url, 4, options);
    } finally {
      await dropDatabase(serverUrl, name);
    }
  } else {
    const embedded = await startEmbeddedDatabase({ memory: true });
    try {
      await applyMigrations(embedded.url);
      measured = await measure("embedded (PGlite)", embedded.url, 1, options);
    } finally {
      await embedded.close();
    }
  }
  const { rows, version, built } = measured;
  console.log(
    [
      "",
      "What was measured:",
      `  database:  ${version.split(" on ")[0] ?? version} (${serverUrl ? "a scratch database on DATABASE_URL's server, pool of 4" : "PGlite in memory, one connection"})`,
      `  code:      commit ${commit()}`,
      `  data:      ${departments} departments × ${items} tracked items = ${built.items}, one quarterly set of 8 cycles (2025–2026), ${built.entries} updates, ${built.steps} sign-off steps`,
      `  as of:     ${NOW.toISOString()} (10:00 on 2027-02-01 in Taipei; every cycle has ended)`,
      `  timing:    wall-clock ms of each whole read (queries and the work in Node), ${runs} runs after ${WARM_UP} warm-ups`,
      `  machine:   ${cpus().length} cores, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" / ")} (1 / 5 / 15 min) at the end: a busy shared machine inflates every figure`,
      "  reads:     listInbox = lib/tracking/inbox.ts (待填報) as one department's staff, then as an administrator;",
      "             compliance = lib/tracking/compliance.ts getComplianceReport (填報情形) for the set, one cycle and all 8",
    ].join("\n"),
  );
  console.log("\n| database | read | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|");
  for (const r of rows) {
    const { p50, p95, max } = r.timing;
    console.log(`| ${r.database} | ${r.name} | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ${max.toFixed(1)} |`);
  }
  console.log(`\nms over ${runs} runs after ${WARM_UP} warm-ups, read as of ${NOW.toISOString()}.`);
});

/** The commit the code was measured at (with "+changes" for uncommitted edits), or "unknown" outside git. */
function commit(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const head = git("rev-parse", "--short", "HEAD");
    const dirty = git("status", "--porcelain", "--untracked-files=no");
    return dirty ? `${head}+changes` : head;
  } catch {
    return "unknown";
  }
}
