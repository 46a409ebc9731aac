import { readFileSync } from "node:fs";
import { parseEnv } from "node:util";
import { describe, expect, it } from "vitest";
import { demoWanted, ENV_VARIABLES, readEnv } from "./env";

describe("readEnv", () => {
  it("defaults to the embedded database on port 3000", () => {
    const env = readEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env).toMatchObject({ PORT: 3000, PORTAL_DATA_DIR: ".data/pglite", DATABASE_POOL_MAX: 10 });
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(readEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("names the variable and the problem when a value is wrong", () => {
    expect(() => readEnv({ DATABASE_URL: "mysql://x" })).toThrow(
      "DATABASE_URL: DATABASE_URL must be a postgresql:// URL",
    );
    expect(() => readEnv({ PORT: "eighty" })).toThrow(/PORT/u);
  });

  it("trusts no proxy unless told, and says what is wrong with a count", () => {
    expect(readEnv({}).PORTAL_TRUSTED_PROXIES).toBe(0);
    expect(readEnv({ PORTAL_TRUSTED_PROXIES: "2" }).PORTAL_TRUSTED_PROXIES).toBe(2);
    expect(() => readEnv({ PORTAL_TRUSTED_PROXIES: "-1" })).toThrow(
      "PORTAL_TRUSTED_PROXIES must be 0 or more",
    );
    expect(() => readEnv({ PORTAL_TRUSTED_PROXIES: "1.5" })).toThrow("whole number");
  });

  it("takes an smtp:// or smtps:// URL and a sender for mail, and says what is wrong with either", () => {
    expect(readEnv({}).SMTP_URL).toBeUndefined();
    expect(readEnv({}).MAIL_FROM).toBe("高雄市政追蹤 <no-reply@localhost>");
    const url = "smtps://mailer:s%40cret@smtp.example.gov.tw:465";
    expect(readEnv({ SMTP_URL: url, MAIL_FROM: "no-reply@example.gov.tw" })).toMatchObject({
      SMTP_URL: url,
      MAIL_FROM: "no-reply@example.gov.tw",
    });
    expect(readEnv({ SMTP_URL: "" }).SMTP_URL).toBeUndefined();
    expect(() => readEnv({ SMTP_URL: "https://smtp.example.gov.tw" })).toThrow(
      "SMTP_URL must be an smtp:// or smtps:// URL",
    );
    expect(() => readEnv({ MAIL_FROM: "高雄市政追蹤" })).toThrow(
      "MAIL_FROM must be an address or Name <address>",
    );
  });

  it("accepts .env.example as it is, and with every setting uncommented", () => {
    const example = readFileSync(".env.example", "utf8");
    expect(readEnv(parseEnv(example))).toMatchObject({ PORT: 3000 });
    const uncommented = example.replace(/^#(?=[A-Z_]+=)/gmu, "");
    const values = parseEnv(uncommented);
    // Every variable is documented there, but NODE_ENV, which the tools set.
    expect(Object.keys(values).sort()).toEqual(ENV_VARIABLES.filter((v) => v !== "NODE_ENV").sort());
    expect(readEnv(values)).toMatchObject({ DATABASE_POOL_MAX: 10, PORTAL_DEMO_ACCOUNTS: "0" });
  });
});

describe("the demo", () => {
  it.each([
    [{}, true, true], // embedded by default
    [{}, false, false], // a database given by DATABASE_URL never, unless asked
    [{ PORTAL_DEMO: "1" }, false, true],
    [{ PORTAL_DEMO: "0" }, true, false],
    [{ PORTAL_DEMO_ACCOUNTS: "1" }, false, true], // the older name still works
    [{ PORTAL_DEMO: "0", PORTAL_DEMO_ACCOUNTS: "1" }, false, false], // the new name wins
  ] as const)("%j on embedded=%s: %s", (env, embedded, wanted) => {
    expect(demoWanted(env, embedded)).toBe(wanted);
  });
});
