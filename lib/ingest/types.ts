import { z } from "zod";
import { NODE_KINDS } from "@/lib/domain/nodes";
import { gregorianYear } from "@/lib/validation/atoms";

/**
 * What the parser hands to the importer. Validated with `parsedDocumentSchema` before it is
 * returned, so a parser bug surfaces as an error here instead of a half-written database row.
 */

export { NODE_KINDS };
export type NodeKind = (typeof NODE_KINDS)[number];

export const PARSED_DOCUMENT_KINDS = [
  "policy-outline",
  "mid-term-plan",
  "department-plan",
  "council-report",
] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, "ISO date yyyy-mm-dd");
const lineNo = z.number().int().min(1);

export type ParsedNode = {
  key: string;
  kind: NodeKind;
  numberLabel: string | null;
  ordinal: number | null;
  title: string | null;
  text: string;
  departmentSlug: string | null;
  lineFrom: number;
  lineTo: number;
  children: ParsedNode[];
};

export const parsedNodeSchema: z.ZodType<ParsedNode> = z.lazy(() =>
  z
    .object({
      key: z.string().min(1),
      kind: z.enum(NODE_KINDS),
      numberLabel: z.string().min(1).nullable(),
      ordinal: z.number().int().min(0).nullable(),
      title: z.string().nullable(),
      text: z.string(),
      departmentSlug: z.string().min(1).nullable(),
      lineFrom: lineNo,
      lineTo: lineNo,
      children: z.array(parsedNodeSchema),
    })
    .refine((n) => n.lineFrom <= n.lineTo, { message: "lineFrom must not exceed lineTo" }),
);

export type ParsedBudgetLine = {
  key: string;
  label: string | null;
  name: string;
  amountThousands: number;
  note: string | null;
  fiscalYear: number;
  programKey: string | null;
  lineFrom: number;
  lineTo: number;
  children: ParsedBudgetLine[];
};

export const parsedBudgetLineSchema: z.ZodType<ParsedBudgetLine> = z.lazy(() =>
  z
    .object({
      key: z.string().min(1),
      label: z.string().nullable(),
      name: z.string().min(1),
      // Prisma's Int: amounts beyond it are a misread, not a budget.
      amountThousands: z.number().int().min(-2_147_483_648).max(2_147_483_647),
      note: z.string().nullable(),
      fiscalYear: gregorianYear(),
      programKey: z.string().nullable(),
      lineFrom: lineNo,
      lineTo: lineNo,
      children: z.array(parsedBudgetLineSchema),
    })
    .refine((b) => b.lineFrom <= b.lineTo, { message: "lineFrom must not exceed lineTo" }),
);

export const parsedFigureSchema = z
  .object({
    nodeKey: z.string().nullable(),
    value: z.number().finite(),
    valueText: z.string().min(1),
    unit: z.string().min(1),
    label: z.string().nullable(),
    sentence: z.string().min(1),
    lineFrom: lineNo,
    lineTo: lineNo,
  })
  .refine((f) => f.lineFrom <= f.lineTo, { message: "lineFrom must not exceed lineTo" });
export type ParsedFigure = z.infer<typeof parsedFigureSchema>;

const text = z.string();
const amount = z.number().int();
const count = z.number().int().min(0);
const none = z.object({});

/**
 * What the parser warns about, as codes with parameters: readers see them in their own language
 * (lib/i18n/import-problems.ts), and the audit log stores the codes, not one language's sentences.
 */
