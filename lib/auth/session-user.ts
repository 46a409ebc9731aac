import type { Db } from "@/lib/db/client";
import { secondFactorState } from "@/lib/domain/roles";
import type { SessionUser } from "./permissions";

/**
 * The user a session token names, if that session is still good: the account is active and its
 * session version is the one the token was issued with (disabling, role or password changes and
 * sign-out all bump it). Its second-factor state is read here too, so an enrolment or an
 * administrator's reset takes effect on the next request (see `can()`).
 */
export async function loadSessionUser(
  db: Db,
  userId: number,
  sessionVersion: number,
): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      sessionVersion: true,
      secondFactor: { select: { confirmedAt: true } },
      memberships: {
        select: { department: { select: { id: true, slug: true, nameZh: true, nameEn: true } } },
      },
    },
  });
  if (!user?.active || user.sessionVersion !== sessionVersion) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    departments: user.memberships.map((m) => m.department),
    secondFactor: secondFactorState(user.role, Boolean(user.secondFactor?.confirmedAt)),
  };
}
