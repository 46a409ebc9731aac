import { describe, expect, it } from "vitest";
import { describeConnectionError, redactDatabaseUrl } from "./url";

describe("redactDatabaseUrl", () => {
  it.each([
    ["postgresql://alice:s3cret@db.example:5432/portal", "postgresql://alice:***@db.example:5432/portal"],
    ["postgresql://postgres@127.0.0.1:5432/test", "postgresql://postgres@127.0.0.1:5432/test"],
    ["not a url", "(not a valid URL)"],
  ])("%s → %s", (input, expected) => {
    expect(redactDatabaseUrl(input)).toBe(expected);
  });
});

describe("describeConnectionError", () => {
  it.each([
    [{ code: "ECONNREFUSED" }, /connection refused/u],
    [{ code: "ENOTFOUND" }, /host not found/u],
    [{ code: "3D000" }, /does not exist/u],
    [{ code: "28P01" }, /password authentication failed/u],
    [
      { code: "P1001", message: "Invalid call\n\nCan't reach database server" },
      /cannot reach the database server/u,
    ],
    [
      { message: "Invalid `x()` invocation\n  1 code\nSomething specific broke" },
      /^Something specific broke$/u,
    ],
    ["plain string", /^plain string$/u],
  ])("%j", (error, expected) => {
    expect(describeConnectionError(error)).toMatch(expected);
  });
});
