import type { ExtractContext, Extracted } from "./context";
import { gregorianToRoc, yearPeriod } from "./dates";
import { type Detection, detectKind, UnrecognisedDocumentError } from "./detect";
import { extractDepartmentPlan } from "./extract-department-plan";
import { extractMidTerm } from "./extract-midterm";
import { extractOutline } from "./extract-outline";
import { extractBudgetBook } from "./extract-budget-book";
import { extractReport } from "./extract-report";
import { normaliseText, splitLines } from "./normalise";
import { isBudgetOpenData, parseBudgetOpenData } from "./open-data";
import { secondDocument } from "./split";
import { stripContents } from "./contents";
import {
  type AnyDocumentKind,
  type AnyParsedDocument,
  type ParsedDocument,
  parsedBudgetBookSchema,
  parsedDocumentSchema,
  type ParseWarning,
} from "./types";

export * from "./types";
export { normaliseText, normaliseChars, collapseSpacedOut, lineAt, splitLines } from "./normalise";
export type { LogicalLine, NormalisedText, PhysicalLine, Segment, LineKind } from "./normalise";
export { parseNumberLabel, labelKey } from "./numbering";
export type { NumberLabel, NumberSystem } from "./numbering";
export { parseChineseNumeral } from "./numerals";
export { detectDocument, detectKind, UnrecognisedDocumentError } from "./detect";
export { GENRE_PROFILES, type GenreProfile } from "./profiles";
export type { DetectedDocument, Detection } from "./detect";
export { parseRocDate } from "./dates";
export { extractFigures } from "./figures";
export { toPublicJson } from "./public-json";
export type { PublicDocument, PublicNode, PublicBudgetLine, PublicMetric } from "./public-json";

const EXTRACTORS: Record<AnyDocumentKind, (ctx: ExtractContext) => Extracted> = {
  "policy-outline": extractOutline,
  "mid-term-plan": extractMidTerm,
  "department-plan": extractDepartmentPlan,
  "council-report": extractReport,
  "budget-book": extractBudgetBook,
};

/**
 * Stable identity across corrected re-imports: kind, department (or "city") and period. Another
 * city's document carries its city (臺北市主計處 is not 高雄市主計處); Kaohsiung's keep the keys they
 * always had, so re-imports of the seeds stay versions of the same documents.
 */
function documentKey(d: Detection, presentedOn: string | null): string {
  const issuer = d.issuer ? `:${d.issuer}` : "";
  const who =
    (d.city !== null && d.city !== "高雄市" ? `${d.city}${issuer}` : null) ??
    d.department?.slug ??
    (d.kind === "policy-outline" || d.kind === "mid-term-plan" ? "city" : null) ??
    (d.issuer ? `${d.city ?? "unknown-city"}${issuer}` : "unknown-department");
  const when =
    d.kind === "council-report"
      ? (presentedOn ?? String(d.yearFrom ?? "undated"))
      : d.yearFrom !== null && d.yearTo !== null && d.yearTo !== d.yearFrom
        ? `${d.yearFrom}-${d.yearTo}`
        : String(d.yearFrom ?? "undated");
  return `${d.kind}:${who}:${when}`;
}

/** Each warning once, in the order first raised (a table checked twice warns once). */
function distinct(warnings: readonly ParseWarning[]): ParseWarning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const key = JSON.stringify(w);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Bump when the parser reads documents differently: imports then re-read files already imported. */
export const PARSER_VERSION = 1;

/**
 * Parses one document's text into its typed structure, any genre (budget books included), for the
 * dry run and previews. Throws UnrecognisedDocumentError (with the reason) for text that is not one
 * of the genres or lacks their structure; recoverable problems (a total that does not add up, a
 * name with no department) are returned as warnings.
 */
export function parseAnyDocument(rawText: string): AnyParsedDocument {
  if (isBudgetOpenData(rawText)) return parsedBudgetBookSchema.parse(parseBudgetOpenData(rawText));
  const doc = normaliseText(rawText);
  const detection = detectKind(doc);
  const titleIndex = detection.titleLine ? doc.lines.indexOf(detection.titleLine) : -1;
  const warnings: ParseWarning[] = [];
  if (detection.coverLines > 0 && detection.titleLine) {
    warnings.push({
      code: "coverSkipped",
      params: { titleLine: detection.titleLine.from, skipped: detection.titleLine.from - 1 },
    });
  }
  const contents = stripContents(doc.lines.slice(titleIndex + 1));
  for (const block of contents.blocks) warnings.push({ code: "tableOfContentsSkipped", params: block });
  let body = contents.lines;
  const second = secondDocument(body, detection);
  if (second) {
    if (second.at < Math.max(1, Math.round(body.length * 0.2))) {
      // A second title this early is not a document of its own: fall through and read on.
    } else {
      warnings.push({
        code: "secondDocumentIgnored",
        params: { title: second.title, line: body[second.at]!.from },
      });
      body = body.slice(0, second.at);
    }
  }
  const rawLines = splitLines(rawText);
  const ctx: ExtractContext = { doc, detection, body, warnings, rawLines };
  const extracted = EXTRACTORS[detection.kind](ctx);
  const presentedOn = extracted.presentedOn ?? null;
  const period =
    extracted.period ??
    (detection.rocYearFrom !== null && detection.rocYearTo !== null
      ? yearPeriod(detection.rocYearFrom, detection.rocYearTo)
      : { from: null, to: null });
  const reportYear = period.from ?? presentedOn;
  const rocFrom =
    detection.kind === "council-report" && reportYear
      ? gregorianToRoc(Number(reportYear.slice(0, 4)))
      : detection.rocYearFrom;
  const rocTo =
    detection.kind === "council-report" && (period.to ?? presentedOn)
      ? gregorianToRoc(Number((period.to ?? presentedOn)!.slice(0, 4)))
      : detection.rocYearTo;
  if (
    detection.department === null &&
    (detection.kind === "department-plan" || detection.kind === "council-report")
  ) {
    warnings.push({ code: "departmentUnknown", params: {} });
  }
  const fields = {
    kind: detection.kind,
    title: detection.title,
    documentKey: documentKey(detection, presentedOn),
    period,
    rocYearFrom: rocFrom,
    rocYearTo: rocTo,
    departmentSlug: detection.department?.slug ?? null,
    presenter: extracted.presenter ?? null,
    presentedOn,
    councilSession: extracted.councilSession ?? null,
    nodes: extracted.nodes,
    budgetLines: extracted.budgetLines,
    figures: extracted.figures,
    warnings: distinct(warnings),
    city: detection.city,
    issuer: detection.issuer ?? null,
    genre: detection.genre,
    budgetTotalThousand: extracted.budgetTotalThousand ?? null,
  };
  return detection.kind === "budget-book"
    ? parsedBudgetBookSchema.parse(fields)
    : parsedDocumentSchema.parse(fields);
}

/**
 * Parses a document the portal can store (the four kinds of Kaohsiung's documents). Budget books
 * and other cities' documents are refused with the reason; parseAnyDocument reads them.
 */
export function parseDocument(rawText: string): ParsedDocument {
  const parsed = parseAnyDocument(rawText);
  if (parsed.kind === "budget-book") {
    throw new UnrecognisedDocumentError({ code: "budgetBookNotImportable", params: { title: parsed.title } });
  }
  if (parsed.city !== null && parsed.city !== "高雄市") {
    throw new UnrecognisedDocumentError({ code: "cityOther", params: { city: parsed.city } });
  }
  return parsed;
}
