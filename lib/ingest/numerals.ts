/**
 * Chinese numerals as they appear in Taiwanese government documents: the common ones in
 * headings (一 … 九十九, with ○/〇 as zero in years like 一○二) and the formal ones (壹貳參…)
 * used for the top level. Pure functions, no allocation beyond the result.
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  "○": 0,
  〇: 0,
  O: 0,
  一: 1,
  二: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  壹: 1,
  貳: 2,
  參: 3,
  叁: 3,
  肆: 4,
  伍: 5,
  陸: 6,
  柒: 7,
  捌: 8,
  玖: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100 };

export const CJK_NUMERAL_CHARS = "零○〇一二三四五六七八九十百";
export const FORMAL_NUMERAL_CHARS = "壹貳參叁肆伍陸柒捌玖拾佰";

/**
 * "十一" → 11, "二十六" → 26, "三十" → 30, "一百零五" → 105, "壹拾貳" → 12.
 * Positional strings without units ("一○二") read digit by digit → 102. Null when not a numeral.
 */
export function parseChineseNumeral(text: string): number | null {
  if (text.length === 0) return null;
  const chars = [...text];
  const hasUnit = chars.some((c) => UNITS[c] !== undefined);
  if (!hasUnit) {
    let n = 0;
    for (const c of chars) {
      const d = DIGITS[c];
      if (d === undefined) return null;
      n = n * 10 + d;
    }
    return n;
  }
  let total = 0;
  let pending: number | null = null;
  for (const c of chars) {
    const d = DIGITS[c];
    const u = UNITS[c];
    if (d !== undefined) {
      pending = d;
    } else if (u !== undefined) {
      // A bare unit ("十一") means one of it.
      total += (pending ?? 1) * u;
      pending = null;
    } else {
      return null;
    }
  }
  return total + (pending ?? 0);
}

/** Years and counts written with either digit style: "102" or "一○二". */
export function parseAnyNumber(text: string): number | null {
  const t = text.replace(/[\s,]/gu, "");
  if (/^\d+$/u.test(t)) return Number(t);
  return parseChineseNumeral(t);
}
