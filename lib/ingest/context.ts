import type { Detection } from "./detect";
import type { LogicalLine, NormalisedText } from "./normalise";
import type { ParsedBudgetLine, ParsedFigure, ParsedNode, ParseWarning } from "./types";

/** What every extractor receives. */
export type ExtractContext = {
  doc: NormalisedText;
  detection: Detection;
  /** Logical lines after the title line. */
  body: LogicalLine[];
  warnings: ParseWarning[];
  /** The original lines after character clean-up (index + 1 = line number), spacing kept. */
  rawLines: readonly string[];
};

/** What every extractor returns; the document-level fields are filled in by index.ts. */
export type Extracted = {
  nodes: ParsedNode[];
  budgetLines: ParsedBudgetLine[];
  figures: ParsedFigure[];
  presenter?: string | null;
  presentedOn?: string | null;
  councilSession?: string | null;
  period?: { from: string | null; to: string | null };
  /** The expenditure total as printed (千元), for budget books. */
  budgetTotalThousand?: number | null;
};

export function compact(s: string): string {
  return s.replace(/\s+/gu, "");
}
