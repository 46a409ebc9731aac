import type { ExtractContext, Extracted } from "./context";
import { gregorianToRoc, yearPeriod } from "./dates";
import { type Detection, detectKind } from "./detect";
import { extractDepartmentPlan } from "./extract-department-plan";
import { extractMidTerm } from "./extract-midterm";
import { extractOutline } from "./extract-outline";
import { extractReport } from "./extract-report";
import { normaliseText } from "./normalise";
import { type ParsedDocument, parsedDocumentSchema, type ParseWarning } from "./types";

export * from "./types";
export { normaliseText, normaliseChars, collapseSpacedOut, lineAt, splitLines } from "./normalise";
export type { LogicalLine, NormalisedText, PhysicalLine, Segment, LineKind } from "./normalise";
export { parseNumberLabel, labelKey } from "./numbering";
export type { NumberLabel, NumberSystem } from "./numbering";
export { parseChineseNumeral } from "./numerals";
export { detectDocument, detectKind, UnrecognisedDocumentError } from "./detect";
export type { DetectedDocument, Detection } from "./detect";
export { parseRocDate } from "./dates";
export { extractFigures } from "./figures";
export { toPublicJson } from "./public-json";
export type { PublicDocument, PublicNode, PublicBudgetLine, PublicMetric } from "./public-json";

const EXTRACTORS: Record<ParsedDocument["kind"], (ctx: ExtractContext) => Extracted> = {
  "policy-outline": extractOutline,
  "mid-term-plan": extractMidTerm,
  "department-plan": extractDepartmentPlan,
  "council-report": extractReport,
};

/** Stable identity across corrected re-imports: kind, department (or "city") and period. */
function documentKey(d: Detection, presentedOn: string | null): string {
  const who =
    d.department?.slug ??
    (d.kind === "policy-outline" || d.kind === "mid-term-plan" ? "city" : "unknown-department");
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
 * Parses one document's text into its typed structure. Throws UnrecognisedDocumentError (with the
 * reason) for text that is not one of the four kinds or lacks their structure; recoverable problems
 * (a total that does not add up, a name with no department) are returned as warnings.
 */
export function parseDocument(rawText: string): ParsedDocument {
  const doc = normaliseText(rawText);
  const detection = detectKind(doc);
  const titleIndex = detection.titleLine ? doc.lines.indexOf(detection.titleLine) : -1;
  const warnings: ParseWarning[] = [];
  const ctx: ExtractContext = { doc, detection, body: doc.lines.slice(titleIndex + 1), warnings };
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
  return parsedDocumentSchema.parse({
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
  });
}
