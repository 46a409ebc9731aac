import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");

function actionFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return actionFiles(path);
    return /(^|-)actions\.ts$/u.test(entry.name) ? [path] : [];
  });
}

// What a hand-made action request can make Next decode where the form belongs.
const NOT_FORMS: unknown[] = [undefined, null, "", "email=a", 0, [], {}, { get: 1 }, [["email", "a"]]];

/**
 * Every server action that takes a form, called as a forged request calls it: with something that
 * is not a form. Each must answer its refusal at once (no session, request or database is needed
 * to get there, so none is set up: reaching them would throw), never `form.get is not a function`.
 */
describe("server actions sent something other than a form", () => {
  const files = actionFiles("app");

  it.each(files)("%s refuses it with a result", async (path) => {
    const actions = (await import(/* @vite-ignore */ join(root, path))) as Record<string, unknown>;
    const called: string[] = [];
    for (const [name, action] of Object.entries(actions)) {
      if (typeof action !== "function" || action.length === 0) continue;
      called.push(name);
      for (const value of NOT_FORMS) {
        const args = action.length === 1 ? [value] : [{ status: "idle" }, value];
        const result: unknown = await (action as (...a: unknown[]) => Promise<unknown>)(...args);
        if (action.length === 1) expect(result, name).toBeUndefined();
        else
          expect(result, name).toMatchObject({
            status: expect.stringMatching(/^(error|invalid|noFile|fileError)$/u),
          });
      }
    }
    expect(called.length, path).toBeGreaterThan(0);
  });
});
