/**
 * The server Playwright starts: the same `npm start` path, on its own port, with a fresh embedded
 * database (or DATABASE_URL, which must be on this machine: tests write to it).
 */
import { rmSync } from "node:fs";
import { readEnv } from "@/lib/env";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

const env = readEnv();
if (env.DATABASE_URL) {
  const host = new URL(env.DATABASE_URL).hostname;
  if (!LOCAL_HOSTS.has(host)) {
    process.stderr.write(`✗ Refusing to run browser tests against a database on ${host}: use a local one.\n`);
    process.exit(1);
  }
} else {
  rmSync(env.PORTAL_DATA_DIR, { recursive: true, force: true });
}
// The browser tests sign in with the demo accounts, on either database.
process.env.PORTAL_DEMO_ACCOUNTS = "1";
await import("./serve");
