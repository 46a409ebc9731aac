/**
 * `npm run bench:pages`: the production build on a freshly seeded embedded database, then
 *  - autocannon, 20 connections for 10 s each, on home, a department, an item, the budget explorer,
 *    and a static file as the reference for "a static page";
 *  - first-load JavaScript per page (gzipped), as Chromium downloads it;
 *  - Lighthouse (mobile) on home and a department page.
 * Before the pages are loaded, tracking at scale is added to the bench database (once): a set over
 * 2025–2026 in 8 quarters with 500 items led by 交通局, each with a published update per ended
 * quarter and its light, so /departments/transportation rolls up 500 items and the first item's
 * page shows 8 periods of history with its planned-vs-actual chart.
 * Prints figures; asserts nothing (timings flake on shared machines).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import autocannon from "autocannon";
import { createPrismaClient } from "@/lib/db/client";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { DEFAULT_DUE_OFFSETS, dueDatesOf, periodKey, periodsBetween } from "@/lib/domain/cycles";
import { taipeiToday } from "@/lib/domain/time";
import { percentile } from "./bench-support";
import { runMain } from "./cli";

const PORT = 3200;
const DATA_DIR = ".data/bench";
const SCALE_SET = "基準測試：交通局 500 項列管（114–115 年）";
const SCALE_ITEMS = 500;
const BASE = `http://127.0.0.1:${PORT}`;
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

async function startServer(keepData = false): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    E2E_KEEP_DATA: keepData ? "1" : "0",
    PORT: String(PORT),
    PORTAL_DATA_DIR: DATA_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.DATABASE_URL; // the target is the embedded database
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/e2e-server.ts"], {
    env,
    stdio: "ignore",
  });
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error("The portal did not start (run npm start to see why).");
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  server.kill();
  throw new Error("The portal did not answer within 5 minutes.");
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
}

/**
 * Tracking at scale in the bench database (idempotent): 500 交通局 items over 8 quarters, each
 * ended quarter with a published update and its light; the first item with an approved curve.
 * Returns the first item's node id.
 */
