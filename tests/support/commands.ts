import type { z } from "zod";
import type { RequestMeta } from "@/lib/audit";
import type { Actor } from "@/lib/auth/permissions";
import { type Command, executeCommand, type WhoMayRun } from "@/lib/commands/command";
import type { Db } from "@/lib/db/client";

const TEST_META: RequestMeta = { ip: "203.0.113.1", userAgent: "vitest" };

/**
 * Runs a command through the front door as `actor` (null: nobody signed in) and returns its value,
 * as a server action would but without a request: the same parsing, permission, transaction and
 * audit. Expected refusals reject with their AppError.
 */
export async function run<Schema extends z.ZodType, Output, W extends WhoMayRun>(
  db: Db,
  command: Command<Schema, Output, W>,
  actor: Actor | null,
  input: unknown,
  options: { meta?: RequestMeta; now?: Date } = {},
): Promise<Output> {
  const call = { actor, meta: options.meta ?? TEST_META, now: options.now };
  return (await executeCommand(db, command, input, call)).value;
}
