import type { SearchKind } from "./schemas";

/**
 * How results are ordered. ts_rank weighs title words (A) 1.0, body words (B) 0.4, character pairs
 * inside words (C) 0.2 and the department's name (D) 0.1. That is multiplied by the entry's stored
 * boost (below), which includes ts_rank's normalisation 1 (divide by log2(1 + length), so a short
 * item about the subject beats a long section that mentions it: computed once when indexing rather
 * than by every query, which saves a third of the ranking time), and a title containing the whole
 * query adds TITLE_BONUS.
 */
export const RANK_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}";
export const TITLE_BONUS = 0.3;

/** What the city promised first, then what it reported, then the numbers. */
export const KIND_BOOST: Record<SearchKind, number> = {
  goal: 1.3,
  vision: 1.3,
  strategy: 1.3,
  agenda_item: 1.2,
  key_point: 1.2,
  program: 1.2,
  policy_area: 1.0,
  section: 1.0,
  point: 1.0,
  progress_entry: 1.1,
  report_figure: 0.9,
  budget_line: 0.9,
};

/**
 * Stored with each entry (changing it means bumping SEARCH_INDEX_VERSION): the kind's boost, half for
 * retired nodes, divided by log2(1 + the vector's length).
 */
export function entryBoost(kind: SearchKind, retired: boolean, vectorLength: number): number {
  const lengthNorm = vectorLength > 0 ? Math.log2(vectorLength + 1) : 1;
  return (KIND_BOOST[kind] * (retired ? 0.5 : 1)) / lengthNorm;
}
