import { dirname, join } from "node:path";
import nodemailer from "nodemailer";
import { type Env, serverEnv } from "@/lib/env";
import { type MailDelivery, type MailMessage, mailMessageSchema, recipients } from "./message";
import { writeToOutbox } from "./outbox";

/** Where messages go: an SMTP server, or the outbox folder when none is configured. */
export type MailTransport =
  { kind: "smtp"; url: string; from: string } | { kind: "outbox"; dir: string; from: string };

/** The outbox folder: PORTAL_OUTBOX_DIR, else `outbox/` beside the embedded database's folder. */
export function outboxDir(env: Pick<Env, "PORTAL_OUTBOX_DIR" | "PORTAL_DATA_DIR">): string {
  return env.PORTAL_OUTBOX_DIR ?? join(dirname(env.PORTAL_DATA_DIR), "outbox");
}

/** The transport the settings describe: SMTP_URL when set, else the outbox. */
export function mailTransport(
  env: Pick<Env, "SMTP_URL" | "MAIL_FROM" | "PORTAL_OUTBOX_DIR" | "PORTAL_DATA_DIR"> = serverEnv(),
): MailTransport {
  return env.SMTP_URL
    ? { kind: "smtp", url: env.SMTP_URL, from: env.MAIL_FROM }
    : { kind: "outbox", dir: outboxDir(env), from: env.MAIL_FROM };
}

// One nodemailer transport per server URL, reused across messages (it holds no open connection).
const smtpTransports = new Map<string, nodemailer.Transporter>();

function smtp(url: string): nodemailer.Transporter {
  let transporter = smtpTransports.get(url);
  if (!transporter) {
    transporter = nodemailer.createTransport({
      url,
      // A server that does not answer fails the attempt (and the job retries) instead of hanging it.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    smtpTransports.set(url, transporter);
  }
  return transporter;
}

/**
 * Sends one message: through the SMTP server, or into the outbox. Rejects when the server refuses
 * every recipient or cannot be reached (the mail.send job then retries); a message that is not
 * well-formed is a bug and throws before anything is sent.
 */
export async function sendMail(
  message: MailMessage,
  transport: MailTransport = mailTransport(),
): Promise<MailDelivery> {
  const checked = mailMessageSchema.parse(message);
  if (transport.kind === "outbox") {
    const written = await writeToOutbox(transport.dir, checked, transport.from);
    return { via: "outbox", ...written };
  }
  const info = await smtp(transport.url).sendMail({
    from: transport.from,
    to: recipients(checked),
    subject: checked.subject,
    text: checked.text,
    ...(checked.html === undefined ? {} : { html: checked.html }),
    headers: { "X-Portal-Mail-Kind": checked.kind },
  });
  const addresses = (list: unknown): string[] =>
    Array.isArray(list) ? list.map((a) => (typeof a === "string" ? a : String(a?.address ?? a))) : [];
  return {
    via: "smtp",
    messageId: String(info.messageId),
    accepted: addresses(info.accepted),
    rejected: addresses(info.rejected),
  };
}
