import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Malformed requests against the real production server (`next start` on this worktree's build, on
 * a test database): the API, pages and server actions, with Next's own parsing in the way, where
 * the 500s were. Seeded, so a failure replays: FUZZ_SEED=… FUZZ_REQUESTS=10000 for the full run
 * the hardening report asks for; CI sends 2,000 (about a minute on a shared two-core machine).
 * Builds first when .next is missing or older than the sources.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 16);
const COUNT = Number(process.env.FUZZ_REQUESTS ?? 2000);
const SOURCES = ["app", "lib", "components", "proxy.ts", "next.config.ts", "instrumentation.ts"];

/** mulberry32: small, seeded, good enough to pick test cases. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, pick };
}

function newestSource(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestSource(join(path, entry))));
}

function buildIfStale(): void {
  const built = existsSync(".next/BUILD_ID") ? statSync(".next/BUILD_ID").mtimeMs : 0;
  if (built > Math.max(...SOURCES.map(newestSource))) return;
  const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: "ignore",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed: run `npm run build` to see why.");
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

let t: TestDatabase;
let server: ChildProcess;
let base = "";
let actionIds: string[] = [];

beforeAll(async () => {
  buildIfStale();
  t = await createTestDatabase();
  await t.db.$disconnect(); // the embedded database takes one connection: the server's
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    stdio: "ignore",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: t.url,
      DATABASE_POOL_MAX: "1",
      PORT: String(port),
      NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
      PORTAL_URL: "",
    },
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    const up = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error("next start did not answer within 90 s");
    await new Promise((r) => setTimeout(r, 300));
  }
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, unknown>;
  };
  actionIds = Object.keys(manifest.node);
}, 900_000);

afterAll(async () => {
  server?.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  await t?.dispose();
});

const JUNK = [
  "constructor",
  "__proto__",
  "toString",
  "hasOwnProperty",
  "%E0%A4%A",
  "%ZZ",
  "%",
  "%00",
  "%C0%AF",
  "..%2F..%2Fetc%2Fpasswd",
  "-1",
  "0",
  "1e309",
  "99999999999999999999",
  "NaN",
  "null",
  "[]",
  "{}",
  "%F0%9F%92%A9",
  "高雄",
  "a".repeat(3000),
  "'\"><script>",
  "%2e%2e",
  "\\",
];
const API = [
  "departments",
  "documents",
  "nodes",
  "budget-lines",
  "report-figures",
  "progress-entries",
  "search",
];
const PARAMS = [
  "q",
  "page",
  "size",
  "year",
  "department",
  "kind",
  "status",
  "format",
  "sort",
  "node",
  "constructor",
];
const PAGES = [
  "/",
  "/plans",
  "/reports",
  "/items",
  "/budgets",
  "/search",
  "/departments",
  "/departments/secretariat",
  "/nodes/1",
  "/documents/1",
  "/documents/1/source",
  "/staff",
  "/staff/documents",
  "/staff/bulk",
  "/staff/items/1",
  "/admin",
  "/review",
  "/council",
  "/account",
  "/sign-in",
  "/lang",
  "/feeds/progress",
  "/items/export",
  "/en/plans",
];

type Probe = { method: string; path: string; headers: Record<string, string>; body?: string };

function probes(count: number, seed: number): Probe[] {
  const { next, pick } = prng(seed);
  const query = () =>
    Array.from({ length: Math.floor(next() * 4) }, () => `${pick(PARAMS)}=${pick(JUNK)}`).join("&");
  const list: Probe[] = [];
  for (let i = 0; i < count; i += 1) {
    const kind = next();
    if (kind < 0.35) {
      const endpoint = pick(API);
      const path = next() < 0.5 ? `/api/v1/${endpoint}/${pick(JUNK)}` : `/api/v1/${endpoint}`;
      list.push({ method: "GET", path: `${path}?${query()}`, headers: {} });
    } else if (kind < 0.6) {
      const page = pick(PAGES);
      const path = next() < 0.3 ? `${page}/${pick(JUNK)}` : page;
      list.push({
        method: "GET",
        path: `${path}?${query()}`,
        headers: next() < 0.3 ? { cookie: "lang=en" } : {},
      });
    } else {
      // A server action: a real id or not, a body that is a form or not, from this site or not.
      const id = next() < 0.7 ? pick(actionIds) : pick(["", "x", "00", "f".repeat(42), pick(JUNK)]);
      const origin = pick([base, base, "https://evil.example", "null", undefined]);
      const boundary = "----fuzz" + Math.floor(next() * 1e6);
      const bodies: Array<[string, string]> = [
        [
          "text/plain;charset=UTF-8",
          pick(['["$K1"]', "[{},{}]", '["a","b"]', "garbage", "", '[{"get":1},"x"]']),
        ],
        [
          `multipart/form-data; boundary=${boundary}`,
          `--${boundary}\r\nContent-Disposition: form-data; name="1_$ACTION_ID_${id}"\r\n\r\n\r\n--${boundary}--\r\n`,
        ],
        [
          `multipart/form-data; boundary=${boundary}`,
          `--${boundary}\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]\r\n--${boundary}\r\nContent-Disposition: form-data; name="1_file"; filename="a\u0000.pdf"\r\n\r\n%PDF-1.7\r\n--${boundary}--\r\n`,
        ],
        [
          `multipart/form-data; boundary=${boundary}`,
          `--${boundary}\r\nContent-Disposition: form-data; name="0"\r\n\r\n[{}, {}]\r\n`,
        ],
        [`multipart/form-data; boundary=${boundary}`, pick(JUNK)],
        ["multipart/form-data", "no boundary at all"],
        ["application/json", '{"a":1}'],
      ];
      const [contentType, body] = pick(bodies);
      const headers: Record<string, string> = { "content-type": contentType };
      if (next() < 0.8) headers["next-action"] = id;
      if (origin) headers.origin = origin;
      list.push({ method: "POST", path: pick(PAGES), headers, body });
    }
  }
  return list;
}

async function send(probe: Probe): Promise<number> {
  const response = await fetch(`${base}${probe.path}`, {
    method: probe.method,
    headers: probe.headers,
    body: probe.body,
    redirect: "manual",
  });
  await response.arrayBuffer();
  return response.status;
}

describe("malformed requests against the production server", () => {
  // KNOWN, NOT FIXED YET: Next answers any path with malformed percent-encoding with a 500 (API,
  // pages, feeds, even unknown routes) before the route handler runs. `it.fails` records it; flip
  // to `it` when fixed.
  it.fails("answers API paths with malformed percent-encoding with a 400 and a JSON error", async () => {
    for (const path of ["/api/v1/nodes/%E0%A4%A", "/api/v1/departments/%ZZ", "/api/v1/documents/%"]) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(400);
      expect(response.headers.get("content-type"), path).toMatch(/json/u);
    }
  });

  it("answers searches for prototype names", async () => {
    for (const q of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      const response = await fetch(`${base}/api/v1/search?q=${q}`);
      expect(response.status, q).toBe(200);
      expect((await fetch(`${base}/search?q=${q}`)).status, q).toBe(200);
    }
  });

  it("refuses a cross-site action post with 403, and one with a forged X-Forwarded-Host too", async () => {
    const headers = {
      "next-action": actionIds[0] ?? "x",
      "content-type": "text/plain",
      origin: "https://evil.example",
    };
    expect((await fetch(`${base}/staff`, { method: "POST", headers, body: "[]" })).status).toBe(403);
    const forged = { ...headers, "x-forwarded-host": "evil.example" };
    expect((await fetch(`${base}/staff`, { method: "POST", headers: forged, body: "[]" })).status).toBe(403);
  });

  // KNOWN, NOT FIXED YET: besides malformed percent-encoding (above), Next's own multipart parser
  // answers 500 to a form post without a boundary or cut short ("Unexpected end of form"). Flip to
  // `it` once both are refused before Next parses them.
  it.fails(
    `answers ${COUNT} seeded malformed requests (seed ${SEED}) without a single 5xx`,
    async () => {
      const list = probes(COUNT, SEED);
      const failures: string[] = [];
      let at = 0;
      const worker = async () => {
        while (at < list.length) {
          const probe = list[at++] as Probe;
          const status = await send(probe).catch((error: unknown) => 599 + (error instanceof Error ? 0 : 1));
          if (status >= 500)
            failures.push(
              `${status} ${probe.method} ${probe.path.slice(0, 120)} ${JSON.stringify(probe.headers)}`,
            );
        }
      };
      await Promise.all(Array.from({ length: 6 }, worker));
      expect(failures.slice(0, 20)).toEqual([]);
      expect(await fetch(`${base}/api/health`).then((r) => r.status)).toBe(200);
    },
    900_000,
  );
});
