import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

/** The departments list answering page 2 of 12 (no rows needed: the links are the subject). */
async function linksFor(url: string, headers: Record<string, string> = {}) {
  const { serveList } = await import("./handler");
  const { LIST_ENDPOINTS } = await import("./endpoints");
  const response = await serveList(new Request(url, { headers }), LIST_ENDPOINTS[0], () =>
    Promise.resolve({ rows: [], total: 120 }),
  );
  expect(response.status).toBe(200);
  const body = (await response.json()) as { page: { next: string; prev: string } };
  return { next: body.page.next, link: response.headers.get("Link") ?? "" };
}

// Under `next start` a route handler's request.url is the server's own http://localhost:PORT.
const INTERNAL = "http://localhost:3000/api/v1/departments?size=10&page=2";

describe("API pagination links", () => {
  it("name the host the reader used, not the server's own address", async () => {
    const { next, link } = await linksFor(INTERNAL, { host: "policy.kcg.example.tw" });
    expect(next).toBe("http://policy.kcg.example.tw/api/v1/departments?size=10&page=3");
    expect(link).not.toMatch(/localhost/u);
  });

  it("use PORTAL_URL when it is set, whatever the Host header says", async () => {
    vi.stubEnv("PORTAL_URL", "https://policy.kcg.example.tw");
    const { next, link } = await linksFor(INTERNAL, { host: "evil.example" });
    expect(next).toBe("https://policy.kcg.example.tw/api/v1/departments?size=10&page=3");
    expect(link).not.toMatch(/evil|localhost/u);
  });

  it("ignore X-Forwarded-Host and a Host header that is not a host", async () => {
    const { next } = await linksFor(INTERNAL, {
      host: "evil.example/path?x=",
      "x-forwarded-host": "evil.example",
    });
    expect(next).toBe("http://localhost:3000/api/v1/departments?size=10&page=3");
  });
});
