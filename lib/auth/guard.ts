import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getCurrentUser } from "./current-user";
import { can, type Permission, type SessionUser } from "./permissions";

/**
 * For pages and actions of the signed-in areas: the current user, or off to the sign-in page
 * (coming back here afterwards); signed in without the permission, a 403. The proxy never decides.
 */
export async function requireUser(returnTo: string, permission?: Permission): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  if (permission && !can(user, permission)) forbidden();
  return user;
}
