import { defineConfig, devices } from "@playwright/test";

const port = 3100;
const LAST = /links\.spec\.ts$/u;
const DESKTOP = { ...devices["Desktop Chrome"] };
const PHONE = { ...devices["Pixel 5"], viewport: { width: 360, height: 780 } };
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  // One server, and on the embedded database one connection: run tests one at a time.
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // 60 s, not 30: an administrator's or reviewer's sign-in may wait up to 30 s for a fresh
  // authenticator step (a code is good once; tests/e2e/second-factor.ts), on top of the test itself.
  timeout: 60_000,
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  // Specs that change what every page shows (an import) run last, after both projects' other specs.
  projects: [
    { name: "desktop", testIgnore: LAST, use: DESKTOP },
    { name: "phone", testIgnore: LAST, use: PHONE },
    { name: "desktop-last", testMatch: LAST, dependencies: ["desktop", "phone"], use: DESKTOP },
    { name: "phone-last", testMatch: LAST, dependencies: ["desktop", "phone"], use: PHONE },
  ],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { PORT: String(port), PORTAL_DATA_DIR: ".data/e2e", NEXT_TELEMETRY_DISABLED: "1" },
  },
});
