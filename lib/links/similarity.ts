import { terms } from "./tokens";

/**
 * Suggesting which mid-term strategy an agenda item serves, from their texts alone: TF-IDF over
 * character bigrams, cosine similarity, then a strict selection. An item keeps only its best few
 * strategies above a threshold and a strategy only its best few items, so staff review a short,
 * mostly right list instead of every faint overlap.
 */

export type TextNode = { id: number; text: string };

export type SuggestedLink = { strategyId: number; itemId: number; score: number };

export type SuggestOptions = {
  /** Cosine at or above this is a suggestion on its own. */
  minScore: number;
  /**
   * Below minScore, an item's best strategy is still suggested when it scores at least this and
   * clearMargin times the runner-up: a long item naming one distinctive thing (環狀輕軌) that only
   * one strategy mentions scores low but is unambiguous.
   */
  minClearScore: number;
  clearMargin: number;
  /** At most this many strategies per item. */
  maxPerItem: number;
  /** A second or third strategy must score at least this share of the item's best. */
  relativeToBest: number;
  /** At most this many items per strategy, the best-scoring ones. */
  maxPerStrategy: number;
  /** Terms found in more than this share of all texts say nothing about any one of them. */
  maxDocumentShare: number;
  /**
   * A pair sharing a single term is kept only if that term is in at least this many texts: then it
   * is a word the plans use (動物, 數位), not two characters that happen to meet (新市 in 新市鎮 and
   * 創新市政).
   */
  singleTermMinDocs: number;
};

/** Tuned on the seeds (2013 outline and 2018 Secretariat plan against the 2023-2026 plan). */
export const DEFAULT_SUGGEST_OPTIONS: SuggestOptions = {
  minScore: 0.12,
  minClearScore: 0.1,
  clearMargin: 1.7,
  maxPerItem: 3,
  relativeToBest: 0.7,
  maxPerStrategy: 15,
  maxDocumentShare: 0.05,
  singleTermMinDocs: 5,
};

/** In a small corpus a share of it would be a handful of texts and drop ordinary words. */
const COMMON_TERM_FLOOR = 10;

type Vector = Map<string, number>;

export type Vectors = {
  strategies: Vector[];
  items: Vector[];
  /** In how many texts each term occurs. */
  documentFrequency: Map<string, number>;
};

function countTerms(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

function documentFrequency(documents: Map<string, number>[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of documents) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  return df;
}

/**
 * Inverse document frequency, leaving out terms too common to discriminate and terms only one
 * text has (they can never be shared).
 */
function inverseDocumentFrequency(df: Map<string, number>, n: number, maxShare: number): Map<string, number> {
  const maxCount = Math.max(maxShare * n, COMMON_TERM_FLOOR);
  const idf = new Map<string, number>();
  for (const [term, count] of df) {
    if (count >= 2 && count <= maxCount) idf.set(term, Math.log(n / count));
  }
  return idf;
}

/** Sublinear term frequency times IDF, scaled to unit length so cosine is a dot product. */
function weigh(counts: Map<string, number>, idf: Map<string, number>): Vector {
  const vector: Vector = new Map();
  let norm = 0;
  for (const [term, count] of counts) {
    const w = idf.get(term);
    if (w === undefined) continue;
    const weight = (1 + Math.log(count)) * w;
    vector.set(term, weight);
    norm += weight * weight;
  }
  const length = Math.sqrt(norm);
  if (length > 0) for (const [term, weight] of vector) vector.set(term, weight / length);
  return vector;
}

/** Vectors for both sides, with one IDF computed over all texts, strategies and items alike. */
export function vectorise(
  strategies: readonly TextNode[],
  items: readonly TextNode[],
  maxDocumentShare: number = DEFAULT_SUGGEST_OPTIONS.maxDocumentShare,
): Vectors {
  const strategyCounts = strategies.map((s) => countTerms(s.text));
  const itemCounts = items.map((i) => countTerms(i.text));
  const all = [...strategyCounts, ...itemCounts];
  const df = documentFrequency(all);
  const idf = inverseDocumentFrequency(df, all.length, maxDocumentShare);
  return {
    strategies: strategyCounts.map((c) => weigh(c, idf)),
    items: itemCounts.map((c) => weigh(c, idf)),
    documentFrequency: df,
  };
}

/** Cosine of two unit vectors, and the terms they share. */
export function compare(a: Vector, b: Vector): { score: number; shared: string[] } {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let score = 0;
  const shared: string[] = [];
  for (const [term, weight] of small) {
    const other = large.get(term);
    if (other === undefined) continue;
    score += weight * other;
    shared.push(term);
  }
  return { score, shared };
}

/** Higher score first; ties broken by ids so the output never depends on input order. */
function byScore(a: SuggestedLink, b: SuggestedLink): number {
  return b.score - a.score || a.itemId - b.itemId || a.strategyId - b.strategyId;
}

/** Scores rounded to 4 decimals: they read and compare cleanly, and survive a database round trip. */
const round = (score: number) => Math.round(score * 10_000) / 10_000;

/** An item's best strategies: above the threshold, close enough to its best, at most maxPerItem. */
function bestForItem(candidates: SuggestedLink[], options: SuggestOptions): SuggestedLink[] {
  const ranked = [...candidates].sort(byScore);
  const [first, second] = ranked;
  if (!first || first.score <= 0) return [];
  if (first.score < options.minScore) {
    const clear =
      first.score >= options.minClearScore && first.score >= options.clearMargin * (second?.score ?? 0);
    return clear ? [first] : [];
  }
  return ranked
    .filter((c) => c.score >= options.minScore && c.score >= first.score * options.relativeToBest)
    .slice(0, options.maxPerItem);
}

/** A strategy keeps its maxPerStrategy best items. */
function capPerStrategy(links: SuggestedLink[], max: number): SuggestedLink[] {
  const kept = new Map<number, number>();
  return [...links].sort(byScore).filter((link) => {
    const count = kept.get(link.strategyId) ?? 0;
    if (count >= max) return false;
    kept.set(link.strategyId, count + 1);
    return true;
  });
}

/**
 * Suggested (item → strategy) pairs, best first. Pure and deterministic: the same texts give the
 * same pairs and scores whatever order they come in.
 */
export function suggestLinks(
  strategies: readonly TextNode[],
  items: readonly TextNode[],
  options: Partial<SuggestOptions> = {},
): SuggestedLink[] {
  const o: SuggestOptions = { ...DEFAULT_SUGGEST_OPTIONS, ...options };
  const vectors = vectorise(strategies, items, o.maxDocumentShare);
  const enough = (shared: string[]) =>
    shared.length >= 2 ||
    (shared.length === 1 && (vectors.documentFrequency.get(shared[0]!) ?? 0) >= o.singleTermMinDocs);

  const perItem = items.flatMap((item, i) => {
    const candidates = strategies.map((strategy, s) => {
      const { score, shared } = compare(vectors.items[i]!, vectors.strategies[s]!);
      return { strategyId: strategy.id, itemId: item.id, score: enough(shared) ? round(score) : 0 };
    });
    return bestForItem(candidates, o);
  });
  return capPerStrategy(perItem, o.maxPerStrategy);
}
