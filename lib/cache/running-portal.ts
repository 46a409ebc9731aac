import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod";
import type { Env } from "@/lib/env";

/**
 * How a CLI finds the web server started by `npm start`, to ask it to refresh its cached pages
 * after an import: a file beside the data folder, readable by this user only.
 */
const serverFile = z.object({ url: z.url(), secret: z.string().min(32) });
export type RunningPortal = z.infer<typeof serverFile>;

export const serverFilePath = (env: Pick<Env, "PORTAL_DATA_DIR">) => `${env.PORTAL_DATA_DIR}.server.json`;

export async function announceRunningPortal(env: Env, portal: RunningPortal): Promise<() => Promise<void>> {
  const path = serverFilePath(env);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify(portal), { mode: 0o600 });
  return () => rm(path, { force: true });
}

async function findRunningPortal(env: Env): Promise<RunningPortal | null> {
  if (env.PORTAL_URL && env.PORTAL_REVALIDATE_SECRET) {
    return { url: env.PORTAL_URL, secret: env.PORTAL_REVALIDATE_SECRET };
  }
  try {
    const parsed = serverFile.safeParse(JSON.parse(await readFile(serverFilePath(env), "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Tells the running portal which cache tags a write in this process made stale. Returns what
 * happened, for the CLI to print; never throws (the import itself has succeeded).
 */
export async function refreshRunningPortal(env: Env, tags: string[]): Promise<string> {
  const portal = await findRunningPortal(env);
  if (!portal) return "No running portal found: its pages will be fresh when it starts.";
  try {
    const response = await fetch(new URL("/api/internal/revalidate", portal.url), {
      method: "POST",
      headers: { authorization: `Bearer ${portal.secret}`, "content-type": "application/json" },
      body: JSON.stringify({ tags }),
      signal: AbortSignal.timeout(5_000),
    });
    return response.ok
      ? `Refreshed the portal's pages at ${portal.url}.`
      : `The portal at ${portal.url} refused the refresh (${response.status}); restart it to see the import.`;
  } catch {
    return `The portal at ${portal.url} did not answer; its pages refresh when it restarts.`;
  }
}
