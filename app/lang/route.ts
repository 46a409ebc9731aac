import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { safeNextPath } from "@/lib/auth/navigation";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locale";

const query = z.object({
  to: z.enum(LOCALES),
  // Only a path on this site (never an open redirect), else the home page.
  next: z.unknown().transform((next) => safeNextPath(next) ?? "/"),
});

/** The language switch: a plain link, so it works without JavaScript. Sets the cookie, goes back. */
export function GET(request: NextRequest) {
  const parsed = query.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) {
    return NextResponse.json({ error: "Choose a language: ?to=zh-Hant or ?to=en" }, { status: 400 });
  }
  // A relative Location: behind a proxy or on 127.0.0.1 vs localhost, the browser stays on the host
  // it asked (and that the cookie was set for).
  const response = new NextResponse(null, { status: 303, headers: { Location: parsed.data.next } });
  response.cookies.set(LOCALE_COOKIE, parsed.data.to, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
  });
  return response;
}
