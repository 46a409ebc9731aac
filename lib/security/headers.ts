/**
 * The security headers every response carries (next.config.ts `headers()`, on `/:path*`: pages,
 * API, feeds, assets, 404s).
 *
 * Scripts: Next's App Router writes its page data as inline `<script>self.__next_f.push(…)</script>`,
 * so `script-src 'self'` alone blanks every page. The strict fix is a per-request nonce, which Next
 * only adds to pages rendered per request: it would end the in-memory page cache the portal relies
 * on (decision record 003). Until nonces are worth that, scripts are limited to this origin plus
 * inline ones: `'unsafe-inline'` is the documented first step (issue 16), not the goal. Output is
 * escaped by React everywhere; the rest of the policy still stops framing, plugins, `<base>`
 * hijacking, off-site form posts and off-site fetches.
 * Styles: `'unsafe-inline'` for the style attributes that draw chart bars and indent budget rows.
 * `next dev` also needs `'unsafe-eval'` (React's debugging) and its hot-reload websocket.
 */
export type SecurityHeaderOptions = {
  /** NEXTAUTH_URL is https: the portal is served over TLS, so pin it (HSTS) and upgrade requests. */
  https: boolean;
  /** `next dev`. */
  dev: boolean;
};

export function contentSecurityPolicy({ https, dev }: SecurityHeaderOptions): string {
  const directives: Array<[string, ...string[]]> = [
    ["default-src", "'self'"],
    ["script-src", "'self'", "'unsafe-inline'", ...(dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'", ...(dev ? ["ws:", "wss:"] : [])],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ...(https ? [["upgrade-insecure-requests"] as [string]] : []),
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

export function securityHeaders(options: SecurityHeaderOptions): Array<{ key: string; value: string }> {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(options) },
    // For browsers that predate frame-ancestors.
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    // Only features Chromium knows: an unknown one is reported as a console error on every page.
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
    // Sent over plain HTTP it would be ignored at best; over HTTPS a year, this host only (the
    // city's other sites under the same domain are not ours to pin).
    ...(options.https ? [{ key: "Strict-Transport-Security", value: "max-age=31536000" }] : []),
  ];
}
