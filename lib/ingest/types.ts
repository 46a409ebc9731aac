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
  warnings: z.array(z.string()),
});
export type ParsedDocument = z.infer<typeof parsedDocumentSchema>;
export type ParsedDocumentKind = ParsedDocument["kind"];
