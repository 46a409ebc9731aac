import { test as plainTest } from "@playwright/test";
import { expect, test } from "./fixtures";

// Issue 16, finding 5: none of 24 response types carried a CSP, frame-ancestors/X-Frame-Options,
// nosniff or a Referrer-Policy, and another page could frame /admin with a live admin session.
const EXPECTED = {
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
};

test.describe("security headers", () => {
  const responses: Array<[string, string, number]> = [
    ["a cached page", "/plans", 200],
    ["a page through the proxy", "/items?year=2013", 200],
    ["an API response", "/api/v1/departments", 200],
    ["the health check", "/api/health", 200],
    ["a feed", "/feeds/progress", 200],
    ["a missing page", "/no-such-page", 404],
    ["a missing API record", "/api/v1/nodes/999999999", 404],
    ["the language switch's redirect", "/lang?to=en&next=/plans", 303],
  ];
  for (const [what, path, status] of responses) {
    test(`on ${what}`, async ({ request }) => {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBe(status);
      const headers = response.headers();
      expect(headers).toMatchObject(EXPECTED);
      expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(headers["content-security-policy"]).toContain("object-src 'none'");
      expect(headers["permissions-policy"]).toContain("camera=()");
      // Served over plain HTTP here: no HSTS (it is for NEXTAUTH_URL=https:// deployments).
      expect(headers["strict-transport-security"]).toBeUndefined();
    });
  }

  test("the reported open redirect stays on the site", async ({ request }) => {
    const response = await request.get("/lang?to=en&next=/%5Cevil.example/", { maxRedirects: 0 });
    expect(response.status()).toBe(303);
    expect(response.headers()["location"]).toBe("/");
  });
});

// The browser reports the refused frame as a console error, which is the point here: plain test.
plainTest("another page cannot frame the portal", async ({ page, baseURL }) => {
  // Served by the browser itself on another origin of the same machine (localhost vs 127.0.0.1).
  const framer = new URL(baseURL ?? "http://127.0.0.1:3100");
  framer.hostname = "localhost";
  framer.pathname = "/framing-attack";
  await page.route(framer.href, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>framer</title><iframe title="portal" src="${baseURL}/sign-in"></iframe>`,
    }),
  );
  await page.goto(framer.href, { waitUntil: "load" });
  const frame = page.frames().find((f) => f !== page.mainFrame());
  if (!frame) throw new Error("the framing page has no frame");
  await expect(frame.getByRole("button")).toHaveCount(0);
  await expect(frame.locator("form")).toHaveCount(0);
});
