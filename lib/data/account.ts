import "server-only";
import { type AccountView, getOwnAccount } from "@/lib/account/settings";
import { assertUserCan, type SessionUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/server";

/** A signed-in user's reads of their own account. */

/** The viewer's own account (name, e-mail, role, reminder setting); a stranger is refused. */
export async function getMyAccount(viewer: SessionUser | null): Promise<AccountView | null> {
  assertUserCan(viewer, { action: "account.self" });
  return getOwnAccount(db(), viewer.id);
}
