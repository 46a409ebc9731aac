import { createAccount } from "@/lib/auth/accounts";
import type { SessionUser } from "@/lib/auth/permissions";
import { portalSecret } from "@/lib/auth/portal-secret";
import { storeConfirmedSecondFactor } from "@/lib/auth/second-factor-store";
import { loadSessionUser } from "@/lib/auth/session-user";
import { SECOND_FACTOR_ROLES } from "@/lib/domain/roles";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";

/** The TOTP secret the tests' users enrol with (base32), so a test can compute their codes. */
export const TEST_TOTP_SECRET = "KPTTESTSECRETAAAAAAAAAAAAAAAAAAA";

/**
 * A user as the portal sees a signed-in one, made by the same factory as the demo accounts
 * (lib/auth/accounts.ts). No password: these users never sign in through the form. Administrators
 * and reviewers are enrolled with TEST_TOTP_SECRET, as their role requires, unless `secondFactor:
 * false` asks for one who has not enrolled yet.
 */
export async function makeUser(
  db: Db,
  key: string,
  role: Role,
  departments: string[] = [],
  { secondFactor = SECOND_FACTOR_ROLES.includes(role) }: { secondFactor?: boolean } = {},
): Promise<SessionUser> {
  const id = await createAccount(db, {
    email: `${key}@example.test`,
    name: key,
    role,
    departments,
    passwordHash: "not-a-password",
  });
  if (secondFactor) await storeConfirmedSecondFactor(db, id, TEST_TOTP_SECRET, portalSecret(), new Date());
  const user = await loadSessionUser(db, id, 0);
  if (!user) throw new Error(`fixture user ${key} could not be loaded`);
  return user;
}

/** The kinds of asker every permission test covers. */
export const ASKERS = [
  "anonymous",
  "ownStaff",
  "otherStaff",
  "ownSupervisor",
  "otherSupervisor",
  "councillor",
  "reviewer",
  "admin",
] as const;
export type Asker = (typeof ASKERS)[number];

/** One user of each kind: staff and the supervisor of 秘書處 own its items; those of 交通局 do not. */
export async function makeAskers(db: Db, prefix = "asker"): Promise<Record<Asker, SessionUser | null>> {
  return {
    anonymous: null,
    ownStaff: await makeUser(db, `${prefix}-secretariat`, "staff", ["secretariat"]),
    otherStaff: await makeUser(db, `${prefix}-transport`, "staff", ["transportation"]),
    ownSupervisor: await makeUser(db, `${prefix}-secretariat-head`, "supervisor", ["secretariat"]),
    otherSupervisor: await makeUser(db, `${prefix}-transport-head`, "supervisor", ["transportation"]),
    councillor: await makeUser(db, `${prefix}-councillor`, "councillor"),
    reviewer: await makeUser(db, `${prefix}-reviewer`, "reviewer"),
    admin: await makeUser(db, `${prefix}-admin`, "admin"),
  };
}