export const parseWarningSchema = z.discriminatedUnion("code", [
  z.object({
    code: z.literal("budgetSumMismatch"),
    params: z.object({ table: text, name: text, sum: amount, total: amount, line: lineNo }),
  }),
  z.object({
    code: z.literal("budgetRowWithoutAmount"),
    params: z.object({ table: text, row: text, line: lineNo }),
  }),
  z.object({
    code: z.literal("budgetItemsNotSplit"),
    params: z.object({ table: text, name: text, line: lineNo, items: count, amounts: count }),
  }),
  z.object({ code: z.literal("budgetTotalMissing"), params: z.object({ table: text }) }),
  z.object({ code: z.literal("budgetTableEmpty"), params: z.object({ table: text }) }),
  z.object({ code: z.literal("budgetTableMissing"), params: none }),
  z.object({ code: z.literal("budgetYearUnread"), params: none }),
  z.object({
    code: z.literal("budgetTablesDisagree"),
    params: z.object({
      label: text,
      name: text,
      planAmount: amount,
      planLine: lineNo,
      crosswalkAmount: amount,
      crosswalkLine: lineNo,
    }),
  }),
  z.object({
    code: z.literal("programAmountsMismatch"),
    params: z.object({ table: text, line: lineNo, amounts: count, programs: count }),
  }),
  z.object({ code: z.literal("diagramUnmatched"), params: z.object({ text, line: lineNo }) }),
  z.object({ code: z.literal("midTermGoalMissing"), params: none }),
  z.object({
    code: z.literal("outlineAreaUnknownDepartment"),
    params: z.object({ label: text, title: text, line: lineNo }),
  }),
  z.object({ code: z.literal("outlineAreaWithoutItems"), params: z.object({ title: text, line: lineNo }) }),
  z.object({ code: z.literal("outlineGoalMissing"), params: none }),
  z.object({ code: z.literal("reportDateMissing"), params: none }),
  z.object({ code: z.literal("reportPresenterMissing"), params: none }),
  z.object({ code: z.literal("reportSessionMissing"), params: none }),
  z.object({ code: z.literal("departmentUnknown"), params: none }),
]);
export type ParseWarning = z.infer<typeof parseWarningSchema>;
export type ParseWarningCode = ParseWarning["code"];

/**
 * Why a file is refused, as a code with parameters: the parser's own reasons (not a city document,
 * a title without its structure) and the file's (not UTF-8, a PDF without text).
 */
export const importRejectionSchema = z.discriminatedUnion("code", [
  z.object({ code: z.literal("notUtf8"), params: none }),
  z.object({ code: z.literal("pdfUnreadable"), params: none }),
  z.object({ code: z.literal("pdfWithoutText"), params: none }),
  z.object({ code: z.literal("pdfTooLarge"), params: none }),
  z.object({ code: z.literal("pdfTooSlow"), params: none }),
  z.object({ code: z.literal("pdfBusy"), params: none }),
  z.object({ code: z.literal("emptyText"), params: none }),
  z.object({ code: z.literal("unknownKind"), params: z.object({ headLines: count, firstLine: text }) }),
  z.object({ code: z.literal("outlineWithoutAreas"), params: none }),
  z.object({ code: z.literal("midTermWithoutStrategies"), params: none }),
  z.object({ code: z.literal("departmentPlanWithoutContent"), params: none }),
  z.object({ code: z.literal("reportWithoutSections"), params: none }),
  // A parser bug rather than the file's fault: the detail is the technical message, untranslated.
  z.object({ code: z.literal("parserFailure"), params: z.object({ detail: text }) }),
]);
export type ImportRejection = z.infer<typeof importRejectionSchema>;
export type ImportRejectionCode = ImportRejection["code"];

export type ImportProblem = ParseWarning | ImportRejection;
export type ImportProblemCode = ImportProblem["code"];

export const parsedDocumentSchema = z.object({
  kind: z.enum(PARSED_DOCUMENT_KINDS),
  title: z.string().min(1),
  documentKey: z.string().min(1),
  period: z.object({ from: isoDate.nullable(), to: isoDate.nullable() }),
  rocYearFrom: z.number().int().nullable(),
  rocYearTo: z.number().int().nullable(),
  departmentSlug: z.string().min(1).nullable(),
  presenter: z.string().min(1).nullable(),
  presentedOn: isoDate.nullable(),
  councilSession: z.string().min(1).nullable(),
  nodes: z.array(parsedNodeSchema),
  budgetLines: z.array(parsedBudgetLineSchema),
  figures: z.array(parsedFigureSchema),
  warnings: z.array(parseWarningSchema),
});
export type ParsedDocument = z.infer<typeof parsedDocumentSchema>;
export type ParsedDocumentKind = ParsedDocument["kind"];
