import type { RoleName } from "@/lib/domain/roles";
// A placeholder origin: resolving against it shows whether a browser would leave the site.
const HERE = "http://same-site.invalid";

/**
 * A path on this site to go to next (after signing in, after switching language), or null.
 *
 * Browsers read `\` as `/` and drop tabs and newlines inside URLs, so `/\evil.example`, `/\t/evil`
 * and (once decoded) `/%5Cevil` all mean `//evil.example`: another site. Only "/" followed by a
 * character that is neither slash nor backslash is accepted, with no control character, both as
 * given and percent-decoded; the URL parser the browser uses then has the last word. The answer is
 * re-serialised, so it is ASCII and can go into a Location header as is.
 */
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== "string" || !isSameSitePath(value)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return null; // malformed percent-encoding: not a path we wrote
  }
  if (!isSameSitePath(decoded)) return null;
  const url = new URL(value, HERE);
  if (url.origin !== HERE) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

// "/" alone, or "/" then neither "/" nor "\"; no C0 control, DEL, or other whitespace anywhere.
function isSameSitePath(path: string): boolean {
  return /^\/(?![/\\])/u.test(path) && !/[\p{Cc}\s]/u.test(path);
}

/** Where each role's work starts, when the sign-in page was not opened on the way somewhere. */
export const HOME_OF_ROLE: Record<RoleName, string> = {
  admin: "/staff",
  staff: "/staff",
  supervisor: "/staff",
  reviewer: "/review",
  councillor: "/council",
};
