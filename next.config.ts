import type { NextConfig } from "next";
import { readEnv } from "./lib/env";
import { CACHED_PAGES } from "./lib/routing/cached-pages";
import { securityHeaders } from "./lib/security/headers";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/security/request-limits";

const nextConfig: NextConfig = {
  // Node-only packages (database drivers, the job queue and mailer, native password hashing and word
  // segmentation): keep them out of the bundle.
  serverExternalPackages: [
    "@prisma/client",
    "@prisma/adapter-pg",
    "pg",
    "pg-boss",
    "nodemailer",
    "@electric-sql/pglite",
    "@node-rs/argon2",
    "@node-rs/jieba",
    "opencc-js",
    "unpdf",
    "playwright-core",
  ],
  poweredByHeader: false,
  // The locale rewrite of the cached public pages that take no query string, done by the router
  // from the lang cookie without running middleware on each request (half the throughput).
  // Every other page goes through proxy.ts, whose matcher excludes exactly these paths
  // (lib/routing/cached-pages.test.ts keeps the two in step). Pages with a query string must go
  // through the proxy: a config rewrite reports the query as empty to the client router, which
  // then reuses one cached page for every query.
  async rewrites() {
    const english = [{ type: "cookie" as const, key: "lang", value: "en" }];
    return {
      beforeFiles: CACHED_PAGES.flatMap((source) => [
        { source, has: english, destination: `/en${source === "/" ? "" : source}` },
        { source, destination: `/zh-Hant${source === "/" ? "" : source}` },
      ]),
    };
  },

  // Every response: pages, API, feeds, assets and 404s (lib/security/headers.ts says why each).
  // Evaluated by `next build` into the routes manifest, so NEXTAUTH_URL counts at build time;
  // scripts/serve.ts rebuilds when it changes.
  async headers() {
    const env = readEnv();
    const options = {
      https: env.NEXTAUTH_URL?.startsWith("https://") ?? false,
      dev: env.NODE_ENV === "development",
    };
    return [{ source: "/:path*", headers: securityHeaders(options) }];
  },

  typedRoutes: false,
  experimental: {
    // Pages are cached in memory only and revalidated by tag on every write; nothing is flushed to
    // .next/, so a restart (the database may have changed meanwhile) always starts from fresh reads.
    // One process serves the portal; several would need a shared cache handler.
    isrFlushToDisk: false,
    // forbidden(): a real 403 for a staff member opening another department's edit page.
    authInterrupts: true,
    // Uploads go through server actions: a 1 MB progress CSV, a text or PDF plan document up to
    // 10 MB. Each use states and checks its own, smaller limit; this only lets the body through.
    // proxy.ts refuses a larger Content-Length first, with a message (Next's own refusal is a 500).
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES },
    // Next copies a body for the proxy up to this size and cuts it there: at its default (10 MB) a
    // 10–12 MB upload reached the action truncated ("Unexpected end of form", a 500).
    proxyClientMaxBodySize: ACTION_BODY_LIMIT_BYTES,
  },
};

export default nextConfig;
