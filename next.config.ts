import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Node-only packages (database drivers, native password hashing and word segmentation): keep them out of the bundle.
  serverExternalPackages: [
    "@prisma/client",
    "@prisma/adapter-pg",
    "pg",
    "@electric-sql/pglite",
    "@node-rs/argon2",
    "@node-rs/jieba",
    "opencc-js",
    "unpdf",
    "playwright-core",
  ],
  poweredByHeader: false,
  // The locale rewrite of plain pages (see proxy.ts for the listings, which need code): done by the
  // router from the lang cookie, without running middleware on every request of a cached page.
  async rewrites() {
    const page = "/:path((?!api/|_next/|feeds/|lang$|zh-Hant(?:/|$)|en(?:/|$)|items(?:/|$)|budgets(?:/|$)|.*\\.[a-z0-9]+$).*)";
    const english = [{ type: "cookie" as const, key: "lang", value: "en" }];
    return {
      beforeFiles: [
        { source: "/", has: english, destination: "/en" },
        { source: "/", destination: "/zh-Hant" },
        { source: page, has: english, destination: "/en/:path" },
        { source: page, destination: "/zh-Hant/:path" },
      ],
    };
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
    serverActions: { bodySizeLimit: "12mb" },
  },
};

export default nextConfig;
