import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Db } from "@/lib/db/client";
import { syncDepartments } from "./departments";
import { refreshSuggestedLinks } from "@/lib/links/refresh";
import { ensureSearchIndex } from "@/lib/search/indexing";
import { importDocument, type ImportOutcome, reparseStaleDocuments } from "./import-document";

export type SeedReport = {
  /** True when the database already had documents and no seed was imported. */
  skipped: boolean;
  /** Documents re-read because a newer parser has come since they were imported. */
  refreshed: string[];
  imported: Array<ImportOutcome & { fileName: string }>;
  failed: Array<{ fileName: string; reason: string }>;
};

/**
 * Fills an empty database from the seed folder; in one that has documents, re-reads those an older
 * parser imported. A file that cannot be read or imported is reported
 * by name and the others still import; a database that has documents is left as it is.
 */
export async function seedDatabase(db: Db, seedsDir: string): Promise<SeedReport> {
  await syncDepartments(db);
  const report: SeedReport = { skipped: false, refreshed: [], imported: [], failed: [] };
  if ((await db.sourceDocument.count()) > 0) {
    const { refreshed, failed } = await reparseStaleDocuments(db);
    // Cheap when nothing changed (~0.1 s), and keeps suggestions in step with the matching code.
    await refreshSuggestedLinks(db);
    // A database seeded before search existed (or by an older index version) gets its index here.
    await ensureSearchIndex(db);
    return {
      ...report,
      skipped: true,
      refreshed,
      failed: failed.map((reason) => ({ fileName: "(stored document)", reason })),
    };
  }

  const files = (await readdir(seedsDir)).filter((f) => f.endsWith(".txt")).sort();
  for (const fileName of files) {
    try {
      const bytes = await readFile(join(seedsDir, fileName));
      const outcome = await importDocument(db, { fileName, bytes }, { refreshLinks: false });
      report.imported.push({ ...outcome, fileName });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      report.failed.push({
        fileName,
        reason: reason.startsWith(`${fileName}: `) ? reason.slice(fileName.length + 2) : reason,
      });
    }
  }
  await refreshSuggestedLinks(db);
  return report;
}
