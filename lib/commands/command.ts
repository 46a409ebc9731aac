import type { z } from "zod";
import { recordAudit, type AuditRecord, type RequestMeta } from "@/lib/audit";
import {
  type Actor,
  can,
  isSystemActor,
  type Permission,
  PermissionDeniedError,
  type SessionUser,
} from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type AppError, invalidInput } from "@/lib/errors";

type Tx = Prisma.TransactionClient;

/** An audit record as a command's work writes it: who and from where are filled in by the wrapper. */
export type AuditEntry = Omit<AuditRecord, "actorId" | "meta" | "action"> & {
  /** Defaults to the command's name. */
  action?: string;
  /** Defaults to the acting user (sign-in names the account it tried, before anyone is signed in). */
  actorId?: number | null;
};
export type AuditWriter = (entry: AuditEntry) => Promise<void>;

/** What a command's work is given: the transaction, who asks, when, and the ways to report. */
export type CommandContext<ActorType> = {
  tx: Tx;
  actor: ActorType;
  meta: RequestMeta;
  now: Date;
  /** Appends to the audit log in this transaction, through recordAudit. */
  audit: AuditWriter;
  /** Cache tags this write made stale; expired after the transaction commits. */
  expire: (...tags: string[]) => void;
  /** Derived work to run once the transaction has committed (e.g. rebuilding suggested links). */
  afterCommit: (work: (db: Db) => Promise<unknown>) => void;
};

export type WhoMayRun = "users" | "anyone" | "users-and-system";
type ActorOf<W extends WhoMayRun> = W extends "users"
  ? SessionUser
  : W extends "users-and-system"
    ? SessionUser | Actor
    : SessionUser | null;

export type Command<Schema extends z.ZodType, Output, W extends WhoMayRun = WhoMayRun> = {
  /** Also the audit action: `progress.create`, `user.update` … */
  name: string;
  /** "users" (the default): signed-in users only; "anyone": sign-in itself; "users-and-system": also the CLI. */
  runBy: W;
  input: Schema;
  /** The permission to ask `can()`, resolved in the transaction (it may need the resource's owner). */
  // Method syntax on purpose: it lets the registry hold every command as one AnyCommand type.
  permission(input: z.output<Schema>, tx: Tx, actor: Actor | null): Permission | Promise<Permission>;
  run(ctx: CommandContext<ActorOf<W>>, input: z.output<Schema>): Promise<Output>;
  /** Prisma's interactive-transaction limits, for the long ones (an import). */
  transaction?: { timeout?: number; maxWait?: number };
};

export type AnyCommand = Command<z.ZodType, unknown>;

/** Declares a command; `runBy` defaults to signed-in users. */
export function defineCommand<Schema extends z.ZodType, Output, W extends WhoMayRun = "users">(
  command: Omit<Command<Schema, Output, W>, "runBy"> & { runBy?: W },
): Command<Schema, Output, W> {
  return { ...command, runBy: command.runBy ?? ("users" as W) };
}

export type CommandCall = {
  actor: Actor | null;
  meta: RequestMeta;
  /** The clock, for tests of time rules; defaults to now. */
  now?: Date;
};

export type CommandOutcome<Output> = { value: Output; tags: string[] };

/** A command's answer to a form: its value, or the expected failure to show. */
export type CommandResult<Output> = { ok: true; value: Output } | { ok: false; error: AppError };

/**
 * The one front door for writes, the twin of lib/api/handler.ts: checks who asks, parses the input
 * with the command's strict schema, then in ONE transaction asks `can()` (the permission may depend
 * on the resource, so it is resolved there) and runs the work with its audit records and search
 * index updates; after commit it runs derived work and returns the cache tags to expire. Expected
 * refusals are AppErrors (lib/errors.ts) and leave nothing written.
 */
export async function executeCommand<Schema extends z.ZodType, Output, W extends WhoMayRun>(
  db: Db,
  command: Command<Schema, Output, W>,
  raw: unknown,
  call: CommandCall,
): Promise<CommandOutcome<Output>> {
  const { actor, meta } = call;
  // Who asks comes first: a stranger is sent to sign in, not told which fields are wrong.
  if (command.runBy !== "anyone" && actor === null) throw new PermissionDeniedError(command.name, false);
  if (command.runBy !== "users-and-system" && isSystemActor(actor))
    throw new PermissionDeniedError(command.name);
  const parsed = await command.input.safeParseAsync(raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  const input = parsed.data;
  const now = call.now ?? new Date();
  const tags = new Set<string>();
  const after: Array<(db: Db) => Promise<unknown>> = [];
  const actorId = actor && !isSystemActor(actor) ? actor.id : null;

  const value = await db.$transaction(async (tx) => {
    const permission = await command.permission(input, tx, actor);
    if (!can(actor, permission)) throw new PermissionDeniedError(permission.action, actor !== null);
    const audit: AuditWriter = (entry) =>
      recordAudit(tx, {
        ...entry,
        action: entry.action ?? command.name,
        actorId: entry.actorId === undefined ? actorId : entry.actorId,
        meta,
      });
    const context: CommandContext<ActorOf<W>> = {
      tx,
      actor: actor as ActorOf<W>,
      meta,
      now,
      audit,
      expire: (...more) => more.forEach((tag) => tags.add(tag)),
      afterCommit: (work) => void after.push(work),
    };
    return command.run(context, input);
  }, command.transaction);

  for (const work of after) await work(db);
  return { value, tags: [...tags] };
}
