/**
 * Next's start-up hook: runs once when a server process starts. It starts the job worker
 * (lib/jobs/server.ts) in the web server's own process, on the same database pool as the pages.
 *
 * The variables read here are Next's own markers, not the portal's settings (those are in lib/env.ts):
 * NEXT_RUNTIME (Next inlines it, so the edge bundle leaves the worker out), NEXT_PHASE (a build
 * prerendering pages must not start it) and NEXT_MANUAL_SIG_HANDLE, which `npm start`
 * (scripts/serve.ts) sets so that this process, not Next, decides how to stop.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { missingProductionSecrets, missingSecretsMessage, readEnv } = await import("./lib/env");
  const missing = missingProductionSecrets(readEnv());
  if (missing.length > 0) {
    console.error(`✗ ${missingSecretsMessage(missing)}`);
    process.exit(1);
  }
  const { startServerJobWorker } = await import("./lib/jobs/server");
  await startServerJobWorker({ handleSignals: process.env.NEXT_MANUAL_SIG_HANDLE === "1" });
}
