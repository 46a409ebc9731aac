import { describe, expect, it } from "vitest";
import { readEnv } from "./env";

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
});
