import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The Prisma client, pg and PGlite are Node-only; keep them out of the bundle.
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pg", "@electric-sql/pglite"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
