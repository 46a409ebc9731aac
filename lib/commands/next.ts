import "server-only";
import { refresh } from "next/cache";
import { forbidden, redirect } from "next/navigation";
import type { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { requestMeta } from "@/lib/auth/request-meta";
import { expireTags } from "@/lib/cache/revalidate";
import { db } from "@/lib/db/server";
import { type Command, type CommandResult, executeCommand, type WhoMayRun } from "./command";
import { AppError } from "@/lib/errors";

export type { CommandResult } from "./command";

/**
 * A command run from a server action: the user is loaded from the database (active, session
 * version: lib/auth/current-user), the caller's address comes from the request, and the tags the
 * work reported are expired with `updateTag` and the writer's page refreshed, so what they see next
 * is fresh.
 * Not signed in → the sign-in page, coming back to `returnTo`; signed in without the right → 403.
 * Every other expected failure is returned for the form to show; a bug throws.
 */
export async function runCommand<Schema extends z.ZodType, Output, W extends WhoMayRun>(
  command: Command<Schema, Output, W>,
  raw: unknown,
  /** forbiddenInForm: a refusal the form explains (a document of another department) instead of a 403 page. */
  options: { returnTo: string; forbiddenInForm?: boolean },
): Promise<CommandResult<Output>> {
  try {
    const { value, tags } = await executeCommand(db(), command, raw, {
      actor: await getCurrentUser(),
      meta: await requestMeta(),
    });
    expireTags(tags, "action");
    refresh(); // pages rendered per request (council, staff) show the write on the writer's screen too
    return { ok: true, value };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "unauthenticated") redirect(`/sign-in?next=${encodeURIComponent(options.returnTo)}`);
    if (error.code === "forbidden" && !options.forbiddenInForm) forbidden();
    return { ok: false, error };
  }
}
