import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PermissionDeniedError, type SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { type JobWorker, startJobWorker } from "@/lib/jobs/worker";
import type { MailMessage } from "@/lib/mail/message";
import { type MailTransport, sendMail } from "@/lib/mail/transport";
import { makeUser } from "../support/factories";
import { readReceived as read, startTestSmtp } from "../support/smtp";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * E-mail through a real SMTP server (smtp-server, listening on a free local port in this process) and
 * through the outbox folder, read back by the administrators' listing. No mock transport: what
 * nodemailer wrote on the wire is decoded here as a mail client would.
 */

import type { Received } from "../support/smtp";

let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
let smtpUrl: string;
let received: Received[] = [];
let t: TestDatabase;
let outbox: string;
const users: Record<string, SessionUser> = {};

const FROM = "高雄市政追蹤 <no-reply@example.test>";
const REMINDER: MailMessage = {
  to: "staff@example.test",
  subject: "提醒：「推動環狀輕軌」本期進度將於 12 月 5 日到期",
  text: "您好：\n您負責的「推動環狀輕軌」115 年第 4 季進度尚未填報，請於 12 月 5 日前完成。\n\nA progress update is due on 5 December.",
  kind: "reminder.upcoming",
  meta: { entryId: 12, periodKey: "2026-Q4" },
};

beforeAll(async () => {
  smtp = await startTestSmtp();
  smtpUrl = smtp.url;
  received = smtp.received;

  t = await createTestDatabase();
  outbox = mkdtempSync(join(tmpdir(), "kpt-outbox-"));
  // The administrators' listing reads the folder the environment names, as the server does.
  vi.stubEnv("PORTAL_OUTBOX_DIR", outbox);
  vi.stubEnv("SMTP_URL", "");
  users.admin = await makeUser(t.db, "admin", "admin");
  users.staff = await makeUser(t.db, "staff", "staff", ["secretariat"]);
  users.reviewer = await makeUser(t.db, "reviewer", "reviewer");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await smtp?.close();
  await t?.dispose();
  rmSync(outbox, { recursive: true, force: true });
});

describe("through an SMTP server", () => {
  it("delivers to the recipient with the subject and the Chinese body intact", async () => {
    const transport: MailTransport = { kind: "smtp", url: smtpUrl, from: FROM };
    const delivery = await sendMail(REMINDER, transport);
    expect(delivery).toMatchObject({ via: "smtp", accepted: ["staff@example.test"], rejected: [] });

    expect(received).toHaveLength(1);
    const [arrived] = received as [Received];
    expect(arrived.from).toBe("no-reply@example.test");
    expect(arrived.to).toEqual(["staff@example.test"]);
    const mail = read(arrived);
    expect(mail.subject).toBe(REMINDER.subject);
    expect(mail.from).toBe(FROM);
    expect(mail.text).toBe(REMINDER.text);
    expect(mail.headers.get("to")).toBe("staff@example.test");
    expect(mail.headers.get("message-id")).toBe(delivery.messageId);
    expect(mail.headers.get("x-portal-mail-kind")).toBe("reminder.upcoming");
  });

  it("sends what the mail.send job was given, from the queue", async () => {
    let worker: JobWorker | undefined;
    try {
      const id = await enqueueJob(t.db, "mail.send", {
        ...REMINDER,
        to: ["a@example.test", "b@example.test"],
      });
      worker = await startJobWorker({
        db: t.db,
        mail: { kind: "smtp", url: smtpUrl, from: FROM },
        pollingIntervalMs: 50,
        schedule: false,
      });
      const deadline = Date.now() + 20_000;
      while (received.length < 2 && Date.now() < deadline) await sleep(50);
      expect(received[1]?.to).toEqual(["a@example.test", "b@example.test"]);
      expect(read(received[1] as Received).text).toBe(REMINDER.text);
      expect(await completed(t.db, id as string)).toBe(true);
    } finally {
      await worker?.stop();
    }
  });
});

/** The job's state turns completed right after the send; wait for that write. */
async function completed(db: Db, id: string): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    const [row] = await db.$queryRawUnsafe<Array<{ state: string }>>(
      `SELECT state::text AS state FROM pgboss.job WHERE id = $1::uuid`,
      id,
    );
    if (row?.state === "completed") return true;
    await sleep(50);
  }
  return false;
}

describe("into the outbox, without SMTP", () => {
  it("writes one file per message, whole, that administrators can read newest first", async () => {
    const transport: MailTransport = { kind: "outbox", dir: outbox, from: FROM };
    const first = await sendMail({ ...REMINDER, subject: "第一封" }, transport);
    const second = await sendMail(REMINDER, transport);
    if (first.via !== "outbox" || second.via !== "outbox") throw new Error("expected the outbox");

    // One JSON file per message, and no temporary file left behind.
    expect(readdirSync(outbox).sort()).toEqual(
      [first.file, second.file].map((f) => f.slice(outbox.length + 1)).sort(),
    );
    const stored = JSON.parse(readFileSync(second.file, "utf8")) as Record<string, unknown>;
    expect(stored).toMatchObject({
      version: 1,
      messageId: second.messageId,
      from: FROM,
      to: ["staff@example.test"],
      subject: REMINDER.subject,
      text: REMINDER.text,
      kind: "reminder.upcoming",
      meta: { entryId: 12, periodKey: "2026-Q4" },
    });

    const { listOutbox } = await import("@/lib/data/admin");
    const listing = await listOutbox(users.admin ?? null);
    expect(listing.smtp).toBe(false);
    expect(listing.total).toBe(2);
    expect(listing.messages.map((m) => m.subject)).toEqual([REMINDER.subject, "第一封"]);
    expect(listing.messages[0]).toMatchObject({ to: ["staff@example.test"], text: REMINDER.text });
    expect(listing.messages[0]?.at).toBeInstanceOf(Date);
  });

  it("is refused to anyone but an administrator", async () => {
    const { listOutbox } = await import("@/lib/data/admin");
    for (const viewer of [users.staff, users.reviewer]) {
      await expect(listOutbox(viewer ?? null)).rejects.toMatchObject({ code: "forbidden" });
    }
    await expect(listOutbox(null)).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(listOutbox(null)).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("skips files that are not messages, and is empty before the first", async () => {
    const { readOutbox, writeToOutbox } = await import("@/lib/mail/outbox");
    const empty = join(outbox, "none-yet");
    expect(await readOutbox(empty, { limit: 10 })).toEqual({ messages: [], total: 0 });
    await writeToOutbox(empty, REMINDER, FROM);
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(empty, "zz-not-a-message.json"), "{ half");
    writeFileSync(join(empty, ".in-progress.json.tmp"), "{");
    const listing = await readOutbox(empty, { limit: 10 });
    expect(listing.messages.map((m) => m.subject)).toEqual([REMINDER.subject]);
  });
});
