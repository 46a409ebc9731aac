import { z } from "zod";
import { defineCommand } from "@/lib/commands/command";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * A signed-in user's own account: who they are and whether they want reminder e-mails. Every
 * signed-in user may change their own settings, and only their own: the command takes no user id.
 */

export const setRemindersInput = z.strictObject({ remindersOff: z.boolean() });

/** Turns one's reminder e-mails (due dates, overdue) off or back on; workflow notices still come. */
export const setRemindersCommand = defineCommand({
  name: "account.set-reminders",
  input: setRemindersInput,
  permission: () => ({ action: "account.self" }),
  run: async ({ tx, actor, audit }, input) => {
    const before = await tx.user.findUniqueOrThrow({
      where: { id: actor.id },
      select: { remindersOff: true },
    });
    await tx.user.update({ where: { id: actor.id }, data: { remindersOff: input.remindersOff } });
    await audit({
      entityType: "User",
      entityId: actor.id,
      before: { remindersOff: before.remindersOff },
      after: { remindersOff: input.remindersOff },
    });
    return { remindersOff: input.remindersOff };
  },
});

export type AccountView = {
  name: string;
  email: string;
  role: Role;
  remindersOff: boolean;
};

/** The signed-in user's own account, for the account page (lib/data/account.ts asks who is asking). */
export async function getOwnAccount(db: Db, userId: number): Promise<AccountView | null> {
  return db.user.findUnique({
    where: { id: userId },
    select: { name: true, email: true, role: true, remindersOff: true },
  });
}
