/**
 * Public pages served from the cache that take no query string: next.config.ts rewrites them to
 * the internal [locale] path by configuration; proxy.ts handles every other page.
 */
export const CACHED_PAGES = [
  "/",
  "/plans",
  "/reports",
  "/departments",
  "/departments/:slug",
  "/nodes/:id",
  "/documents/:id",
  "/developers",
] as const;
