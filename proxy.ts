import { type NextRequest, NextResponse } from "next/server";
import { LOCALE_COOKIE } from "@/lib/i18n/locale";
import { localisedPath } from "@/lib/routing/localise";

/**
 * Rewrites (never redirects) public URLs to the internal `[locale]` segment, so the address bar
 * keeps `/plans` and pages render without reading cookies: cacheable. Not an access check.
 */
export function proxy(request: NextRequest) {
  const target = localisedPath(
    request.nextUrl.pathname,
    request.nextUrl.searchParams,
    request.cookies.get(LOCALE_COOKIE)?.value,
  );
  if (!target) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = target.pathname;
  url.search = target.search;
  const response = NextResponse.rewrite(url);
  // The same URL answers in either language depending on the cookie: shared caches must know.
  response.headers.set("Vary", "Cookie");
  return response;
}

export const config = {
  // Every page except the API, feeds, the language switch, Next's assets, files like icon.svg, and
  // the cached pages next.config.ts rewrites itself (lib/routing/cached-pages.ts): keep in step.
  matcher: [
    "/((?!api/|_next/|feeds/|lang$|$|plans$|reports$|departments$|departments/[^/]+$|nodes/[^/]+$|documents/[^/]+$|developers$|.*\\.[a-z0-9]+$).*)",
  ],
};
