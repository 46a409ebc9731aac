import { parseCrosswalk } from "./budget";
import { findTables } from "./budget-tables";
import { type ExtractContext, type Extracted } from "./context";
import { UnrecognisedDocumentError } from "./detect";
import { toParsedNode } from "./nodes";
import { parseNumberLabel } from "./numbering";
import { crossCheck, linkPrograms, parseDetailTable } from "./programs";
import { buildTree } from "./tree";
import type { ParsedBudgetLine, ParsedNode } from "./types";

/**
 * 施政計畫提要: numbered key points (施政重點), then the plan-to-budget crosswalk and the
 * detailed plan table. Amounts are NT$ thousands unless a table says otherwise.
 */

/** The sentence that announces the tables ("…對照表及詳細計畫內容分列於後：") ends the key points. */
const TABLES_START = /對照表|分列於後|詳細計畫|如下表/u;

export function extractDepartmentPlan(ctx: ExtractContext): Extracted {
  const { body, warnings, detection } = ctx;
  const fiscalYear = detection.yearFrom;
  const slug = detection.department?.slug ?? null;
  const end = body.findIndex(
    (l) => l.kind === "table" || (!parseNumberLabel(l.text) && TABLES_START.test(l.text)),
  );
  const keyLines = end >= 0 ? body.slice(0, end) : body;
  const keyPoints = buildTree(keyLines, { warnings }).roots.map((r) =>
    toParsedNode(
      r,
      (_n, depth) => (depth === 0 ? "key_point" : "point"),
      (_n) => slug,
    ),
  );
  const tables = end >= 0 ? findTables(body.slice(end)) : [];
  if (keyPoints.length === 0 && tables.length === 0) {
    throw new UnrecognisedDocumentError({ code: "departmentPlanWithoutContent", params: {} });
  }
  if (fiscalYear === null) warnings.push({ code: "budgetYearUnread", params: {} });
  if (tables.length === 0) warnings.push({ code: "budgetTableMissing", params: {} });
  const programs: ParsedNode[] = [];
  const crosswalk: ParsedBudgetLine[] = [];
  const detail: ParsedBudgetLine[] = [];
  for (const table of tables) {
    if (fiscalYear === null) break;
    if (table.rows.length === 0) {
      warnings.push({ code: "budgetTableEmpty", params: { table: table.title } });
      continue;
    }
    if (table.kind === "crosswalk") {
      crosswalk.push(...parseCrosswalk(table, fiscalYear, warnings));
    } else {
      const result = parseDetailTable(table, fiscalYear, slug, warnings);
      programs.push(...result.nodes);
      detail.push(...result.budgetLines);
    }
  }
  crossCheck(crosswalk, detail, warnings);
  return {
    nodes: [...keyPoints, ...programs],
    budgetLines: [...linkPrograms(crosswalk, programs), ...detail],
    figures: [],
  };
}
