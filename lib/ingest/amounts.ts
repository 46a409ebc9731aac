/**
 * Amounts as budget documents print them: a table's 單位 line sets its scale, and sentences write
 * amounts as 億/萬/千 compounds ("2億6,000萬元", "1億506萬6千元"). Everything is returned in NT$
 * thousands (千元), exactly when the amount allows.
 */

/**
 * The factor from a table's printed amounts to 千元, when `text` (spaces removed) is a 單位 line:
 * 單位：元 / 新臺幣元 → 0.001, 千元 / 新臺幣千元 → 1, 萬元 → 10, 百萬元 → 1,000, 億元 → 100,000.
 */
export function scaleOfUnitLine(text: string): number | null {
  const m = /單位[:：]?(?:新臺幣|新台幣|NT\$)?(千|百萬|萬|億)?元/u.exec(text);
  if (!m) return null;
  switch (m[1]) {
    case "千":
      return 1;
    case "百萬":
      return 1000;
    case "萬":
      return 10;
    case "億":
      return 100_000;
    default:
      return 0.001;
  }
}

const UNIT_YUAN: Readonly<Record<string, number>> = { 億: 1e8, 萬: 1e4, 千: 1e3 };

/**
 * "2億6,000萬元" → 260,000 千元; "1億506萬6千元" → 105,066; "3,500萬元" → 35,000; "12,000元" → 12.
 * Null when the text is not one amount in 元.
 */
export function parseCompoundAmount(text: string): number | null {
  const t = text.replace(/\s+/gu, "").replace(/(?:新臺幣|新台幣)/u, "");
  const m = /^((?:[\d,]+(?:\.\d+)?[億萬千])*(?:[\d,]+(?:\.\d+)?)?)元$/u.exec(t);
  if (!m || m[1] === "") return null;
  let yuan = 0;
  const parts = m[1]!.matchAll(/([\d,]+(?:\.\d+)?)([億萬千]?)/gu);
  for (const [, digits, unit] of parts) {
    if (!/^\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$/u.test(digits!)) return null;
    yuan += Number(digits!.replaceAll(",", "")) * (unit ? UNIT_YUAN[unit]! : 1);
  }
  return Math.round(yuan) / 1000;
}

/** Every compound amount in a sentence, in 千元, with where it was printed. */
export function compoundAmountsIn(sentence: string): Array<{ text: string; thousands: number; at: number }> {
  const out: Array<{ text: string; thousands: number; at: number }> = [];
  for (const m of sentence.matchAll(/(?:[\d,]+(?:\.\d+)?[億萬千])+(?:[\d,]+)?元|[\d,]+元/gu)) {
    const thousands = parseCompoundAmount(m[0]);
    if (thousands !== null) out.push({ text: m[0], thousands, at: m.index });
  }
  return out;
}
