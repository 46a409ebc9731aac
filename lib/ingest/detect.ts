import { type CanonicalDepartment, CANONICAL_DEPARTMENTS, findDepartmentInText } from "@/lib/domain/departments";
import type { DocumentKindSlug } from "@/lib/domain/document-kind";

export type DetectedDocument = {
  kind: DocumentKindSlug;
  title: string;
  /** Gregorian years covered, when the text states them. */
  yearFrom: number | null;
  yearTo: number | null;
  department: CanonicalDepartment | null;
};

export class UnrecognisedDocumentError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "UnrecognisedDocumentError";
  }
}

const ROC_OFFSET = 1911;
const CJK_DIGITS: Record<string, number> = { "○": 0, 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "一○二" → 102, "102" → 102. */
function parseRocYear(text: string): number | null {
  if (/^\d+$/u.test(text)) return Number(text);
  let n = 0;
  for (const ch of text) {
    const d = CJK_DIGITS[ch];
    if (d === undefined) return null;
    n = n * 10 + d;
  }
  return n;
}

/** The first few non-empty lines, whitespace removed: titles are broken across lines by the PDF. */
function head(text: string, lines: number): string {
  return text
    .split("\n")
    .map((l) => l.replace(/\s+/gu, ""))
    .filter(Boolean)
    .slice(0, lines)
    .join("");
}

/** The department a report speaks for, when its title does not say: the one it names most often. */
function mostNamedDepartment(text: string): CanonicalDepartment | null {
  const compact = text.replace(/\s+/gu, "");
  let best: { dept: CanonicalDepartment; count: number } | null = null;
  for (const dept of CANONICAL_DEPARTMENTS) {
    const names = [dept.nameZh, ...dept.aliases].filter((n) => n.length >= 3);
    const count = names.reduce((sum, n) => sum + compact.split(n).length - 1, 0);
    if (count > 0 && (!best || count > best.count)) best = { dept, count };
  }
  return best?.dept ?? null;
}

/**
 * Tells which of the city's four document kinds a text is, from its wording (never its file name),
 * with its title, years and department. Throws UnrecognisedDocumentError with the reason otherwise.
 */
export function detectDocument(rawText: string): DetectedDocument {
  const text = rawText.normalize("NFKC");
  if (text.trim().length === 0) throw new UnrecognisedDocumentError("The file is empty.");
  const top = head(text, 6);

  const midTerm = top.match(/(\d{2,3})至(\d{2,3})年度中程施政計畫/u);
  if (midTerm) {
    const from = Number(midTerm[1]) + ROC_OFFSET;
    const to = Number(midTerm[2]) + ROC_OFFSET;
    return {
      kind: "mid-term-plan",
      title: `高雄市政府${midTerm[1]}至${midTerm[2]}年度中程施政計畫`,
      yearFrom: from,
      yearTo: to,
      department: null,
    };
  }

  const outline = top.match(/([○〇零一二三四五六七八九\d]{2,4})年度.{0,40}?施政綱要/u);
  if (outline) {
    const roc = parseRocYear(outline[1] ?? "");
    const year = roc === null ? null : roc + ROC_OFFSET;
    return {
      kind: "policy-outline",
      title: roc === null ? "高雄市政府施政綱要" : `高雄市政府${roc}年度施政綱要`,
      yearFrom: year,
      yearTo: year,
      department: null,
    };
  }

  const plan = top.match(/(\S*?)(\d{2,3})年度施政計畫(提要|與預算配合對照表)/u);
  if (plan) {
    const year = Number(plan[2]) + ROC_OFFSET;
    const department = findDepartmentInText(plan[1] ?? "") ?? null;
    return {
      kind: "department-plan",
      title: `${department?.nameZh ?? ""}${plan[2]}年度施政計畫提要`,
      yearFrom: year,
      yearTo: year,
      department,
    };
  }

  const presented = top.match(/日期[:：](\d{2,3})年(\d{1,2})月(\d{1,2})日/u);
  const isReport = /業務報告/u.test(top) || (presented !== null && /報告人[:：]/u.test(top));
  if (isReport) {
    const titled = top.match(/(\S*?)業務報告/u);
    const department = (titled && findDepartmentInText(titled[1] ?? "")) || mostNamedDepartment(text);
    const year = presented ? Number(presented[1]) + ROC_OFFSET : null;
    const when = presented ? `${presented[1]}年${presented[2]}月` : "";
    return {
      kind: "council-report",
      title: `${department?.nameZh ?? "市政府"}業務報告${when ? `（${when}）` : ""}`,
      yearFrom: year,
      yearTo: year,
      department,
    };
  }

  throw new UnrecognisedDocumentError(
    "This text is not one of the city's documents we can read: no 施政綱要, 中程施政計畫, 施政計畫提要 or 業務報告 heading was found in its first lines.",
  );
}
