/**
 * `npm start` / `npm run dev`: select the database (embedded unless DATABASE_URL is set), migrate,
 * seed when empty, build when the sources changed, then serve and print the URL.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { formatAccountsReport, formatSeedReport, prepareDatabase } from "@/lib/bootstrap";
import { announceRunningPortal } from "@/lib/cache/running-portal";
import { type Env, missingProductionSecrets, missingSecretsMessage, readEnv } from "@/lib/env";
import { runMain } from "./cli";

const dev = process.argv.includes("--dev");
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.ts",
  "proxy.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];
const BUILD_STAMP = ".next/portal-build-hash";

function* files(path: string): Generator<string> {
  if (!existsSync(path)) return;
  if (!statSync(path).isDirectory()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path).sort()) yield* files(join(path, entry));
}

/** A hash of everything the production build depends on: rebuild only when it changes. */
function sourceHash(env: Env): string {
  const hash = createHash("sha256");
  // next.config.ts's headers() are fixed at build: HSTS follows whether NEXTAUTH_URL is https.
  hash.update(`NEXTAUTH_URL=${env.NEXTAUTH_URL ?? ""}`);
  for (const input of BUILD_INPUTS) {
    for (const file of files(input)) hash.update(file).update(readFileSync(file));
  }
  return hash.digest("hex");
}

function buildIfNeeded(env: Env): void {
  const hash = sourceHash(env);
  if (existsSync(".next/BUILD_ID") && existsSync(BUILD_STAMP) && readFileSync(BUILD_STAMP, "utf8") === hash) {
    console.log("Build: up to date.");
    return;
  }
  console.log("Build: sources changed, running next build (about a minute)…");
  const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed (see above).");
  writeFileSync(BUILD_STAMP, hash);
}

/** Kept beside the data folder so sessions survive a restart; a deployment sets NEXTAUTH_SECRET. */
function sessionSecret(dataDir: string): string {
  const path = `${dataDir}.auth-secret`;
  if (existsSync(path)) return readFileSync(path, "utf8").trim();
  mkdirSync(dirname(path), { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(path, secret, { mode: 0o600 });
  return secret;
}

async function waitUntilServing(port: number, child: ReturnType<typeof spawn>): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The web server exited with code ${child.exitCode}.`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error("The web server did not answer within 2 minutes.");
}

runMain(async () => {
  // Known before the database is prepared: it also keys the stored TOTP secrets (lib/auth/secret-box.ts).
  process.env.NEXTAUTH_SECRET ||= sessionSecret(readEnv().PORTAL_DATA_DIR);
  const env = readEnv();
  // A deployment says NODE_ENV=production and brings its own secrets; the default start makes one.
  const missing = missingProductionSecrets(env);
  if (missing.length > 0) throw new Error(missingSecretsMessage(missing));
  const { database, seed, accounts } = await prepareDatabase({ seedsDir: "seeds", seed: true });
  console.log(`Database: ${database.description}`);
  for (const line of formatSeedReport(seed)) console.log(line);
  for (const line of formatAccountsReport(accounts)) console.log(line);

  try {
    if (!dev) buildIfNeeded(env);
  } catch (error) {
    await database.close();
    throw error;
  }

  // Shared with the import CLI (through the server file) so its imports refresh this server's cache.
  const secret = env.PORTAL_REVALIDATE_SECRET ?? randomBytes(32).toString("hex");
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", dev ? "dev" : "start", "-p", String(env.PORT)],
    {
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: database.url,
        DATABASE_POOL_MAX: String(database.poolMax),
        PORTAL_REVALIDATE_SECRET: secret,
        NEXTAUTH_SECRET: env.NEXTAUTH_SECRET,
        // The server stops its job worker (instrumentation.ts) before it exits, instead of Next
        // exiting at once; `next dev` keeps Next's own handling.
        ...(dev ? {} : { NEXT_MANUAL_SIG_HANDLE: "1" }),
      },
    },
  );
  const stop = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  let withdraw = async () => {};
  child.on("exit", (code) => {
    void withdraw()
      .then(() => database.close())
      .finally(() => process.exit(code ?? 0));
  });

  await waitUntilServing(env.PORT, child);
  withdraw = await announceRunningPortal(env, { url: `http://127.0.0.1:${env.PORT}`, secret });
  console.log(`\nKaohsiung policy tracker is running: http://localhost:${env.PORT}\n`);
});