async function addTrackingAtScale(): Promise<number> {
  const embedded = await startEmbeddedDatabase({ dataDir: DATA_DIR });
  const db = createPrismaClient({ url: embedded.url, poolMax: 1 });
  try {
    const existing = await db.trackedSet.findFirst({
      where: { name: SCALE_SET },
      select: { items: { orderBy: { id: "asc" }, take: 1, select: { nodeId: true } } },
    });
    const already = existing?.items[0]?.nodeId;
    if (already !== undefined) return already;
    const dept = await db.department.findUniqueOrThrow({
      where: { slug: "transportation" },
      select: { id: true },
    });
    const author = await db.user.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } });
    const document = await db.sourceDocument.create({
      data: {
        kind: "department_plan",
        title: "交通局 114–115 年度施政計畫（基準測試）",
        documentKey: "department-plan:transportation:bench-pages",
        checksum: "bench-pages",
        fileName: "bench-pages.txt",
        rocYearFrom: 114,
        rocYearTo: 115,
        departmentId: dept.id,
        rawText: "",
        lineCount: SCALE_ITEMS,
      },
      select: { id: true },
    });
    const nodes = await db.planNode.createManyAndReturn({
      data: Array.from({ length: SCALE_ITEMS }, (_, i) => ({
        documentId: document.id,
        kind: "key_point" as const,
        numberLabel: `${i + 1}.`,
        ordinal: i + 1,
        position: i,
        depth: 1,
        stableKey: `${i + 1}.`,
        title: null,
        text: `第 ${i + 1} 項交通建設：持續推動公共運輸與道路改善，並定期檢討執行成效。`,
        departmentId: dept.id,
        lineFrom: i + 1,
        lineTo: i + 1,
      })),
      select: { id: true },
    });
    const day = (d: string) => new Date(`${d}T00:00:00Z`);
    const set = await db.trackedSet.create({
      data: { name: SCALE_SET, cadence: "quarterly", fromDay: day("2025-01-01"), toDay: day("2026-12-31") },
      select: { id: true },
    });
    const periods = periodsBetween("quarterly", "2025-01-01", "2026-12-31");
    await db.reportingCycle.createMany({
      data: periods.map((period) => {
        const due = dueDatesOf(period, DEFAULT_DUE_OFFSETS);
        return {
          setId: set.id,
          periodKey: periodKey(period),
          periodFrom: day(period.from),
          periodTo: day(period.to),
          staffDue: day(due.staff),
          supervisorDue: day(due.supervisor),
          reviewDue: day(due.review),
          lateAfter: day(due.lateAfter),
        };
      }),
    });
    await db.trackedItem.createMany({
      data: nodes.map((n) => ({ setId: set.id, nodeId: n.id, leadDepartmentId: dept.id })),
    });
    const first = nodes[0]?.id ?? 0;
    const item = await db.trackedItem.findFirstOrThrow({ where: { nodeId: first }, select: { id: true } });
    const planned = periods.map((p, k) => ({
      periodEnd: p.to,
      percent: Math.round(((k + 1) / periods.length) * 100),
    }));
    await db.plannedProgress.create({
      data: {
        trackedItemId: item.id,
        version: 1,
        points: planned,
        state: "approved",
        proposedById: author.id,
        proposedAt: new Date(),
        decidedById: author.id,
        decidedAt: new Date(),
      },
    });
    const today = taipeiToday();
    const ended = periods.filter((p) => p.to < today);
    const lights = ["green", "green", "green", "yellow", "red"] as const;
    for (const [i, node] of nodes.entries()) {
      await db.progressEntry.createMany({
        data: ended.map((p, k) => {
          const plannedPercent = planned[k]?.percent ?? 100;
          const light = lights[(i + k) % lights.length] ?? "green";
          const percent = Math.max(0, plannedPercent - (light === "green" ? 2 : light === "yellow" ? 8 : 15));
          return {
            nodeId: node.id,
            periodYear: Number(p.from.slice(0, 4)),
            periodQuarter: p.index,
            periodFrom: day(p.from),
            periodTo: day(p.to),
            status: "on_track" as const,
            percent,
            narrative: `第 ${k + 1} 期：依計畫辦理，完成階段性工作並檢討執行成效。`,
            evidenceLinks: [{ url: "https://www.kcg.gov.tw/", title: "市府新聞稿" }],
            state: "published" as const,
            publishedAt: day(p.to),
            firstSubmittedAt: day(p.to),
            authorId: author.id,
            light,
            computedLight: light,
            plannedPercent,
            ...(light === "green"
              ? {}
              : { delayCause: "工程介面協調延宕", remedy: "增加施工班次", catchUpDate: day(p.to) }),
          };
        }),
      });
    }
    return first;
  } finally {
    await db.$disconnect();
    await embedded.close();
  }
}

