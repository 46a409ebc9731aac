import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The Prisma client, pg and PGlite are Node-only; keep them out of the bundle.
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pg", "@electric-sql/pglite"],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // Pages are cached in memory only and revalidated by tag on every write; nothing is flushed to
    // .next/, so a restart (the database may have changed meanwhile) always starts from fresh reads.
    // One process serves the portal; several would need a shared cache handler.
    isrFlushToDisk: false,
  },
};

export default nextConfig;
