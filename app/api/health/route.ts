import { getHealth } from "@/lib/data/portal";

export const dynamic = "force-dynamic";

/** Liveness and content check for operators and the start script: 503 when the database is unreachable. */
export async function GET() {
  const health = await getHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