async function load(path: string) {
  const result = await autocannon({ url: `${BASE}${path}`, connections: 20, duration: 10 });
  return {
    path,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function firstLoadJs(paths: string[]): Promise<Array<{ path: string; kb: number; files: number }>> {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROME_FLAGS.slice(1) });
  const out = [];
  try {
    for (const path of paths) {
      const page = await browser.newPage();
      const scripts: Promise<number>[] = [];
      page.on("response", (response) => {
        if (response.request().resourceType() === "script") {
          scripts.push(
            response.body().then(
              (b) => gzipSync(b).length,
              () => 0,
            ),
          );
        }
      });
      await page.goto(`${BASE}${path}`, { waitUntil: "networkidle" });
      const sizes = await Promise.all(scripts);
      out.push({ path, kb: Math.round(sizes.reduce((a, b) => a + b, 0) / 102.4) / 10, files: sizes.length });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

/**
 * A councillor's department report (rendered per request: it is theirs) and its PDF, printed by
 * Chromium on the server: time from request to the last byte, signed in as the demo councillor.
 */
async function councilReport(): Promise<Array<{ what: string; p50: number; p95: number; runs: number }>> {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROME_FLAGS.slice(1) });
  try {
    const page = await browser.newPage();
    await page.goto(`${BASE}/sign-in`);
    await page.getByLabel("電子郵件").fill("councillor@demo.example.org");
    await page.getByLabel("密碼").fill("demo-councillor-2026");
    await page.getByRole("button", { name: "登入", exact: true }).click();
    await page.waitForURL(/\/council$/u);
    const path = "/council/departments/secretariat";
    const query = "?year=2017&compare=2018";
    const time = async (url: string, runs: number) => {
      const ms: number[] = [];
      for (let i = 0; i < runs + 1; i += 1) {
        const start = performance.now();
        const response = await page.request.get(url);
        await response.body();
        if (!response.ok()) throw new Error(`${url}: ${response.status()}`);
        if (i > 0) ms.push(performance.now() - start); // the first run warms up
      }
      return ms.sort((a, b) => a - b);
    };
    const html = await time(`${BASE}${path}${query}`, 20);
    const pdf = await time(`${BASE}${path}/pdf${query}`, 5);
    return [
      {
        what: "report page (2017 vs 2018)",
        p50: percentile(html, 50),
        p95: percentile(html, 95),
        runs: html.length,
      },
      {
        what: "report PDF (2017 vs 2018)",
        p50: percentile(pdf, 50),
        p95: percentile(pdf, 95),
        runs: pdf.length,
      },
    ];
  } finally {
    await browser.close();
  }
}

function lighthouse(path: string): Promise<{ path: string; performance: number; accessibility: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "node_modules/lighthouse/cli/index.js",
        `${BASE}${path}`,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        "--only-categories=performance,accessibility",
        `--chrome-flags=${CHROME_FLAGS.join(" ")}`,
      ],
      { env: { ...process.env, CHROME_PATH: "/usr/bin/chromium" }, stdio: ["ignore", "pipe", "ignore"] },
    );
    let json = "";
    child.stdout.on("data", (chunk: Buffer) => (json += chunk.toString()));
    child.on("error", reject);
    child.on("close", () => {
      try {
        const report = JSON.parse(json) as { categories: Record<string, { score: number }> };
        resolve({
          path,
          performance: Math.round((report.categories.performance?.score ?? 0) * 100),
          accessibility: Math.round((report.categories.accessibility?.score ?? 0) * 100),
        });
      } catch {
        reject(new Error(`Lighthouse gave no report for ${path}.`));
      }
    });
  });
}

runMain(async () => {
  console.log("Starting the production build on a fresh embedded database…");
  await stopServer(await startServer()); // seeds it, with the demo
  console.log(`Adding ${SCALE_ITEMS} tracked items with 8 quarters of history…`);
  const scaleItem = await addTrackingAtScale();
  const server = await startServer(true);
  try {
    const items = (await (await fetch(`${BASE}/items/export?format=json&year=2013&size=20`)).json()) as {
      items: Array<{ url: string }>;
    };
    const itemPath = new URL(items.items[0]?.url ?? `${BASE}/`).pathname;
    const pages = [
      "/",
      "/departments/secretariat",
      itemPath,
      "/budgets",
      `/nodes/${scaleItem}`, // 8 periods of history, lights and the planned-vs-actual chart
      "/departments/transportation", // the roll-up of 500 tracked items
    ];

    console.log("\nautocannon, 20 connections × 10 s");
    console.log("path                          req/s     p50 ms   p99 ms   errors");
    for (const path of ["/icon.svg", ...pages]) {
      const r = await load(path);
      const label = path === "/icon.svg" ? "/icon.svg (static reference)" : path;
      console.log(
        `${label.padEnd(30)}${String(r.rps).padStart(6)}${String(r.p50).padStart(10)}${String(r.p99).padStart(9)}${String(r.errors).padStart(9)}`,
      );
    }

    console.log("\nfirst-load JavaScript (gzipped, as downloaded by Chromium)");
    for (const r of await firstLoadJs(pages))
      console.log(`${r.path.padEnd(30)}${r.kb} KB in ${r.files} files`);

    console.log("\ncouncil area (signed in as the demo councillor)");
    for (const r of await councilReport()) {
      console.log(
        `${r.what.padEnd(30)}p50 ${Math.round(r.p50)} ms, p95 ${Math.round(r.p95)} ms (${r.runs} runs)`,
      );
    }

    console.log("\nLighthouse (mobile)");
    for (const path of ["/", "/departments/secretariat"]) {
      const r = await lighthouse(path);
      console.log(`${r.path.padEnd(30)}performance ${r.performance}, accessibility ${r.accessibility}`);
    }
  } finally {
    server.kill("SIGTERM");
  }
});
