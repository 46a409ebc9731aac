import { readFileSync } from "node:fs";
import type { Db } from "@/lib/db/client";
import { importDocument } from "@/lib/import/import-document";

/*
 * Generated documents of each genre for tests: a seed with its years moved, so a test can have
 * plans of overlapping years (the seeds' 2013 outline and 2018 plan share no year with their
 * 2023–2026 mid-term plan). Same wording, same structure, another period.
 */

const SEEDS = {
  outline2013: "seeds/000_7edc6d043e517ca0.txt",
  midTerm2023: "seeds/001_cf916e88195360de.txt",
  secretariatPlan2018: "seeds/002_edb18fdb8a68a56c.txt",
} as const;

/** The 2013 policy outline (民國 102 年) restated as another year's outline. */
export function outlineOfYear(rocYear: number): string {
  const digits = String(rocYear);
  const chinese = [...digits].map((d) => "○一二三四五六七八九"[Number(d)]).join("");
  return readFileSync(SEEDS.outline2013, "utf8").replaceAll("一○二", chinese).replaceAll("102", digits);
}

/** The 2023–2026 mid-term plan (民國 112 至 115 年) restated for four other years. */
export function midTermPlanFrom(rocYear: number): string {
  const [a, b] = [String(rocYear), String(rocYear + 3)];
  return readFileSync(SEEDS.midTerm2023, "utf8").replaceAll("112", a).replaceAll("115", b);
}

/** Imports generated text as a document, as an upload or the CLI would. */
export async function importText(db: Db, fileName: string, text: string) {
  return importDocument(db, { fileName, bytes: new TextEncoder().encode(text) });
}
