import { indexTerms, innerPairs } from "./segment";

/**
 * A document's tsvector, written out in PostgreSQL's literal syntax ('捷运':3B,9B '冈山':4B) and cast
 * in SQL. Built here, not by to_tsvector, so no server's text-search parser or locale decides what a
 * word is: the embedded PostgreSQL 18 and the real 15 store exactly the same vector.
 *
 * Weights say how much a match counts (ts_rank's {D, C, B, A} = {0.1, 0.2, 0.4, 1.0}):
 *   A  words of a real title      B  words of the body
 *   C  character pairs inside long words (高雄 in 高雄市)   D  context: the department's name
 */
export type Weight = "A" | "B" | "C" | "D";
export type VectorPart = { weight: Weight; lexemes: string[] };

/** PostgreSQL's limits: positions 1..16383, at most 256 positions per lexeme. */
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 256;

/** Lexemes at increasing positions, each part after the other. */
export function vectorLiteral(parts: readonly VectorPart[]): string {
  return vectorOf(parts).literal;
}

/**
 * The literal and the vector's length as PostgreSQL counts it (positions stored, over all lexemes):
 * ts_rank's normalisation 1 divides by log2(1 + length), which the index stores per entry
 * (ranking.ts) instead of letting every query count it again.
 */
export function vectorOf(parts: readonly VectorPart[]): { literal: string; length: number } {
  const positions = new Map<string, string[]>();
  let position = 0;
  for (const part of parts) {
    for (const lexeme of part.lexemes) {
      position = Math.min(position + 1, MAX_POSITION);
      const list = positions.get(lexeme);
      if (!list) positions.set(lexeme, [`${position}${part.weight}`]);
      else if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(`${position}${part.weight}`);
    }
  }
  let length = 0;
  const literal = [...positions]
    .map(([lexeme, at]) => {
      length += new Set(at.map((p) => Number.parseInt(p, 10))).size;
      return `'${lexeme.replaceAll("\\", "\\\\").replaceAll("'", "''")}':${at.join(",")}`;
    })
    .join(" ");
  return { literal, length };
}

/** The vector of an entry from its texts in search form. */
export function entryVector(texts: { title: string | null; body: string; context: string }): {
  literal: string;
  length: number;
} {
  const title = texts.title ? indexTerms(texts.title) : [];
  const body = indexTerms(texts.body);
  return vectorOf([
    { weight: "A", lexemes: title },
    { weight: "B", lexemes: body },
    { weight: "C", lexemes: innerPairs([...title, ...body]) },
    { weight: "D", lexemes: indexTerms(texts.context) },
  ]);
}
