import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;

/**
 * The one way a Prisma client is made, for the app, scripts and tests alike. Password hashes are
 * omitted from every query unless a caller asks for them explicitly.
 */
export function createPrismaClient(options: { url: string; poolMax: number }): Db {
  const adapter = new PrismaPg({
    connectionString: options.url,
    max: options.poolMax,
    connectionTimeoutMillis: 5_000,
  });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}
