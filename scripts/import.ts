/**
 * `npm run import -- FILE…` imports documents (UTF-8 text, or a PDF's text layer, read as the upload
 * page reads them); `--dry-run` parses without touching the database, `--json` prints
 * machine-readable output. Exit 1 when any file is rejected, with the reason on stderr, in English.
 */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { prepareDatabase } from "@/lib/bootstrap";
import { refreshRunningPortal } from "@/lib/cache/running-portal";
import { SYSTEM_ACTOR } from "@/lib/auth/permissions";
import { executeCommand } from "@/lib/commands/command";
import { createPrismaClient } from "@/lib/db/client";
import { readEnv } from "@/lib/env";
import { describeImportProblemInEnglish } from "@/lib/i18n/import-problems";
import { type ParseWarning, toPublicJson } from "@/lib/ingest";
import { readDocumentBytes } from "@/lib/import/document-file";
import { syncDepartments } from "@/lib/import/departments";
import { refreshSuggestedLinks } from "@/lib/links/refresh";
import { importDocumentCommand } from "@/lib/import/commands";
import { type DocumentFile, previewDocumentFile } from "@/lib/import/import-document";
import { runMain } from "./cli";

const USAGE = "Usage: npm run import -- [--dry-run] [--json] FILE…";

const argsSchema = z.object({
  dryRun: z.boolean(),
  json: z.boolean(),
  files: z.array(z.string().min(1)).min(1, `Name at least one file to import. ${USAGE}`),
});

function parseCommandLine(argv: string[]): z.infer<typeof argsSchema> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { "dry-run": { type: "boolean", default: false }, json: { type: "boolean", default: false } },
    });
  } catch (error) {
    // node's message goes on about positionals; its first sentence is the point.
    const message = error instanceof Error ? (error.message.split(". ")[0] ?? error.message) : String(error);
    throw new Error(`${message}. ${USAGE}`);
  }
  const result = argsSchema.safeParse({
    dryRun: parsed.values["dry-run"],
    json: parsed.values.json,
    files: parsed.positionals,
  });
  if (!result.success) throw new Error(result.error.issues.map((i) => i.message).join("; "));
  return result.data;
}

/** The file's bytes as they are on disk, or a sentence saying why they cannot be read. */
async function readRaw(path: string): Promise<Blob> {
  try {
    return new Blob([await readFile(path)]);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : String(code ?? error);
    throw new Error(`${path}: cannot read the file (${why}).`);
  }
}

/** A file as the upload page reads it: text as it is, a PDF by its text layer. */
const load = async (path: string): Promise<DocumentFile> =>
  readDocumentBytes(basename(path), new Uint8Array(await (await readRaw(path)).arrayBuffer()));

/** Who imports from the command line: the system operator, from this machine. */
const CLI_CALL = { actor: SYSTEM_ACTOR, meta: { ip: null, userAgent: "npm run import" } };

/** Warnings in JSON keep their code and parameters, with the English sentence beside them. */
const withMessage = (w: ParseWarning) => ({ ...w, message: describeImportProblemInEnglish(w) });

function countTree(items: Array<{ children: unknown[] }>): number {
  return items.reduce((n, item) => n + 1 + countTree(item.children as Array<{ children: unknown[] }>), 0);
}

function reportFailure(error: unknown): void {
  process.stderr.write(`✗ ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}

runMain(async () => {
  const args = parseCommandLine(process.argv.slice(2));

  if (args.dryRun) {
    const previews: unknown[] = [];
    for (const path of args.files) {
      try {
        const read = previewDocumentFile(await load(path));
        if (args.json) {
          const json = toPublicJson(read.parsed);
          previews.push({ ...json, warnings: json.warnings.map(withMessage) });
        } else {
          const p = read.parsed;
          console.log(`${path}: ${p.kind} · ${p.title} · ${p.period.from ?? "?"} – ${p.period.to ?? "?"}`);
          console.log(
            `  ${countTree(p.nodes)} nodes, ${countTree(p.budgetLines)} budget lines, ${p.figures.length} figures`,
          );
          const from = [p.city, p.issuer].filter(Boolean).join(" ");
          if (from) console.log(`  ${p.genre} from ${from}`);
          if (p.budgetTotalThousand !== null)
            console.log(
              `  expenditure total as printed: ${p.budgetTotalThousand.toLocaleString("en-US")} 千元`,
            );
          for (const warning of p.warnings) console.log(`  ! ${describeImportProblemInEnglish(warning)}`);
        }
      } catch (error) {
        reportFailure(error);
      }
    }
    if (args.json) console.log(JSON.stringify(previews.length === 1 ? previews[0] : previews, null, 2));
    return;
  }

  const { database } = await prepareDatabase({ seedsDir: "seeds", seed: false });
  const db = createPrismaClient({ url: database.url, poolMax: 1 });
  const outcomes: Array<{ file: string; status: string }> = [];
  const stale = new Set<string>();
  try {
    await syncDepartments(db);
    for (const path of args.files) {
      try {
        // The same command the upload page confirms through: parse, can(), one transaction, audit.
        const input = {
          fileName: basename(path),
          file: await readRaw(path),
          refreshLinks: false,
        };
        const { value: outcome, tags } = await executeCommand(db, importDocumentCommand, input, CLI_CALL);
        tags.forEach((tag) => stale.add(tag));
        outcomes.push({ file: path, ...outcome });
        if (!args.json) {
          const counts = outcome.counts
            ? ` (${outcome.counts.nodes} nodes, ${outcome.counts.budgetLines} budget lines, ${outcome.counts.figures} figures)`
            : "";
          console.log(`✓ ${path}: ${outcome.status}, ${outcome.title}, version ${outcome.version}${counts}`);
        }
      } catch (error) {
        reportFailure(error);
      }
    }
    await refreshSuggestedLinks(db);
  } finally {
    await db.$disconnect();
    await database.close();
  }
  if (args.json) console.log(JSON.stringify(outcomes, null, 2));
  if (stale.size > 0) {
    // The server caches its pages; it is another process, so tell it what changed.
    const message = await refreshRunningPortal(readEnv(), [...stale]);
    if (args.json) process.stderr.write(`${message}\n`);
    else console.log(message);
  }
});
