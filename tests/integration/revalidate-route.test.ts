import { afterEach, describe, expect, it, vi } from "vitest";

const SECRET = "s".repeat(40);

async function post(body: unknown, authorization?: string) {
  vi.resetModules();
  vi.stubEnv("PORTAL_REVALIDATE_SECRET", SECRET);
  const { POST } = await import("@/app/api/internal/revalidate/route");
  return POST(
    new Request("http://portal.test/api/internal/revalidate", {
      method: "POST",
      headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}
afterEach(() => {
  vi.unstubAllEnvs();
});

// The success path expires Next's cache and needs a running server: the browser tests cover it
// (a staff save shows on the next page load). Here: nobody else gets to expire pages.
describe("POST /api/internal/revalidate", () => {
  it.each([
    ["no secret", undefined],
    ["a wrong secret of the same length", `Bearer ${"x".repeat(40)}`],
    ["a prefix of the secret", `Bearer ${SECRET.slice(0, 10)}`],
  ])("refuses %s with 401", async (_name, authorization) => {
    const response = await post({ tags: ["portal"] }, authorization);
    expect(response.status).toBe(401);
  });

  it.each([
    ["not JSON", "tags=portal"],
    ["no tags", { tags: [] }],
    ["a tag that is not one of ours", { tags: ["../../etc"] }],
  ])("answers 400 for %s, saying what to send", async (_name, body) => {
    const response = await post(body, `Bearer ${SECRET}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: expect.stringMatching(/^Send \{"tags": \[\.\.\.\]\}/u),
    });
  });
});
