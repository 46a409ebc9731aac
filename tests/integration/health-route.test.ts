import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// The route reads its database from the environment, as under `npm start`.
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.$disconnect(); // the embedded database takes one connection: the route's
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await t.dispose();
});

async function loadRoute(databaseUrl: string) {
  vi.resetModules();
  delete (globalThis as { portalDb?: unknown }).portalDb;
  vi.stubEnv("DATABASE_URL", databaseUrl);
  vi.stubEnv("DATABASE_POOL_MAX", "1");
  return import("@/app/api/health/route");
}

describe("GET /api/health", () => {
  it("answers 200 with counts when the database is up", async () => {
    const { GET } = await loadRoute(t.url);
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ok",
      database: { status: "up" },
      counts: { documents: 0, nodes: 0 },
    });
    const db = (globalThis as { portalDb?: { $disconnect(): Promise<void> } }).portalDb;
    await db?.$disconnect();
  });

  it("answers 503 with the reason when the database is unreachable", async () => {
    const { GET } = await loadRoute("postgresql://postgres@127.0.0.1:9/none");
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      status: "unavailable",
      database: { status: "down", error: expect.stringMatching(/cannot reach the database server/u) },
    });
  });
});
