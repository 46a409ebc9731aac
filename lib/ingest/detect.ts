import {
  type CanonicalDepartment,
  CANONICAL_DEPARTMENTS,
  findDepartmentInText,
  normaliseDepartmentName,
} from "@/lib/domain/departments";
import { describeImportProblemInEnglish } from "@/lib/i18n/import-problems";
import { gregorianToRoc, parseRocDate, rocToGregorian } from "./dates";
import { type LogicalLine, type NormalisedText, normaliseText } from "./normalise";
import { parseNumberLabel } from "./numbering";
import { parseAnyNumber } from "./numerals";
import { cityOf, GENRE_PROFILES, type GenreProfile, isContentsEntry } from "./profiles";
import type { ImportRejection, AnyDocumentKind } from "./types";

export type DetectedDocument = {
  kind: AnyDocumentKind;
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
  /** The genre profile that recognised it (profiles.ts). */
  genre: string;
  /** The city the document names, e.g. 臺北市; null when it names none. */
  city: string | null;
  /** The agency as printed, for genres that print one (budget books). */
  issuer?: string | null;
  /** Lines before the title (a cover, a table of contents), when the title is not at the top. */
  coverLines: number;
};

/** The parser's refusal: a code the reader's language renders, with an English message for logs. */
export class UnrecognisedDocumentError extends Error {
  constructor(readonly rejection: ImportRejection) {
    super(describeImportProblemInEnglish(rejection));
    this.name = "UnrecognisedDocumentError";
  }
}

/** How many logical lines count as the "top" of a document, where its title usually is. */
const HEAD_LINES = 8;
/** How far below the top a title may stand after a cover or a table of contents. */
const COVER_LINES = 400;

type Candidate = { profile: GenreProfile; index: number; lineIndex: number; match: RegExpExecArray };

function compact(s: string): string {
  return s.replace(/\s+/gu, "");
}

/** Which genre's title comes first on one line. */
function candidateOn(text: string, lineIndex: number): Candidate | null {
  let best: Candidate | null = null;
  for (const profile of GENRE_PROFILES) {
    const match = profile.title.exec(text);
    if (match && (!best || match.index < best.index))
      best = { profile, index: match.index, lineIndex, match };
  }
  return best;
}

/** The first title in the opening lines, as the five seeds have it. */
function titleAtTop(lines: readonly LogicalLine[]): Candidate | null {
  for (let i = 0; i < Math.min(HEAD_LINES, lines.length); i++) {
    const found = candidateOn(compact(lines[i]!.text), i);
    if (found) return found;
  }
  return null;
}

/**
 * A title below a cover, a garbled cover or a table of contents: a short line that is not a
 * contents entry, followed by the structure its genre's profile expects.
 */
function titleAfterCover(lines: readonly LogicalLine[]): Candidate | null {
  for (let i = 0; i < Math.min(COVER_LINES, lines.length); i++) {
    const line = lines[i]!;
    const text = compact(line.text);
    if (text.length > 60 || /[。；]/u.test(text) || isContentsEntry(line.text)) continue;
    const found = candidateOn(text, i);
    if (found && found.profile.structure(lines.slice(i + 1))) return found;
  }
  return null;
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
  kind: AnyDocumentKind,
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
    genre: kind,
    city: null,
    coverLines: 0,
  };
}

