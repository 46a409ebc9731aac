import { afterEach, describe, expect, it, vi } from "vitest";
import { missingProductionSecrets, readEnv } from "@/lib/env";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const SECRET = "x".repeat(32);

describe("a production start without its secrets", () => {
  it("names the missing secret only in production", () => {
    expect(missingProductionSecrets(readEnv({ NODE_ENV: "production" }))).toEqual(["NEXTAUTH_SECRET"]);
    expect(missingProductionSecrets(readEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: SECRET }))).toEqual(
      [],
    );
    // The default `npm start` and `npm run dev` generate one; tests need none.
    expect(missingProductionSecrets(readEnv({}))).toEqual([]);
    expect(missingProductionSecrets(readEnv({ NODE_ENV: "test" }))).toEqual([]);
  });

  it("stops `next start` at start-up with a message naming it, instead of 500s on signed-in pages", async () => {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_SECRET", "");
    const exit = vi.spyOn(process, "exit").mockImplementation(((code?: number) => {
      throw new Error(`exit ${code}`);
    }) as typeof process.exit);
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const { register } = await import("@/instrumentation");
    await expect(register()).rejects.toThrow("exit 1");
    expect(exit).toHaveBeenCalledWith(1);
    expect(error.mock.calls[0]?.[0]).toMatch(/without NEXTAUTH_SECRET/u);
  });
});
