// Types only: the upload form renders these in the browser, without the parser's schemas.
import type { GenreProblemCode, ImportProblem, ImportProblemCode } from "@/lib/ingest/types";
import { fillTemplate } from "./format";
import { genreProblemsEn, genreProblemsZhHant } from "./import-problems-messages";
import { workspaceEn, type WorkspaceMessages } from "./workspace-messages";

/** The templates of every parser warning and rejection, in one language. */
export type ImportProblemText = WorkspaceMessages["upload"]["problems"];

/** Parameters that are amounts in NT$ thousands: grouped as the tables print them (25,169). */
const AMOUNTS: ReadonlySet<string> = new Set(["sum", "total", "planAmount", "crosswalkAmount"]);
const grouped = new Intl.NumberFormat("en-US");

/** The genre problems' templates in the language of `text` (its sentences are Chinese or not). */
function genreTemplates(text: ImportProblemText): Record<GenreProblemCode, string> {
  return /\p{Script=Han}{4}/u.test(text.emptyText) ? genreProblemsZhHant : genreProblemsEn;
}

function templateOf(code: string, text: ImportProblemText): string | undefined {
  if (Object.hasOwn(text, code)) return text[code as ImportProblemCode];
  const genre = genreTemplates(text);
  return Object.hasOwn(genre, code) ? genre[code as GenreProblemCode] : undefined;
}

/**
 * A parser warning or rejection as a sentence in the reader's language: pass the page's
 * `t.workspace.upload.problems` (plain strings, so client components can use it too).
 */
export function describeImportProblem(problem: ImportProblem, text: ImportProblemText): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(problem.params)) {
    values[name] = typeof value === "number" && AMOUNTS.has(name) ? grouped.format(value) : value;
  }
  return fillTemplate(templateOf(problem.code, text) ?? problem.code, values);
}

/** English, for the CLI, logs and error messages. */
export function describeImportProblemInEnglish(problem: ImportProblem): string {
  return describeImportProblem(problem, workspaceEn.upload.problems);
}

/**
 * A warning as stored in an import's audit record. Rows written before warnings became codes hold
 * English sentences: they are shown as written. Anything else unreadable is shown as JSON.
 */
export function describeStoredWarning(stored: unknown, text: ImportProblemText): string {
  if (typeof stored === "string") return stored;
  return isProblem(stored, text) ? describeImportProblem(stored, text) : JSON.stringify(stored);
}

/** Stored warnings were validated by parsedDocumentSchema when written: a known code is enough. */
function isProblem(value: unknown, text: ImportProblemText): value is ImportProblem {
  if (typeof value !== "object" || value === null) return false;
  const { code, params } = value as { code?: unknown; params?: unknown };
  return (
    typeof code === "string" &&
    templateOf(code, text) !== undefined &&
    typeof params === "object" &&
    params !== null
  );
}
