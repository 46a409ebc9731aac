import { compare, type TextNode, vectorise } from "./similarity";

export type Related = { id: number; score: number };

/**
 * The candidates whose text is most like the subject's, best first: e.g. the report figures that
 * speak to an agenda item. Uses the same bigram TF-IDF as the suggested links, with the IDF taken
 * over the subject and candidates together.
 */
export function rankRelated(
  subject: string,
  candidates: readonly TextNode[],
  options: { limit?: number; minScore?: number; relativeToBest?: number } = {},
): Related[] {
  // Tuned on the seeds: a small candidate pool makes scores noisy, so a candidate must clear a
  // floor and be at least half as alike as the best one.
  const { limit = 5, minScore = 0.2, relativeToBest = 0.5 } = options;
  if (candidates.length === 0) return [];
  const vectors = vectorise([{ id: 0, text: subject }], candidates);
  const target = vectors.strategies[0];
  if (!target) return [];
  const scored = candidates
    .map((c, i) => ({ id: c.id, score: compare(target, vectors.items[i] ?? new Map()).score }))
    .sort((a, b) => b.score - a.score || a.id - b.id);
  const best = scored[0]?.score ?? 0;
  return scored.filter((r) => r.score >= minScore && r.score >= best * relativeToBest).slice(0, limit);
}
