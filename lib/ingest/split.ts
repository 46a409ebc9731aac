import { findDepartmentInText } from "@/lib/domain/departments";
import type { Detection } from "./detect";
import type { LogicalLine } from "./normalise";
import { cityOf, GENRE_PROFILES, isContentsEntry } from "./profiles";
import { parseNumberLabel } from "./numbering";
import { parseAnyNumber } from "./numerals";

/**
 * Two documents pasted into one file: a second title of a genre, standing as a title (short, not a
 * sentence nor a contents entry) and followed by that genre's structure, that names another genre,
 * another year, another department or another city than the first. The body is cut there, with a
 * warning; a title that only repeats the first document's (a table's caption, a running header that
 * survived) is the same document.
 */
export function secondDocument(
  body: readonly LogicalLine[],
  first: Detection,
): { at: number; title: string } | null {
  const firstTitle = first.titleLine ? compactOf(first.titleLine.text) : first.title;
  const firstDept = findDepartmentInText(firstTitle)?.slug ?? first.department?.slug ?? null;
  for (let i = 0; i < body.length; i++) {
    const line = body[i]!;
    if (line.kind === "table") continue;
    const label = parseNumberLabel(line.text);
    // Only a council volume numbers its reports ("十一、工務局業務報告"); other numbered lines are items.
    if (label && !(label.system === "cjk" || label.system === "formal")) continue;
    const text = compactOf(label ? label.rest : line.text);
    if (text.length < 6 || text.length > 60 || /[。；，]/u.test(text) || isContentsEntry(line.text)) continue;
    for (const profile of GENRE_PROFILES) {
      const m = profile.title.exec(text);
      if (!m) continue;
      if (!profile.structure(body.slice(i + 1))) continue;
      const year = yearOf(text);
      const dept = findDepartmentInText(text)?.slug ?? null;
      const city = cityOf(text);
      const other =
        profile.kind !== first.kind ||
        (year !== null &&
          first.rocYearFrom !== null &&
          year !== first.rocYearFrom &&
          year !== first.rocYearTo) ||
        (dept !== null && firstDept !== null && dept !== firstDept) ||
        (city !== null && first.city !== null && city !== first.city);
      if (label && profile.kind !== "council-report") continue;
      if (other && reportTitle(profile.kind, text))
        return { at: i, title: text.replace(/(?:日期|報告人)[:：].*$/u, "") };
    }
  }
  return null;
}

/** A council report's title names the report itself ("…業務報告"), not a line that mentions one. */
function reportTitle(kind: string, text: string): boolean {
  return (
    kind !== "council-report" ||
    /(?:業務|施政|工作|專案)報告(?:[(（].{0,20}[)）])?(?:日期[:：].{0,30})?$/u.test(text)
  );
}

function compactOf(s: string): string {
  return s.replace(/\s+/gu, "");
}

function yearOf(text: string): number | null {
  const m = /([○〇零一二三四五六七八九十\d]{2,5})年/u.exec(text);
  return m ? parseAnyNumber(m[1]!) : null;
}
