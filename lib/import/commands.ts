import { z } from "zod";
import { TAGS } from "@/lib/cache/tags";
import { type CommandContext, defineCommand } from "@/lib/commands/command";
import { AppError } from "@/lib/errors";
import { type Actor, isSystemActor } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PARSER_VERSION, parsedDocumentSchema } from "@/lib/ingest";
import { refreshSuggestedLinks } from "@/lib/links/refresh";
import { type ImportOutcome, type ReadDocument, readDocumentFile } from "./import-document";
import { saveParsedDocumentIn } from "./save-document";
import { readDocumentBytes } from "./document-file";
import { previewOf, UPLOAD_LIMITS, type UploadPreview } from "./upload";

type Tx = Prisma.TransactionClient;

/** How long an uploaded file waits on the server for its confirmation. */
export const STAGED_UPLOAD_MINUTES = 60;

/** Nothing staged under this checksum for this user (never uploaded, someone else's, or expired). */
export class UploadExpiredError extends AppError {
  constructor() {
    super("upload_expired", "No staged upload of yours with this checksum.");
    this.name = "UploadExpiredError";
  }
}

/**
 * A file as the importer reads it, from the page or the CLI: size-checked before it is read, a
 * PDF's text layer extracted, decoded and parsed, once. A file that cannot be read is refused with
 * the reason (ImportRejectedError), before anything else happens.
 */
async function readUpload(fileName: string, file: Blob): Promise<ReadDocument> {
  if (file.size > UPLOAD_LIMITS.bytes) throw new AppError("too_large", `${fileName} is over the size limit.`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  return readDocumentFile(await readDocumentBytes(fileName, bytes));
}
/** Shown and stored as given, so no control characters (a NUL cannot even be stored in PostgreSQL). */
const fileName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^\P{Cc}*$/u, "fileName");
const documentFile = z
  .object({ fileName, file: z.instanceof(Blob) })
  .transform(({ fileName, file }) => readUpload(fileName, file));

/** The permission to import a document: its department's (a city-wide document is the administrators'). */
async function importPermission(tx: Tx, departmentSlug: string | null) {
  const department = departmentSlug
    ? await tx.department.findUnique({ where: { slug: departmentSlug }, select: { id: true } })
    : null;
  return { action: "document.import" as const, departmentId: department?.id ?? null };
}

/**
 * Imports a read document in the command's transaction: unchanged when these exact bytes are
 * already imported by the current parser, else saved (a corrected file of a known document becomes
 * its next version). Suggested links are rebuilt after commit; every cached page expires.
 */
async function importRead(
  ctx: CommandContext<Actor | null>,
  read: ReadDocument,
  refreshLinks: boolean,
): Promise<ImportOutcome> {
  const { tx, actor, meta } = ctx;
  const known = await tx.sourceDocument.findUnique({
    where: { checksum: read.checksum },
    select: { id: true, title: true, version: true, parserVersion: true },
  });
  if (known && known.parserVersion >= PARSER_VERSION) {
    return { status: "unchanged", documentId: known.id, title: known.title, version: known.version };
  }
  const importedById = actor && !isSystemActor(actor) ? actor.id : null;
  const outcome = await saveParsedDocumentIn(tx, { ...read, importedById, meta });
  ctx.expire(TAGS.all);
  if (refreshLinks) ctx.afterCommit(refreshSuggestedLinks);
  return outcome;
}

/**
 * The upload page's first step: the file is read and parsed once, kept on the server under its
 * checksum for its uploader (never sent back to the browser), and previewed. Nothing is imported.
 */
export const stageUploadCommand = defineCommand({
  name: "document.stage",
  requires: { action: "staff.workspace" },
  input: documentFile,
  permission: (read, tx) => importPermission(tx, read.parsed.departmentSlug),
  run: async ({ tx, actor, now, audit }, read): Promise<UploadPreview & { checksum: string }> => {
    await tx.stagedUpload.deleteMany({ where: { expiresAt: { lte: now } } });
    const staged = {
      fileName: read.fileName,
      rawText: read.rawText,
      parsed: read.parsed as Prisma.InputJsonValue,
      expiresAt: new Date(now.getTime() + STAGED_UPLOAD_MINUTES * 60_000),
    };
    await tx.stagedUpload.upsert({
      where: { ownerId_checksum: { ownerId: actor.id, checksum: read.checksum } },
      create: { ownerId: actor.id, checksum: read.checksum, ...staged },
      update: staged,
    });
    await audit({
      entityType: "StagedUpload",
      entityId: null,
      after: { fileName: read.fileName, checksum: read.checksum, title: read.parsed.title },
    });
    return { ...(await previewOf(tx, read)), checksum: read.checksum };
  },
});

/** The uploader's own staged file, if it has not expired (by the command's clock, when given). */
async function stagedUpload(
  tx: Tx,
  actor: Actor | null,
  checksum: string,
  now?: Date,
): Promise<ReadDocument> {
  if (!actor || isSystemActor(actor)) throw new UploadExpiredError();
  const staged = await tx.stagedUpload.findUnique({
    where: { ownerId_checksum: { ownerId: actor.id, checksum } },
    select: { fileName: true, rawText: true, parsed: true, expiresAt: true },
  });
  if (!staged || (now && staged.expiresAt <= now)) throw new UploadExpiredError();
  // What was previewed is imported; a parse stored by an older parser is read again.
  const parsed = parsedDocumentSchema.safeParse(staged.parsed);
  if (!parsed.success) throw new UploadExpiredError();
  return { fileName: staged.fileName, checksum, rawText: staged.rawText, parsed: parsed.data };
}

/** The upload page's second step: imports exactly the staged parse, then forgets the staged file. */
export const confirmUploadCommand = defineCommand({
  name: "document.confirm",
  requires: { action: "staff.workspace" },
  input: z.object({ checksum: z.string().regex(/^[0-9a-f]{64}$/u) }),
  transaction: { timeout: 120_000, maxWait: 30_000 },
  permission: async (input, tx, actor) => {
    const read = await stagedUpload(tx, actor, input.checksum);
    return importPermission(tx, read.parsed.departmentSlug);
  },
  run: async (ctx, input): Promise<ImportOutcome> => {
    const read = await stagedUpload(ctx.tx, ctx.actor, input.checksum, ctx.now);
    const outcome = await importRead(ctx, read, true);
    await ctx.tx.stagedUpload.delete({
      where: { ownerId_checksum: { ownerId: ctx.actor.id, checksum: input.checksum } },
    });
    return outcome;
  },
});

/**
 * `npm run import` (the system actor) and anyone allowed to import: one file, text or PDF, read
 * and imported in one transaction. A batch passes refreshLinks: false and refreshes once at the end.
 */
export const importDocumentCommand = defineCommand({
  name: "document.import",
  runBy: "users-and-system",
  input: z
    .object({ fileName, file: z.instanceof(Blob), refreshLinks: z.boolean().default(true) })
    .transform(async ({ fileName, file, refreshLinks }) => ({
      read: await readUpload(fileName, file),
      refreshLinks,
    })),
  transaction: { timeout: 120_000, maxWait: 30_000 },
  permission: (input, tx) => importPermission(tx, input.read.parsed.departmentSlug),
  run: (ctx, input) => importRead(ctx, input.read, input.refreshLinks),
});
