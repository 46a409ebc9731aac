import "server-only";
import { DEMO_ACCOUNTS } from "@/lib/auth/accounts";
import type { Db } from "@/lib/db/client";
import { DEMO_SET_NAME } from "@/lib/demo/scenario";

/**
 * Whether this database holds the demo (its accounts or its scripted tracking): then every page
 * says 示範資料, whatever started the server, so nobody takes the demo's lights for the city's.
 */
export async function hasDemoData(db: Db): Promise<boolean> {
  const [accounts, sets] = await Promise.all([
    db.user.count({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } } }),
    db.trackedSet.count({ where: { name: DEMO_SET_NAME } }),
  ]);
  return accounts + sets > 0;
}
