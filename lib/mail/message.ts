import { z } from "zod";

/**
 * One e-mail as the portal composes it. Plain data: it is stored as a job's payload (lib/jobs) and,
 * without SMTP, as an outbox file, so it must survive JSON unchanged.
 */
export type MailMessage = {
  /** One address or several (each gets the same message, all visible in To). */
  to: string | string[];
  subject: string;
  /** The body every reader sees; Traditional Chinese first, then English, as the sender writes it. */
  text: string;
  /** An optional HTML alternative of the same text. */
  html?: string;
  /**
   * What the message is about, as a dotted code: `reminder.due`, `workflow.returned`, `test` … Shown in
   * the outbox and kept in the job, never in the message itself.
   */
  kind: string;
  /** Ids that tie the message to its cause (entry, period, user): for the outbox and the logs only. */
  meta: Record<string, string | number | boolean | null>;
};

const address = z.email({ error: "mail.address" });

/** The same shape checked at the door: a job's payload is read back from JSON of any age. */
export const mailMessageSchema = z.strictObject({
  to: z.union([address, z.array(address).min(1).max(50)]),
  subject: z.string().trim().min(1).max(200),
  text: z.string().min(1).max(100_000),
  html: z.string().max(200_000).optional(),
  kind: z
    .string()
    .max(60)
    .regex(/^[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)*$/u),
  meta: z.record(z.string().max(60), z.union([z.string().max(500), z.number(), z.boolean(), z.null()])),
}) satisfies z.ZodType<MailMessage, MailMessage>;

/** What became of a message: the SMTP server's answer, or the outbox file it was written to. */
export type MailDelivery =
  | { via: "smtp"; messageId: string; accepted: string[]; rejected: string[] }
  | { via: "outbox"; messageId: string; file: string };

export const recipients = (message: Pick<MailMessage, "to">): string[] =>
  Array.isArray(message.to) ? message.to : [message.to];
