import "server-only";
import * as users from "@/lib/admin/users";
import { assertCan, type SessionUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/server";
import { serverEnv } from "@/lib/env";
import { type OutboxMessage, readOutbox } from "@/lib/mail/outbox";
import { mailTransport, outboxDir } from "@/lib/mail/transport";

/** The administrators' reads. Each asks `can(viewer, admin.manage)` before touching the database. */

export function listUsers(viewer: SessionUser | null) {
  return users.listUsers(db(), viewer);
}

export function getUser(viewer: SessionUser | null, userId: number) {
  return users.getUser(db(), viewer, userId);
}

export function listAuditEvents(viewer: SessionUser | null, filter: { action?: string; page: number }) {
  return users.listAuditEvents(db(), viewer, filter);
}

export type DepartmentChoice = { slug: string; nameZh: string; nameEn: string };

/** Every department, in the city's order, for the user forms' department choices. */
export async function listDepartmentChoices(viewer: SessionUser | null): Promise<DepartmentChoice[]> {
  assertCan(viewer, { action: "admin.manage" });
  return db().department.findMany({
    orderBy: { sortOrder: "asc" },
    select: { slug: true, nameZh: true, nameEn: true },
  });
}

export type OutboxListing = {
  messages: OutboxMessage[];
  /** Messages in the folder, of which the newest `messages` are shown. */
  total: number;
  /** Whether new mail goes out through SMTP now (the outbox then holds only older messages). */
  smtp: boolean;
};

/** The outbox (mail written to files when no SMTP server is configured), newest first. */
export async function listOutbox(
  viewer: SessionUser | null,
  options: { limit?: number } = {},
): Promise<OutboxListing> {
  assertCan(viewer, { action: "admin.manage" });
  const env = serverEnv();
  const { messages, total } = await readOutbox(outboxDir(env), { limit: options.limit ?? 100 });
  return { messages, total, smtp: mailTransport(env).kind === "smtp" };
}
