/** Where to go after signing in: a path on this site only, never an open redirect. */
export function safeNextPath(value: unknown): string | null {
  return typeof value === "string" && /^\/(?![/\\])[^\s]*$/u.test(value) ? value : null;
}