function detectReport(
  lines: readonly LogicalLine[],
  fullText: string,
  head: readonly LogicalLine[],
  ours: boolean,
): Detection {
  const titleLine = lineContaining(head, /業務報告/u) ?? lineContaining(head, /(?:施政|工作|專案)報告/u);
  const title = cleanTitle(titleLine);
  const dateLine = lineContaining(head, /日期[:：]/u);
  const presented = dateLine ? parseRocDate(dateLine.text) : null;
  const roc = presented ? gregorianToRoc(Number(presented.slice(0, 4))) : null;
  const department = ours
    ? ((title ? findDepartmentInText(title) : undefined) ?? mostNamedDepartment(fullText))
    : null;
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

/** The opening lines of the file as printed (not as rejoined), for refusals: what was found. */
export function firstLinesOf(doc: NormalisedText, n = 3): string {
  return doc.physical
    .filter((p) => p.text.trim().length > 0)
    .slice(0, n)
    .map((p) => p.text.replace(/\s+/gu, " ").trim())
    .join(" / ")
    .slice(0, 120);
}

/** Kind, title, years and department of a normalised document. Throws UnrecognisedDocumentError. */
export function detectKind(doc: NormalisedText): Detection {
  const lines = doc.lines;
  if (lines.length === 0) throw new UnrecognisedDocumentError({ code: "emptyText", params: {} });
  const found = titleAtTop(lines) ?? titleAfterCover(lines);
  if (!found) {
    const first = compact(lines[0]!.text).slice(0, 40);
    throw new UnrecognisedDocumentError({
      code: "unknownKind",
      params: { headLines: HEAD_LINES, firstLine: first },
    });
  }
  const { profile, match, lineIndex } = found;
  // The title's neighbourhood: the lines around it, where a cover prints the department and years.
  const from = lineIndex < HEAD_LINES ? 0 : lineIndex;
  const headLines = lines.slice(from, from + HEAD_LINES);
  const head = lines
    .slice(0, Math.max(HEAD_LINES, lineIndex + HEAD_LINES))
    .map((l) => compact(l.text))
    .join("\n");
  const city = cityOf(head);
  const ours = city === null || city === "高雄市";
  const withGenre = (d: Detection): Detection => ({
    ...d,
    genre: profile.id,
    city,
    titleLine: d.titleLine ?? (lineIndex >= HEAD_LINES ? lines[lineIndex]! : null),
    coverLines: lineIndex >= HEAD_LINES ? lineIndex : 0,
  });
  switch (profile.kind) {
    case "mid-term-plan": {
      const from = rocYear(match[1] ?? match[3]);
      const to = rocYear(match[2] ?? match[4]);
      const titleLine = lineContaining(headLines, /中程施政計畫/u);
      return withGenre(
        build(
          "mid-term-plan",
          cleanTitle(titleLine) ?? `高雄市政府${from}至${to}年度中程施政計畫`,
          from,
          to,
          null,
          titleLine,
        ),
      );
    }
    case "policy-outline": {
      const year = rocYear(match[1]);
      const titleLine = lineContaining(headLines, /施政綱要/u);
      return withGenre(
        build(
          "policy-outline",
          cleanTitle(titleLine) ?? `高雄市政府${year ?? ""}年度施政綱要`,
          year,
          year,
          null,
          titleLine,
        ),
      );
    }
    case "department-plan": {
      const year = rocYear(match[1]) ?? yearNear(headLines);
      const titleLine = lineContaining(headLines, /施政(?:計畫|目標與重點)/u);
      const before = lines
        .slice(0, lineIndex + 1)
        .map((l) => compact(l.text))
        .join("\n");
      const department = ours
        ? (findDepartmentInText(
            before.slice(0, before.length - compact(lines[lineIndex]!.text).length + match.index + 1),
          ) ??
          findDepartmentInText(head) ??
          null)
        : null;
      const title = cleanTitle(titleLine) ?? `${department?.nameZh ?? ""}${year ?? ""}年度施政計畫提要`;
      return withGenre(build("department-plan", title, year, year, department, titleLine));
    }
    case "budget-book": {
      // The cover's year line ("中 華 民 國 116 年度") repeats on every page and may have been
      // dropped as a running header: read it from the original lines around the title.
      const near = doc.physical
        .filter((p) => p.line <= lines[lineIndex]!.to + 12 && p.text.length > 0)
        .map((p) => ({ text: p.text }) as LogicalLine);
      const year = yearNear(lines.slice(0, lineIndex + HEAD_LINES)) ?? yearNear(near);
      const titleLine = lines[lineIndex]!;
      const issuer = issuerOf(lines.slice(0, lineIndex + HEAD_LINES));
      const department = ours && issuer ? (findDepartmentInText(issuer) ?? null) : null;
      const title = cleanTitle(titleLine) ?? compact(titleLine.text);
      const fullTitle =
        year !== null && !/年度/u.test(title) ? `${year}年度${compact(title)}` : compact(title);
      return { ...withGenre(build("budget-book", fullTitle, year, year, department, titleLine)), issuer };
    }
    case "council-report":
      return withGenre(detectReport(lines, lines.map((l) => l.text).join("\n"), headLines, ours));
  }
}

/** "中華民國116年度", "116年度": the first ROC year printed near the title. */
function yearNear(lines: readonly LogicalLine[]): number | null {
  for (const l of lines) {
    const m = /([○〇零一二三四五六七八九十\d]{2,5})年度/u.exec(compact(l.text));
    const year = m ? rocYear(m[1]) : null;
    if (year !== null && year >= 50 && year <= 300) return year;
  }
  return null;
}

/** The agency a budget book names as its own: "臺北市政府主計處單位預算" or "… 編". */
function issuerOf(lines: readonly LogicalLine[]): string | null {
  for (const l of lines) {
    const t = compact(l.text);
    const m = /^(.{2,30}?)(?:單位預算案?|法定預算|編)$/u.exec(t);
    if (m && /(?:處|局|會|所|院|館|府|室|署|中心|隊|團|園)$/u.test(m[1]!)) return m[1]!;
  }
  return null;
}

/**
 * Tells which of the city's four document kinds a text is, from its wording (never its file name),
 * with its title, years and department. Throws UnrecognisedDocumentError with the reason otherwise.
 */
export function detectDocument(rawText: string): DetectedDocument {
  const { kind, title, yearFrom, yearTo, department } = detectKind(normaliseText(rawText));
  return { kind, title, yearFrom, yearTo, department };
}
