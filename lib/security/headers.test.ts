import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "./headers";

const header = (list: Array<{ key: string; value: string }>, key: string) =>
  list.find((h) => h.key === key)?.value;

// Issue 16, finding 5: none of 24 response types carried any of these, and a same-site page could
// frame /admin with a live admin session.
describe("security headers", () => {
  it("forbid framing, sniffing and full referrers, and switch off device features", () => {
    const list = securityHeaders({ https: false, dev: false });
    expect(header(list, "X-Frame-Options")).toBe("DENY");
    expect(header(list, "X-Content-Type-Options")).toBe("nosniff");
    expect(header(list, "Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(header(list, "Permissions-Policy")).toContain("camera=()");
    expect(header(list, "Content-Security-Policy")).toContain("frame-ancestors 'none'");
  });

  it("pin HTTPS only when the portal is served over it", () => {
    expect(
      header(securityHeaders({ https: false, dev: false }), "Strict-Transport-Security"),
    ).toBeUndefined();
    expect(header(securityHeaders({ https: true, dev: false }), "Strict-Transport-Security")).toBe(
      "max-age=31536000",
    );
    expect(contentSecurityPolicy({ https: false, dev: false })).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ https: true, dev: false })).toContain("upgrade-insecure-requests");
  });

  it("allow no script from elsewhere, no eval outside next dev, no plugins and no off-site forms", () => {
    const csp = contentSecurityPolicy({ https: false, dev: false });
    expect(csp).toContain("script-src 'self' 'unsafe-inline';");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).toContain("form-action 'self'");
    expect(contentSecurityPolicy({ https: false, dev: true })).toContain("'unsafe-eval'");
  });
});
