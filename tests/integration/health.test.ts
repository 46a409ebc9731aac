import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { getHealth } from "@/lib/queries/health";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.dispose();
});

describe("health", () => {
  it("reports the database up with document and node counts", async () => {
    expect(await getHealth(t.db)).toEqual({
      status: "ok",
      database: { status: "up" },
      counts: { documents: 0, nodes: 0 },
    });
  });

  it("reports the database down, with the reason, when it cannot be reached", async () => {
    // Port 9 (discard) on loopback: nothing listens there.
    const unreachable = createPrismaClient({ url: "postgresql://postgres@127.0.0.1:9/none", poolMax: 1 });
    try {
      const health = await getHealth(unreachable);
      expect(health.status).toBe("unavailable");
      expect(health).toMatchObject({
        database: { status: "down", error: expect.stringMatching(/cannot reach the database server/u) },
      });
    } finally {
      await unreachable.$disconnect();
    }
  });
});
