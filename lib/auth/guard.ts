import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getCurrentUser } from "./current-user";
import { can, type Permission, type SessionUser } from "./permissions";

/** Where an administrator or reviewer without a second factor is sent, whatever they asked for. */
export const ENROLMENT_PAGE = "/account/second-factor";

/**
 * For pages and actions of the signed-in areas: the current user, or off to the sign-in page
 * (coming back here afterwards); signed in without the permission, a 403. An account that must
 * enrol a second factor first is sent to the enrolment page (can() refuses it everything else, so
 * this is the friendly face of that rule, not the rule). The proxy never decides.
 */
export async function requireUser(returnTo: string, permission?: Permission): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  if (user.secondFactor === "pending" && returnTo !== ENROLMENT_PAGE) redirect(ENROLMENT_PAGE);
  if (permission && !can(user, permission)) forbidden();
  return user;
}
