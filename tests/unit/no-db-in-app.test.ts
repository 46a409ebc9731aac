import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");

/** Every TypeScript file under a folder, as paths relative to the repository. */
function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|cts)$/u.test(entry.name) ? [path] : [];
  });
}

/** Module specifiers a file imports or re-exports, static or dynamic (comments ignored). */
function importsOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//gu, "").replace(/^\s*\/\/.*$/gmu, "");
  const found = code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/gu);
  return [...found].map((m) => m[1] ?? "");
}

/** The database client and everything that hands it out: pages and routes read through lib/data. */
const DATABASE_MODULE = /(^|\/)lib\/db(\/|$)|^@prisma\/client(\/|$)|(^|\/)lib\/generated\/prisma(\/|$)/u;

const isAction = (path: string) => /(^|\/)actions\.tsx?$/u.test(path);

describe("app/ reads through the data-access layer", () => {
  it("recognises the database imports it guards against", () => {
    const caught = [
      'import { db } from "@/lib/db/server";',
      'import type { Db } from "@/lib/db/client";',
      "import { PrismaClient } from '@prisma/client';",
      'import type { Role } from "@/lib/generated/prisma/enums";',
      'import { Prisma } from "../../lib/generated/prisma/client";',
      'export { db } from "@/lib/db/server";',
      'const { db } = await import("@/lib/db/server");',
    ];
    for (const line of caught)
      expect(
        importsOf(line).some((m) => DATABASE_MODULE.test(m)),
        line,
      ).toBe(true);
    const allowed = ['import { listUsers } from "@/lib/data/admin";', '// from "@/lib/db/server" no longer'];
    for (const line of allowed)
      expect(
        importsOf(line).some((m) => DATABASE_MODULE.test(m)),
        line,
      ).toBe(false);
  });

  it("nothing under app/ (page, layout, route or action) imports the database client", () => {
    const offenders = sourceFiles("app").filter((path) =>
      importsOf(readFileSync(join(root, path), "utf8")).some((m) => DATABASE_MODULE.test(m)),
    );
    expect(offenders).toEqual([]);
  });
});

/** The exported functions of a "use server" module, with their bodies. */
function serverActions(source: string): Array<{ name: string; body: string }> {
  const starts = [...source.matchAll(/^export async function (\w+)\(/gmu)];
  return starts.map((match, i) => ({
    name: match[1] ?? "",
    body: source.slice(match.index, starts[i + 1]?.index ?? source.length),
  }));
}

describe("every server action is a call of one command", () => {
  const actionFiles = sourceFiles("app").filter(isAction);

  it("finds the actions", () => {
    expect(actionFiles.length).toBeGreaterThanOrEqual(6);
  });

  it.each(actionFiles)("%s", (path) => {
    const source = readFileSync(join(root, path), "utf8");
    expect(source.startsWith('"use server";')).toBe(true);
    const actions = serverActions(source);
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) {
      // Through the front door (lib/commands/next.ts), never a write of its own.
      expect(action.body, action.name).toMatch(/\brunCommand\(/u);
      expect(action.body, action.name).not.toMatch(/\b(recordAudit|\$transaction|requireUser)\b/u);
    }
  });
});
