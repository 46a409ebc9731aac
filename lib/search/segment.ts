import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";

/**
 * Word segmentation with jieba's bundled (Simplified) dictionary. Text is folded to Simplified
 * first (normalise.ts): on Traditional text the dictionary cuts 推動環狀輕軌 into single characters.
 */

let jieba: Jieba | null = null;

/** Loading the dictionary takes ~0.2 s: once per process, on first use. */
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/**
 * A token is a run of Han characters or a run of other letters and digits: punctuation goes, and
 * a mixed token (2号, r22-r24) is split where the script changes, so every token is one plain word.
 */
const TOKEN_PART = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+/gu;
const ALL_HAN = /^\p{Script=Han}+$/u;

function parts(words: readonly string[]): string[] {
  return words.flatMap((w) => Array.from(w.matchAll(TOKEN_PART), (m) => m[0]));
}

/**
 * Index words of a text in search form: jieba's search mode, which gives every word of the precise
 * cut plus the dictionary words inside the longer ones (延伸线 → 延伸, 延伸线).
 */
export function indexTerms(searchFormText: string): string[] {
  if (!searchFormText) return [];
  return parts(segmenter().cutForSearch(searchFormText, true));
}

/** Overlapping character pairs of one run of Han characters: 市政府 → 市政, 政府. */
export function bigrams(run: string): string[] {
  const chars = Array.from(run);
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}

/**
 * The character pairs inside every word of three or more Han characters: jieba's dictionary has 高雄市
 * but not 高雄, so without them 高雄 would not find 高雄市. Pairs across two words (物流|产业 → 流产)
 * are left out on purpose: they are rarely words. Longer substrings are found through the folded
 * text instead (compile.ts).
 */
export function innerPairs(terms: readonly string[]): string[] {
  return terms.filter((t) => isHan(t) && Array.from(t).length >= 3).flatMap(bigrams);
}

export const isHan = (word: string) => ALL_HAN.test(word);

/** Single characters too common to require in a query (they still count in phrases). */
const QUERY_STOP = new Set(["的", "之", "与", "及", "和", "或", "在", "等", "并", "了", "为"]);

/** A query's words, in order, without repeats, and without common particles unless that is all there is. */
export function queryWords(searchFormText: string): string[] {
  if (!searchFormText) return [];
  const all = [...new Set(parts(segmenter().cut(searchFormText, true)))];
  return all.some((w) => !QUERY_STOP.has(w)) ? all.filter((w) => !QUERY_STOP.has(w)) : all;
}
