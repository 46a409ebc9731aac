import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { SECOND_FACTOR_ROLES } from "@/lib/domain/roles";
import { hashPassword } from "./password";
import { storeConfirmedSecondFactor } from "./second-factor-store";

export type DemoAccount = {
  email: string;
  password: string;
  name: string;
  role: Role;
  departments: string[];
};

/**
 * One account per role for the demo (embedded) database, printed by `npm start` and listed in the
 * README. Never created on a real database unless PORTAL_DEMO_ACCOUNTS=1 asks for them.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: "admin@demo.example.org",
    password: "demo-admin-2026",
    name: "示範管理員",
    role: "admin",
    departments: [],
  },
  {
    email: "secretariat@demo.example.org",
    password: "demo-staff-2026",
    name: "秘書處示範承辦人",
    role: "staff",
    departments: ["secretariat"],
  },
  {
    email: "transport@demo.example.org",
    password: "demo-staff-2026",
    name: "交通局示範承辦人",
    role: "staff",
    departments: ["transportation"],
  },
  {
    email: "supervisor@demo.example.org",
    password: "demo-supervisor-2026",
    name: "秘書處示範主管",
    role: "supervisor",
    departments: ["secretariat"],
  },
  {
    email: "reviewer@demo.example.org",
    password: "demo-reviewer-2026",
    name: "研考會示範管考人員",
    role: "reviewer",
    departments: [],
  },
  {
    email: "councillor@demo.example.org",
    password: "demo-councillor-2026",
    name: "示範議員",
    role: "councillor",
    departments: [],
  },
];

/**
 * Creates an account with its departments: the one factory behind the demo accounts, the first
 * administrator and the tests' users. `passwordHash` skips hashing for accounts that never sign in.
 */
export async function createAccount(
  db: Db,
  account: Omit<DemoAccount, "password"> & ({ password: string } | { passwordHash: string }),
): Promise<number> {
  const departments = await db.department.findMany({
    where: { slug: { in: account.departments } },
    select: { id: true },
  });
  const user = await db.user.create({
    data: {
      email: account.email,
      name: account.name,
      role: account.role,
      passwordHash: "passwordHash" in account ? account.passwordHash : await hashPassword(account.password),
      memberships: { create: departments.map((d) => ({ departmentId: d.id })) },
    },
    select: { id: true },
  });
  return user.id;
}

/**
 * Creates the demo accounts that do not exist yet; returns the ones created. With `secondFactor`
 * (PORTAL_DEMO_TOTP_SECRET, for the browser tests), the accounts whose role requires a second factor
 * get that TOTP secret, enrolled, so a test can compute their codes; without it they enrol at their
 * first sign-in, as a real administrator would.
 */
export async function ensureDemoAccounts(
  db: Db,
  secondFactor?: { totpSecret: string; authSecret: string },
): Promise<DemoAccount[]> {
  const existing = new Set(
    (
      await db.user.findMany({
        where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } },
        select: { email: true },
      })
    ).map((u) => u.email),
  );
  const created: DemoAccount[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if (!existing.has(account.email)) {
      await createAccount(db, account);
      created.push(account);
    }
    if (secondFactor && SECOND_FACTOR_ROLES.includes(account.role)) {
      const { id } = await db.user.findUniqueOrThrow({
        where: { email: account.email },
        select: { id: true },
      });
      await storeConfirmedSecondFactor(db, id, secondFactor.totpSecret, secondFactor.authSecret, new Date());
    }
  }
  return created;
}

/** A real deployment's first administrator, from the environment, when there is no administrator yet. */
export async function ensureFirstAdmin(db: Db, admin: { email: string; password: string }): Promise<boolean> {
  if ((await db.user.count({ where: { role: "admin" } })) > 0) return false;
  await createAccount(db, {
    email: admin.email.toLowerCase(),
    password: admin.password,
    name: "Administrator",
    role: "admin",
    departments: [],
  });
  return true;
}
