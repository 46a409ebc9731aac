import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { redactDatabaseUrl } from "./url";

const require = createRequire(import.meta.url);

/**
 * Applies committed migrations with `prisma migrate deploy` (never `db push`). Runs the CLI as a
 * child process because the schema engine lives there; the database must accept one more
 * connection, so callers close their own pools first on the embedded database.
 */
export async function applyMigrations(url: string): Promise<void> {
  const cli = require.resolve("prisma/build/index.js");
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0) {
    const detail = output.join("").trim().split("\n").slice(-8).join("\n");
    throw new Error(`Migrations failed on ${redactDatabaseUrl(url)}:\n${detail}`);
  }
}
