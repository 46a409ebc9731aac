import {
  type CanonicalDepartment,
  CANONICAL_DEPARTMENTS,
  findDepartmentInText,
  normaliseDepartmentName,
} from "@/lib/domain/departments";
import type { DocumentKindSlug } from "@/lib/domain/document-kind";
import { describeImportProblemInEnglish } from "@/lib/i18n/import-problems";
import { gregorianToRoc, parseRocDate, rocToGregorian } from "./dates";
import { type LogicalLine, type NormalisedText, normaliseText } from "./normalise";
import { parseNumberLabel } from "./numbering";
import { parseAnyNumber } from "./numerals";
import type { ImportRejection } from "./types";

export type DetectedDocument = {
  kind: DocumentKindSlug;
  title: string;
  /** Gregorian years covered, when the text states them. */
  yearFrom: number | null;
  yearTo: number | null;
  department: CanonicalDepartment | null;
};

/** Detection plus what the extractors need from it. */
export type Detection = DetectedDocument & {
  rocYearFrom: number | null;
  rocYearTo: number | null;
  /** The logical line holding the title, when the document has one. */
  titleLine: LogicalLine | null;
};

/** The parser's refusal: a code the reader's language renders, with an English message for logs. */
export class UnrecognisedDocumentError extends Error {
  constructor(readonly rejection: ImportRejection) {
    super(describeImportProblemInEnglish(rejection));
    this.name = "UnrecognisedDocumentError";
  }
}

/** How many logical lines count as the "top" of a document, where its title must be. */
const HEAD_LINES = 8;
const YEAR = "([○〇零一二三四五六七八九十\\d]{2,5})";

type Candidate = { kind: DocumentKindSlug; index: number; match: RegExpExecArray };

const PATTERNS: ReadonlyArray<{ kind: DocumentKindSlug; re: RegExp }> = [
  { kind: "mid-term-plan", re: new RegExp(`${YEAR}年?度?(?:至|到|-|~|—|–)${YEAR}年度?中程施政計畫`, "u") },
  { kind: "policy-outline", re: new RegExp(`${YEAR}年度.{0,40}?施政綱要`, "u") },
  { kind: "department-plan", re: new RegExp(`${YEAR}年度施政計畫(?:提要|與預算配合對照表)`, "u") },
  { kind: "council-report", re: /業務報告|報告人[:：]/u },
];

function compact(s: string): string {
  return s.replace(/\s+/gu, "");
}

/** Which kind's title comes first in the document's opening lines. */
function firstCandidate(head: string): Candidate | null {
  let best: Candidate | null = null;
  for (const { kind, re } of PATTERNS) {
    const match = re.exec(head);
    if (match && (!best || match.index < best.index)) best = { kind, index: match.index, match };
  }
  return best;
}

function lineContaining(lines: readonly LogicalLine[], needle: RegExp): LogicalLine | null {
  return lines.find((l) => needle.test(compact(l.text))) ?? null;
}

/** A title line without the item number a council volume gives it ("十一、…業務報告"). */
function cleanTitle(line: LogicalLine | null): string | null {
  if (!line) return null;
  const label = parseNumberLabel(line.text);
  const text = (label ? label.rest : line.text).trim();
  return text.length > 0 && text.length <= 120 ? text : null;
}

const CENTRAL_PREFIX = /(?:行政院|中央|內政部|經濟部|監察院|立法院)$/u;
const SELF_REFERENCE: ReadonlyArray<{ word: string; suffix: RegExp }> = [
  { word: "本會", suffix: /會$/u },
  { word: "本處", suffix: /處$/u },
  { word: "本局", suffix: /局$/u },
];

/**
 * The department a report speaks for when its title does not say: the city agency it names most,
 * ignoring central-government namesakes (行政院研考會) and favouring names of the kind the text
 * calls itself (本會 → …會).
 */
export function mostNamedDepartment(text: string): CanonicalDepartment | null {
  const sample = compact(text.slice(0, 200_000));
  const self = SELF_REFERENCE.map((s) => ({ ...s, count: sample.split(s.word).length - 1 })).sort(
    (a, b) => b.count - a.count,
  )[0];
  let best: { dept: CanonicalDepartment; score: number } | null = null;
  for (const dept of CANONICAL_DEPARTMENTS) {
    let score = 0;
    for (const name of [dept.nameZh, ...dept.aliases]
      .map(normaliseDepartmentName)
      .filter((n) => n.length >= 3)) {
      let from = 0;
      for (let at = sample.indexOf(name, from); at >= 0; at = sample.indexOf(name, from)) {
        from = at + name.length;
        if (CENTRAL_PREFIX.test(sample.slice(Math.max(0, at - 3), at))) continue;
        score += self && self.count > 0 && self.suffix.test(name) ? 2 : 1;
      }
    }
    if (score > 0 && (!best || score > best.score)) best = { dept, score };
  }
  return best?.dept ?? null;
}

