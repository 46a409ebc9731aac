import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ACTION_BODY_LIMIT_BYTES } from "@/lib/security/request-limits";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function post(path: string, headers: Record<string, string>) {
  const { proxy } = await import("@/proxy");
  return proxy(new NextRequest(`http://localhost:3000${path}`, { method: "POST", headers }));
}

const form = { "content-type": "multipart/form-data; boundary=x", "content-length": "1200" };
const action = { "next-action": "7f0a3c", "content-type": "text/plain;charset=UTF-8", "content-length": "2" };

/** proxy.ts refuses, before Next reads the body, the form posts Next itself answers with a 500. */
describe("form posts checked by the proxy", () => {
  it("lets a same-site post through, telling Next the host it was checked against", async () => {
    const response = await post("/staff/documents", {
      ...form,
      host: "policy.example.tw",
      origin: "http://policy.example.tw",
      "x-forwarded-host": "evil.example",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-middleware-rewrite")).toMatch(/\/zh-Hant\/staff\/documents$/u);
    expect(response.headers.get("x-middleware-request-x-forwarded-host")).toBe("policy.example.tw");
  });

  it.each([
    ["another site", "https://evil.example"],
    ["a site named like ours", "http://policy.example.tw.evil.example"],
    ["an opaque origin", "null"],
    ["garbage", "::::"],
  ])("refuses a post from %s with 403 and a message, on any path", async (_name, origin) => {
    for (const path of ["/staff/documents", "/", "/plans", "/api/v1/nodes"]) {
      const response = await post(path, { ...action, host: "policy.example.tw", origin });
      expect(response.status, path).toBe(403);
      expect(await response.text()).toMatch(/不是從本站送出/u);
    }
  });

  it("does not take X-Forwarded-Host's word for the host (Next does)", async () => {
    const response = await post("/staff", {
      ...action,
      host: "policy.example.tw",
      origin: "https://evil.example",
      "x-forwarded-host": "evil.example",
    });
    expect(response.status).toBe(403);
  });

  it("checks Origin against PORTAL_URL when it is set", async () => {
    vi.stubEnv("PORTAL_URL", "https://policy.kcg.example.tw");
    const ours = { ...form, host: "127.0.0.1:3000", origin: "https://policy.kcg.example.tw" };
    expect((await post("/staff", ours)).status).toBe(200);
    const internal = { ...form, host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" };
    expect((await post("/staff", internal)).status).toBe(403);
  });

  it("refuses an upload over the limit from its Content-Length, in the reader's language", async () => {
    const big = {
      ...form,
      host: "h.test",
      origin: "http://h.test",
      "content-length": String(ACTION_BODY_LIMIT_BYTES + 1),
    };
    const zh = await post("/staff/documents", big);
    expect(zh.status).toBe(413);
    expect(await zh.text()).toMatch(/超過 12 MB 上限/u);
    const en = await post("/staff/documents", { ...big, cookie: "lang=en" });
    expect(await en.text()).toMatch(/over the 12 MB limit/u);
    const atLimit = { ...big, "content-length": String(ACTION_BODY_LIMIT_BYTES) };
    expect((await post("/staff/documents", atLimit)).status).toBe(200);
  });

  it("refuses a form post without a Content-Length (its size cannot be checked first)", async () => {
    const { "content-length": _dropped, ...chunked } = form;
    expect((await post("/staff/documents", { ...chunked, "transfer-encoding": "chunked" })).status).toBe(411);
  });

  it("leaves other requests alone", async () => {
    const { proxy } = await import("@/proxy");
    const page = proxy(
      new NextRequest("http://localhost:3000/items", { headers: { origin: "https://evil.example" } }),
    );
    expect(page.status).toBe(200);
    expect(page.headers.get("x-middleware-rewrite")).toMatch(/\/zh-Hant\/items$/u);
    const urlEncoded = await post("/search", {
      "content-type": "application/x-www-form-urlencoded",
      origin: "https://evil.example",
    });
    expect(urlEncoded.status).toBe(200);
  });
});
