/**
 * The server Playwright starts: the same `npm start` path, on its own port, with a fresh embedded
 * database (or DATABASE_URL, which must be on this machine: tests write to it).
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readEnv } from "@/lib/env";
import { DEMO_TOTP_SECRET } from "../tests/e2e/demo-totp-secret";
import { startTestSmtp } from "../tests/support/smtp";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

const env = readEnv();
if (env.DATABASE_URL) {
  const host = new URL(env.DATABASE_URL).hostname;
  if (!LOCAL_HOSTS.has(host)) {
    process.stderr.write(`✗ Refusing to run browser tests against a database on ${host}: use a local one.\n`);
    process.exit(1);
  }
} else if (process.env.E2E_KEEP_DATA !== "1") {
  // Fresh each time; bench:pages keeps what it added between its two starts.
  rmSync(env.PORTAL_DATA_DIR, { recursive: true, force: true });
}
// The browser tests sign in with the demo accounts, on either database; the administrator and the
// reviewer with a second factor whose codes the tests compute (tests/e2e/second-factor.ts).
process.env.PORTAL_DEMO = "1";
process.env.PORTAL_DEMO_TOTP_SECRET = DEMO_TOTP_SECRET;

// A real SMTP server for the portal's mail: each message it receives is written, raw, to
// E2E_MAIL_DIR, where the tests read what arrived (tests/support/smtp.ts decodes it).
const E2E_MAIL_DIR = ".data/e2e-mail";
rmSync(E2E_MAIL_DIR, { recursive: true, force: true });
mkdirSync(E2E_MAIL_DIR, { recursive: true });
let written = 0;
const smtp = await startTestSmtp(({ to, raw }) => {
  written += 1;
  writeFileSync(join(E2E_MAIL_DIR, `${String(written).padStart(5, "0")}.json`), JSON.stringify({ to, raw }));
});
process.env.SMTP_URL = smtp.url;
await import("./serve");
