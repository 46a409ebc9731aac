import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** Who did something, from where: carried from the request into every write and its audit record. */
export type RequestMeta = { ip: string | null; userAgent: string | null };

export type AuditRecord = {
  actorId: number | null;
  action: string; // "progress.create", "auth.sign-in-failed", "user.update" …
  entityType: string;
  entityId: string | number | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  meta: RequestMeta;
};

/** Appends to the audit log; call it inside the write's own transaction so both land or neither. */
export async function recordAudit(tx: Tx, record: AuditRecord): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: record.actorId,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId === null ? null : String(record.entityId),
      before: record.before ?? undefined,
      after: record.after ?? undefined,
      ip: record.meta.ip?.slice(0, 100) ?? null,
      userAgent: record.meta.userAgent?.slice(0, 300) ?? null,
    },
  });
}
