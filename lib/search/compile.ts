import { searchForm } from "./normalise";
import { indexTerms, innerPairs, isHan, queryWords } from "./segment";

/**
 * A query text as the database sees it.
 *
 * - Each word is required: as the word the segmenter found (a lexeme of the entry's vector), or, for
 *   Han words of three characters or more and for abbreviations, as a substring of the folded text
 *   (市政府 in 高雄市|政府, which the segmenter cut differently in context; 長期照顧 for 長照).
 * - A quoted phrase must occur as it is, after normalisation, in the folded text.
 * - Everything the query says counts towards ranking, where title words (weight A) outweigh body
 *   words (B), character pairs inside words (C) and the department's name (D).
 * tsquery texts are literals (cast in SQL), like the vectors: no server-side parser is involved.
 */
export type CompiledQuery = {
  words: string[];
  /** In search form (folded and squeezed), as they must appear. */
  phrases: string[];
  /** tsquery literal of the words that must be lexemes, or null when there are none. */
  lexemes: string | null;
  /** Words that may also be present as substrings (search form) of the folded text. */
  flexible: Array<{ lexeme: string; substrings: string[] }>;
  /** tsquery literal that ranks: any of the words, their parts and the phrases' words. */
  rank: string;
  /** Search-form strings to highlight in results, longest first. */
  highlight: string[];
  /** The whole query in search form, without quotes: a title containing it ranks higher. */
  whole: string;
};

/**
 * Abbreviations the city's documents also write out in full (in search form). A query for the short
 * form finds either; kept small on purpose, like lib/links/tokens.ts's spellings.
 */
export const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  长照: ["长期照顾", "长期照护"],
  社宅: ["社会住宅"],
};

/** A word's long forms; own keys only, so a query for `constructor` or `__proto__` finds no prototype member. */
const longFormsOf = (word: string): readonly string[] =>
  Object.hasOwn(ABBREVIATIONS, word) ? (ABBREVIATIONS[word] ?? []) : [];

/** "…", “…”, 「…」 and 『…』 quote a phrase (after NFKC a full-width ＂ is a plain "). */
const PHRASE = /"([^"]*)"|“([^”]*)”|「([^」]*)」|『([^』]*)』/gu;
const QUOTES = /["“”「」『』]/gu;

/** A lexeme in a tsquery literal (tokens are letters and digits only; quoted all the same). */
const lexeme = (token: string) => `'${token.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;

/** Substrings a word may also appear as: itself when long enough to be told apart, its long forms. */
function substringsOf(word: string): string[] {
  const own = isHan(word) && Array.from(word).length >= 3 ? [word] : [];
  return [...own, ...longFormsOf(word)];
}

export function compileQuery(text: string): CompiledQuery {
  const phrases: string[] = [];
  const rest = text.normalize("NFKC").replace(PHRASE, (_whole, ...groups: unknown[]) => {
    const inside = groups.slice(0, 4).find((g): g is string => typeof g === "string") ?? "";
    const phrase = searchForm(inside);
    if (/[\p{L}\p{N}]/u.test(phrase) && !phrases.includes(phrase)) phrases.push(phrase);
    return " ";
  });
  const words = queryWords(searchForm(rest.replace(QUOTES, " ")));
  const plain = words.filter((w) => substringsOf(w).length === 0);
  const flexible = words
    .filter((w) => substringsOf(w).length > 0)
    .map((w) => ({ lexeme: lexeme(w), substrings: substringsOf(w) }));

  const longForms = words.flatMap(longFormsOf);
  const rankTerms = new Set<string>();
  for (const w of words) {
    rankTerms.add(w);
    const parts = indexTerms(w);
    for (const part of [...parts, ...innerPairs(parts)]) rankTerms.add(part);
  }
  for (const text of [...longForms, ...phrases]) for (const term of indexTerms(text)) rankTerms.add(term);

  return {
    words,
    phrases,
    lexemes: plain.length > 0 ? plain.map(lexeme).join(" & ") : null,
    flexible,
    rank: [...rankTerms].map(lexeme).join(" | "),
    highlight: [...new Set([...phrases, ...longForms, ...words])].sort((a, b) => b.length - a.length),
    whole: searchForm(text.replace(QUOTES, "")),
  };
}

/** True when nothing searchable is left (e.g. only quotes around punctuation). */
export function isEmptyQuery(q: CompiledQuery): boolean {
  return q.words.length === 0 && q.phrases.length === 0;
}
