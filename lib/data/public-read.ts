import "server-only";
import type { Db } from "@/lib/db/client";
import { db } from "@/lib/db/server";

/**
 * Binds a read of public data (anyone may see it, so no user and no permission check) to the
 * server's database. Reads of staff, council or admin data must not use this: they ask `can()`.
 */
export function publicRead<A extends unknown[], R>(read: (db: Db, ...args: A) => R): (...args: A) => R {
  return (...args) => read(db(), ...args);
}
