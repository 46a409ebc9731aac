import type { Db } from "@/lib/db/client";
import { CANONICAL_DEPARTMENTS } from "@/lib/domain/departments";

/**
 * Writes the canonical departments and their aliases to the database. Idempotent; never removes
 * what an admin added.
 */
export async function syncDepartments(db: Db): Promise<void> {
  await db.$transaction(
    async (tx) => {
      for (const [index, dept] of CANONICAL_DEPARTMENTS.entries()) {
        const row = await tx.department.upsert({
          where: { slug: dept.slug },
          create: { slug: dept.slug, nameZh: dept.nameZh, nameEn: dept.nameEn, sortOrder: index },
          update: { nameZh: dept.nameZh, nameEn: dept.nameEn, sortOrder: index },
        });
        for (const alias of dept.aliases) {
          await tx.departmentAlias.upsert({
            where: { alias },
            create: { alias, departmentId: row.id },
            update: {},
          });
        }
      }
      // A few hundred upserts one by one: on a busy two-core machine (or the single-connection
      // embedded database) they can pass Prisma's 5 s default.
    },
    { timeout: 60_000 },
  );
}
