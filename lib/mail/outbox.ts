import { randomUUID } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { type MailMessage, recipients } from "./message";

/**
 * The outbox: where messages go when no SMTP server is configured (a demo, a laptop, a test). One
 * JSON file per message (decision record 007 says why not .eml), named by time so a listing sorts
 * newest first by name alone, written to a hidden temporary file and renamed into place: a reader
 * never sees half a message, and a crash leaves at most a `.tmp` file the listing skips.
 */

const outboxFile = z.object({
  version: z.literal(1),
  messageId: z.string(),
  at: z.iso.datetime(),
  from: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  text: z.string(),
  html: z.string().optional(),
  kind: z.string(),
  meta: z.record(z.string(), z.unknown()),
});

export type OutboxMessage = {
  /** The file's name inside the outbox folder. */
  file: string;
  messageId: string;
  at: Date;
  from: string;
  to: string[];
  subject: string;
  text: string;
  kind: string;
};

/** 2026-11-29T01-02-03.456Z: sortable, and legal in every file system's names. */
const stamp = (at: Date) => at.toISOString().replaceAll(":", "-");

const isMessageFile = (name: string) => name.endsWith(".json") && !name.startsWith(".");

/** Writes one message; returns its id and the file's path. */
export async function writeToOutbox(
  dir: string,
  message: MailMessage,
  from: string,
  at: Date = new Date(),
): Promise<{ messageId: string; file: string }> {
  await mkdir(dir, { recursive: true });
  const id = randomUUID();
  const messageId = `<${id}@outbox.kaohsiung-policy-tracker>`;
  const name = `${stamp(at)}-${id}.json`;
  const body = {
    version: 1,
    messageId,
    at: at.toISOString(),
    from,
    to: recipients(message),
    subject: message.subject,
    text: message.text,
    ...(message.html === undefined ? {} : { html: message.html }),
    kind: message.kind,
    meta: message.meta,
  } satisfies z.input<typeof outboxFile>;
  const temporary = join(dir, `.${name}.tmp`);
  const final = join(dir, name);
  const handle = await open(temporary, "wx", 0o640);
  try {
    await handle.writeFile(`${JSON.stringify(body, null, 2)}\n`, "utf8");
    await handle.sync(); // on disk before the name says it is there
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temporary, final);
  return { messageId, file: final };
}

/**
 * The newest messages first, at most `limit`, and how many there are in all. A file that is not a
 * message of this format (edited by hand, another release's) is skipped, not fatal.
 */
export async function readOutbox(
  dir: string,
  options: { limit: number },
): Promise<{ messages: OutboxMessage[]; total: number }> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter(isMessageFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { messages: [], total: 0 };
    throw error;
  }
  names.sort().reverse();
  const messages: OutboxMessage[] = [];
  for (const name of names) {
    if (messages.length >= options.limit) break;
    let parsed;
    try {
      parsed = outboxFile.safeParse(JSON.parse(await readFile(join(dir, name), "utf8")));
    } catch {
      continue; // unreadable or not JSON
    }
    if (!parsed.success) continue;
    const m = parsed.data;
    messages.push({
      file: name,
      messageId: m.messageId,
      at: new Date(m.at),
      from: m.from,
      to: m.to,
      subject: m.subject,
      text: m.text,
      kind: m.kind,
    });
  }
  return { messages, total: names.length };
}
