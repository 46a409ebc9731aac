import { gregorianToRoc, rocToGregorian } from "@/lib/domain/years";
import { parseAnyNumber } from "./numerals";

/** The city's one conversion (lib/domain/years.ts), re-exported for the parser's modules. */
export { gregorianToRoc, rocToGregorian };

/** yyyy-mm-dd, or null when the parts do not make a real date. */
export function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** "101 年 10 月 22 日", "1 0 1 年 1 0 月 2 2 日", "一○一年十月二十二日", "106.7.1" → ISO; ROC years. */
export function parseRocDate(text: string): string | null {
  const t = text.replace(/\s+/gu, "");
  const m =
    /([○〇零一二三四五六七八九十\d]{2,4})年([一二三四五六七八九十\d]{1,3})月([一二三四五六七八九十\d]{1,3})日/u.exec(
      t,
    );
  if (m) {
    const [y, mo, d] = [parseAnyNumber(m[1]!), parseAnyNumber(m[2]!), parseAnyNumber(m[3]!)];
    if (y === null || mo === null || d === null) return null;
    return isoDate(rocToGregorian(y), mo, d);
  }
  const dotted = /(?<!\d)(\d{2,3})[./](\d{1,2})[./](\d{1,2})(?!\d)/u.exec(t);
  if (dotted) return isoDate(rocToGregorian(Number(dotted[1])), Number(dotted[2]), Number(dotted[3]));
  return null;
}

/** Whole-year period of ROC years (inclusive) as ISO dates. */
export function yearPeriod(rocFrom: number, rocTo: number): { from: string; to: string } {
  return { from: `${rocToGregorian(rocFrom)}-01-01`, to: `${rocToGregorian(rocTo)}-12-31` };
}
