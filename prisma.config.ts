// Prisma CLI configuration: the WebAssembly schema engine ("js") driven through @prisma/adapter-pg, so
// migrate works offline (Prisma 7's native engine would be downloaded). See docs/decisions/001.
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { patchPgCatalogTypes } from "./lib/db/pg-catalog-types";

patchPgCatalogTypes();

/**
 * Workaround for `migrate dev`: adapter-pg builds the shadow pool from the main connection string
 * (so it would migrate the main database) and drops the shadow database while its own pool is still
 * connected. Connect by fields and dispose the shadow pool before the DROP.
 */
class MigrationAdapterFactory extends PrismaPg {
  private readonly fields: { host: string; port: number; user: string; password: string; database: string };

  constructor(url: string) {
    const u = new URL(url);
    const fields = {
      host: u.hostname,
      port: Number(u.port || 5432),
      user: decodeURIComponent(u.username || "postgres"),
      password: decodeURIComponent(u.password),
      database: decodeURIComponent(u.pathname.slice(1) || "postgres"),
    };
    super({ ...fields, max: 1 });
    this.fields = fields;
  }

  override async connectToShadowDb() {
    const admin = await this.connect();
    const database = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new PrismaPg({ ...this.fields, database, max: 1 }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await admin.dispose();
    };
    return shadow;
  }
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url)
      throw new Error(
        "DATABASE_URL is not set: run Prisma through `npm run db:migrate`, which selects the database.",
      );
    return new MigrationAdapterFactory(url);
  },
});
