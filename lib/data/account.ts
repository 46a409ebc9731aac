import "server-only";
import { getOwnSecondFactor, type SecondFactorView } from "@/lib/account/second-factor";
import { type AccountView, getOwnAccount } from "@/lib/account/settings";
import { assertUserCan, type SessionUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/server";

/** A signed-in user's reads of their own account. */

/** The viewer's own account (name, e-mail, role, reminder setting); a stranger is refused. */
export async function getMyAccount(viewer: SessionUser | null): Promise<AccountView | null> {
  assertUserCan(viewer, { action: "account.self" });
  return getOwnAccount(db(), viewer.id);
}

/** The viewer's own second factor (state, recovery codes left, and while enrolling the QR code). */
export async function getMySecondFactor(viewer: SessionUser | null): Promise<SecondFactorView | null> {
  assertUserCan(viewer, { action: "account.second-factor" });
  return getOwnSecondFactor(db(), viewer.id);
}