function rocYear(text: string | undefined): number | null {
  return text === undefined ? null : parseAnyNumber(text);
}

function toGregorian(roc: number | null): number | null {
  return roc === null ? null : rocToGregorian(roc);
}

function build(
  kind: DocumentKindSlug,
  title: string,
  rocFrom: number | null,
  rocTo: number | null,
  department: CanonicalDepartment | null,
  titleLine: LogicalLine | null,
): Detection {
  return {
    kind,
    title,
    yearFrom: toGregorian(rocFrom),
    yearTo: toGregorian(rocTo),
    department,
    rocYearFrom: rocFrom,
    rocYearTo: rocTo,
    titleLine,
  };
}

function detectReport(lines: readonly LogicalLine[], fullText: string): Detection {
  const head = lines.slice(0, HEAD_LINES);
  const titleLine = lineContaining(head, /業務報告/u);
  const title = cleanTitle(titleLine);
  const dateLine = lineContaining(head, /日期[:：]/u);
  const presented = dateLine ? parseRocDate(dateLine.text) : null;
  const roc = presented ? gregorianToRoc(Number(presented.slice(0, 4))) : null;
  const department = (title ? findDepartmentInText(title) : undefined) ?? mostNamedDepartment(fullText);
  const when = presented
    ? `（${roc}年${Number(presented.slice(5, 7))}月${Number(presented.slice(8, 10))}日）`
    : "";
  return build(
    "council-report",
    title ?? `${department?.nameZh ?? "市政府"}業務報告${when}`,
    roc,
    roc,
    department ?? null,
    titleLine,
  );
}

/** Kind, title, years and department of a normalised document. Throws UnrecognisedDocumentError. */
export function detectKind(doc: NormalisedText): Detection {
  const lines = doc.lines;
  if (lines.length === 0) throw new UnrecognisedDocumentError({ code: "emptyText", params: {} });
  const head = lines
    .slice(0, HEAD_LINES)
    .map((l) => compact(l.text))
    .join("\n");
  const found = firstCandidate(head);
  if (!found) {
    const first = compact(lines[0]!.text).slice(0, 40);
    throw new UnrecognisedDocumentError({
      code: "unknownKind",
      params: { headLines: HEAD_LINES, firstLine: first },
    });
  }
  const { kind, match } = found;
  const headLines = lines.slice(0, HEAD_LINES);
  switch (kind) {
    case "mid-term-plan": {
      const from = rocYear(match[1]);
      const to = rocYear(match[2]);
      const titleLine = lineContaining(headLines, /中程施政計畫/u);
      return build(
        kind,
        cleanTitle(titleLine) ?? `高雄市政府${from}至${to}年度中程施政計畫`,
        from,
        to,
        null,
        titleLine,
      );
    }
    case "policy-outline": {
      const year = rocYear(match[1]);
      const titleLine = lineContaining(headLines, /施政綱要/u);
      return build(
        kind,
        cleanTitle(titleLine) ?? `高雄市政府${year ?? ""}年度施政綱要`,
        year,
        year,
        null,
        titleLine,
      );
    }
    case "department-plan": {
      const year = rocYear(match[1]);
      const titleLine = lineContaining(headLines, /施政計畫/u);
      const department =
        findDepartmentInText(head.slice(0, match.index + 1)) ?? findDepartmentInText(head) ?? null;
      const title = cleanTitle(titleLine) ?? `${department?.nameZh ?? ""}${year ?? ""}年度施政計畫提要`;
      return build(kind, title, year, year, department, titleLine);
    }
    case "council-report":
      return detectReport(lines, lines.map((l) => l.text).join("\n"));
  }
}

/**
 * Tells which of the city's four document kinds a text is, from its wording (never its file name),
 * with its title, years and department. Throws UnrecognisedDocumentError with the reason otherwise.
 */
export function detectDocument(rawText: string): DetectedDocument {
  const { kind, title, yearFrom, yearTo, department } = detectKind(normaliseText(rawText));
  return { kind, title, yearFrom, yearTo, department };
}
