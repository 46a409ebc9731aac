import { lineAt, type LogicalLine } from "./normalise";
import { parseNumberLabel } from "./numbering";
import type { ParsedFigure } from "./types";

/**
 * Quantitative figures quoted in a report: a number followed by a unit of count, money or share.
 * Dates (年/月/日), ordinals (第 4 屆) and identifiers (ISO27001, 1999 hotline) have no unit from
 * this list or are excluded explicitly, so they are not mistaken for results.
 */

// Longest first so 人次 wins over 人 and 萬元 over 元.
const UNITS = [
  "平方公尺",
  "萬人次",
  "人次",
  "場次",
  "車次",
  "梯次",
  "項次",
  "億元",
  "萬元",
  "千元",
  "小時",
  "公里",
  "公尺",
  "公頃",
  "公噸",
  "元",
  "%",
  "件",
  "人",
  "案",
  "篇",
  "位",
  "家",
  "項",
  "通",
  "個",
  "點",
  "名",
  "天",
  "場",
  "處",
  "所",
  "座",
  "輛",
  "部",
  "戶",
  "間",
  "株",
  "棵",
  "噸",
  "班",
  "期",
  "團",
  "隊",
  "冊",
  "份",
  "套",
  "次",
  "歲",
];
const UNIT_RE = UNITS.join("|");
const NUMBER = "(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?";
// "18 萬 3,000 元": a count written in 萬 plus a remainder.
const FIGURE = new RegExp(
  `(?<![\\d.,A-Za-z])${NUMBER}(?:\\s*萬\\s*(\\d{1,3}(?:,\\d{3})+|\\d{1,4})(?![\\d.]))?\\s*(${UNIT_RE})`,
  "gu",
);
const NOT_AFTER_UNIT = /^[年月日時]/u;
const CONNECTORS =
  /(?:共計|總計|合計|累計|計有|共有|約為|達到|超過|平均為|約|計|共|達|為|有|逾|近|佔|占|增加|減少)+$/u;
const SENTENCE_END = /[。！？；]/u;
const LEADING_DATE =
  /^(?:自|於|截至|至|迄)?\s*\d{2,4}\s*(?:年度?|[-~]\s*\d{2,4}\s*年度?)(?:\s*\d{1,2}\s*月(?:份)?)?(?:\s*\d{1,2}\s*日)?\s*(?:起|止|底|止|中旬|以來)?\s*/u;

function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !SENTENCE_END.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !SENTENCE_END.test(text[to]!)) to++;
  const sentence = text.slice(from, Math.min(text.length, to + 1)).trim();
  const label = from === 0 ? parseNumberLabel(sentence) : null;
  return label && label.rest ? label.rest : sentence;
}

/** What the number counts: the clause before it, minus verbs like 共計. */
function labelBefore(text: string, start: number): string | null {
  let from = start;
  while (from > 0 && !/[，。；：、！？(（「」)）\n]/u.test(text[from - 1]!)) from--;
  let clause = text.slice(from, start).trim();
  // Leading dates ("101 年 8 月 1 日中央政府…") say when, not what.
  for (let i = 0; i < 3 && LEADING_DATE.test(clause); i++) clause = clause.replace(LEADING_DATE, "").trim();
  clause = clause.replace(CONNECTORS, "").trim();
  if (clause.length < 2 || /^\d/u.test(clause)) return null;
  return clause.length > 30 ? clause.slice(-30) : clause;
}

export function extractFigures(line: LogicalLine, nodeKey: string | null): ParsedFigure[] {
  const text = line.text;
  const out: ParsedFigure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const start = m.index;
    const unit = m[4]!;
    const end = start + m[0].length;
    if (/第\s*$/u.test(text.slice(Math.max(0, start - 3), start))) continue;
    if (NOT_AFTER_UNIT.test(text.slice(end, end + 1)) && unit !== "%") continue;
    const whole = Number(m[1]!.replaceAll(",", ""));
    const fraction = m[2] ? Number(`0.${m[2]}`) : 0;
    const remainder = m[3] ? Number(m[3].replaceAll(",", "")) : null;
    const value = remainder === null ? whole + fraction : whole * 10_000 + remainder;
    const valueText = m[0].slice(0, m[0].length - unit.length).trim();
    out.push({
      nodeKey,
      value,
      valueText,
      unit: unit === "%" ? "％" : unit,
      label: labelBefore(text, start),
      sentence: sentenceAround(text, start, end),
      lineFrom: lineAt(line, start),
      lineTo: lineAt(line, end - 1),
    });
  }
  return out;
}
