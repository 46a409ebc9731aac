import { describe, expect, it } from "vitest";
import { readEnv } from "@/lib/env";
import { mailTransport } from "./transport";

describe("where mail goes", () => {
  it("is the outbox beside the embedded database's folder when no SMTP server is set", () => {
    expect(mailTransport(readEnv({}))).toEqual({
      kind: "outbox",
      dir: ".data/outbox",
      from: "高雄市政追蹤 <no-reply@localhost>",
    });
    expect(mailTransport(readEnv({ PORTAL_DATA_DIR: "/srv/portal/pglite" }))).toMatchObject({
      dir: "/srv/portal/outbox",
    });
    expect(mailTransport(readEnv({ PORTAL_OUTBOX_DIR: "/var/mail/portal" }))).toMatchObject({
      dir: "/var/mail/portal",
    });
  });

  it("is the SMTP server when SMTP_URL is set", () => {
    const env = readEnv({ SMTP_URL: "smtp://127.0.0.1:2525", MAIL_FROM: "no-reply@example.gov.tw" });
    expect(mailTransport(env)).toEqual({
      kind: "smtp",
      url: "smtp://127.0.0.1:2525",
      from: "no-reply@example.gov.tw",
    });
  });
});
