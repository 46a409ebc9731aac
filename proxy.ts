import { type NextRequest, NextResponse } from "next/server";
import { publicHost } from "@/lib/http/public-origin";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from "@/lib/i18n/locale";
import { localisedPath } from "@/lib/routing/localise";
import { actionRefusalResponse, isActionPost, refuseActionPost } from "@/lib/security/action-requests";

/**
 * Rewrites (never redirects) public URLs to the internal `[locale]` segment, so the address bar
 * keeps `/plans` and pages render without reading cookies: cacheable. Not an access check.
 * Form posts (server actions) to any path are checked first: see lib/security/action-requests.ts.
 */
export function proxy(request: NextRequest) {
  let forwarded: Headers | undefined;
  if (isActionPost(request.method, request.headers)) {
    const host = publicHost(request);
    const refusal = refuseActionPost(request.headers, host);
    if (refusal) {
      const cookie = request.cookies.get(LOCALE_COOKIE)?.value;
      return actionRefusalResponse(refusal, isLocale(cookie) ? cookie : DEFAULT_LOCALE);
    }
    // Next compares Origin with X-Forwarded-Host when there is one: make it the host checked here.
    forwarded = new Headers(request.headers);
    forwarded.set("x-forwarded-host", host);
  }
  const pass = () => NextResponse.next(forwarded ? { request: { headers: forwarded } } : undefined);
  if (!isPagePath(request.nextUrl.pathname)) return pass();

  const target = localisedPath(
    request.nextUrl.pathname,
    request.nextUrl.searchParams,
    request.cookies.get(LOCALE_COOKIE)?.value,
  );
  if (!target) return pass();
  const url = request.nextUrl.clone();
  url.pathname = target.pathname;
  url.search = target.search;
  const response = NextResponse.rewrite(url, forwarded ? { request: { headers: forwarded } } : undefined);
  // The same URL answers in either language depending on the cookie: shared caches must know.
  response.headers.set("Vary", "Cookie");
  return response;
}

// Literal values only: Next reads this object from the source without running it.
export const config = {
  matcher: [
    // Every page except the API, feeds, the language switch, Next's assets, files like icon.svg, and
    // the cached pages next.config.ts rewrites itself (lib/routing/cached-pages.ts): keep in step.
    "/((?!api/|_next/|feeds/|lang$|$|plans$|reports$|departments$|departments/[^/]+$|nodes/[^/]+$|documents/[^/]+$|developers$|.*\\.[a-z0-9]+$).*)",
    // Form posts to any path, the cached pages and the API included: refused here, not as Next's 500.
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    { source: "/:path*", has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
  ],
};

/** Whether a path is one of the pages the first matcher sends here (form posts reach any path). */
let pagePath: RegExp | undefined;
const isPagePath = (path: string) =>
  (pagePath ??= new RegExp(`^${(config.matcher[0] as string).replace("/(", "/(?:")}$`, "u")).test(path);
