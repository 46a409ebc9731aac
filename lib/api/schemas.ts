import { z } from "zod";
import { DOCUMENT_KIND_SLUGS } from "@/lib/domain/document-kind";
import { PROGRESS_STATUSES } from "@/lib/domain/progress";
import { SEARCH_ENTITY_TYPES, SEARCH_KINDS, SEARCH_STATUSES } from "@/lib/search/schemas";
import { NODE_KINDS, STATUS_FILTERS } from "./params";

/**
 * Response bodies of the open-data API. Strict objects: a field is public only once it is listed
 * here, and the tests parse every response with these schemas (and with the OpenAPI document made
 * from them), so a private column can never slip out unnoticed. Examples are from the seed data.
 */

const id = z.number().int().positive();
const isoDay = z.iso.date();
const isoInstant = z.iso.datetime({ offset: true });

export const DepartmentRef = z
  .strictObject({
    slug: z.string().meta({ example: "secretariat" }),
    nameZh: z.string().meta({ example: "秘書處" }),
    nameEn: z.string().meta({ example: "Secretariat" }),
  })
  .meta({ id: "DepartmentRef", description: "A city department, by its slug and names." });

export const Department = z
  .strictObject({
    ...DepartmentRef.shape,
    aliases: z.array(z.string()).meta({
      description: "Other names documents use for the department (a policy area's name, an abbreviation).",
      example: ["秘書事務"],
    }),
    documentCount: z.number().int().meta({ description: "Documents of the department.", example: 2 }),
    itemCount: z.number().int().meta({
      description: "Agenda items, key points and programs the department is accountable for.",
      example: 48,
    }),
  })
  .meta({ id: "Department", description: "A canonical city department and the names documents use for it." });

export const DocumentRef = z
  .strictObject({
    id,
    kind: z.enum(DOCUMENT_KIND_SLUGS),
    title: z.string(),
    yearFrom: z.number().int().nullable(),
    yearTo: z.number().int().nullable(),
  })
  .meta({
    id: "DocumentRef",
    description: "A document, briefly: years are Gregorian (the documents print ROC years).",
    example: {
      id: 3,
      kind: "department-plan",
      title: "高雄市政府秘書處 107 年度施政計畫提要",
      yearFrom: 2018,
      yearTo: 2018,
    },
  });

export const DepartmentDetail = z
  .strictObject({
    ...Department.shape,
    documents: z.array(DocumentRef).meta({ description: "The department's documents, newest first." }),
  })
  .meta({ id: "DepartmentDetail", description: "A department with its documents." });

export const Document = z
  .strictObject({
    ...DocumentRef.shape,
    documentKey: z.string().meta({
      description: "Stable identity across corrected re-imports: kind, department and period.",
      example: "department-plan:secretariat:2018",
    }),
    version: z
      .number()
      .int()
      .meta({ description: "Bumped when a corrected file replaces the document.", example: 1 }),
    periodFrom: isoDay
      .nullable()
      .meta({ description: "First day of the period covered.", example: "2018-01-01" }),
    periodTo: isoDay
      .nullable()
      .meta({ description: "Last day of the period covered.", example: "2018-12-31" }),
    presentedOn: isoDay
      .nullable()
      .meta({ description: "Council reports: the day it was presented.", example: null }),
    presenter: z
      .string()
      .nullable()
      .meta({ description: "Council reports: who presented it.", example: null }),
    councilSession: z
      .string()
      .nullable()
      .meta({ description: "Council reports: the session.", example: null }),
    department: DepartmentRef.nullable().meta({ description: "Null for city-wide documents." }),
    lineCount: z.number().int().meta({ description: "Lines of the source text.", example: 80 }),
    importedAt: isoInstant,
    counts: z.strictObject({
      nodes: z.number().int().meta({ example: 159 }),
      budgetLines: z.number().int().meta({ example: 28 }),
      figures: z.number().int().meta({ example: 0 }),
    }),
  })
  .meta({ id: "Document", description: "An imported city document." });

export const NodeRef = z
  .strictObject({
    id,
    kind: z.enum(NODE_KINDS),
    numberLabel: z.string().nullable().meta({ description: "The number as printed.", example: "(一)" }),
    title: z.string().nullable(),
    text: z.string(),
  })
  .meta({ id: "NodeRef", description: "A numbered statement of a document, briefly." });

export type NodeRefRecord = z.infer<typeof NodeRef>;
export type NodeTreeRecord = NodeRefRecord & { retired: boolean; children: NodeTreeRecord[] };

export const NodeTree: z.ZodType<NodeTreeRecord> = z
  .strictObject({
    ...NodeRef.shape,
    retired: z.boolean(),
    get children(): z.ZodArray<z.ZodType<NodeTreeRecord>> {
      return z.array(NodeTree);
    },
  })
  .meta({ id: "NodeTree", description: "A node with all its descendants, in document order." });

export const Node = z
  .strictObject({
    ...NodeRef.shape,
    ordinal: z
      .number()
      .int()
      .nullable()
      .meta({ description: "The number's value: (十一) → 11.", example: 1 }),
    parentId: id.nullable(),
    depth: z.number().int().meta({ description: "0 for a document's top level.", example: 1 }),
    position: z.number().int().meta({ description: "Order among its siblings." }),
    stableKey: z.string().meta({
      description: "Path of number labels from the root; stable across corrected re-imports.",
      example: "一/(一)",
    }),
    lineFrom: z.number().int().meta({ description: "First line in the document's source text." }),
    lineTo: z.number().int(),
    retired: z.boolean().meta({ description: "A corrected version of the document no longer has it." }),
    document: DocumentRef,
    department: DepartmentRef.nullable(),
    status: z.enum(STATUS_FILTERS).meta({
      description: "The latest progress entry's status (newest period, then newest save), or no_update.",
      example: "no_update",
    }),
    percent: z.number().int().nullable().meta({ description: "The latest entry's percent complete." }),
    statusUpdatedAt: isoInstant.nullable().meta({ description: "When the latest entry was saved." }),
  })
  .meta({
    id: "Node",
    description: "A numbered statement of a document: goal, vision, strategy, agenda item, key point, …",
    example: {
      id: 36,
      kind: "agenda_item",
      numberLabel: "(一)",
      title: null,
      text: "加強與國際友好城市交流，賡續推動本府各局處認養姊妹市計畫，深化與廣化姊妹市實質關係，落實城市外交。",
      ordinal: 1,
      parentId: 2,
      depth: 1,
      position: 0,
      stableKey: "一/(一)",
      lineFrom: 166,
      lineTo: 168,
      retired: false,
      document: {
        id: 1,
        kind: "policy-outline",
        title: "高雄市政府一○二年度(中華民國一○二年一月至一○二年十二月)施政綱要",
        yearFrom: 2013,
        yearTo: 2013,
      },
      department: { slug: "secretariat", nameZh: "秘書處", nameEn: "Secretariat" },
      status: "no_update",
      percent: null,
      statusUpdatedAt: null,
    },
  });

export const NodeDetail = z
  .strictObject({
    ...Node.shape,
    ancestors: z.array(NodeRef).meta({ description: "The path from the document's root, root first." }),
    children: z.array(NodeTree).meta({ description: "The node's subtree: its children, each with theirs." }),
  })
  .meta({ id: "NodeDetail", description: "A node with its parent path and its subtree." });

export const BudgetLine = z
  .strictObject({
    id,
    document: DocumentRef,
    department: DepartmentRef.nullable(),
    nodeId: id
      .nullable()
      .meta({ description: "The program node this line funds, when the table names one." }),
    parentId: id.nullable(),
    tableName: z.string().meta({
      description:
        "Plans print the same money twice: the crosswalk (對照表, with personnel costs and a 合計 total) and the " +
        "program table (計畫表). Add up lines of one table only.",
      example: "對照表",
    }),
    stableKey: z.string().meta({ example: "對照表/合計" }),
    fiscalYear: z.number().int().meta({ description: "Gregorian fiscal year.", example: 2018 }),
    label: z.string().nullable().meta({ description: "The number as printed.", example: "壹、" }),
    name: z.string().meta({ example: "一般行政" }),
    amountThousands: z
      .number()
      .int()
      .meta({ description: "Amount in NT$ thousands (千元).", example: 25169 }),
    note: z.string().nullable().meta({ example: null }),
    position: z.number().int(),
    lineFrom: z.number().int(),
    lineTo: z.number().int(),
  })
  .meta({ id: "BudgetLine", description: "A line of a budget table, in NT$ thousands as published." });

export const ReportFigure = z
  .strictObject({
    id,
    document: DocumentRef.extend({
      presentedOn: isoDay.nullable().meta({ example: "2012-10-22" }),
    }),
    department: DepartmentRef.nullable().meta({ description: "The report's department." }),
    node: z
      .strictObject({ id, numberLabel: z.string().nullable(), title: z.string().nullable() })
      .nullable()
      .meta({ description: "The section or point the figure is quoted in." }),
    value: z.number().meta({ example: 40 }),
    valueText: z.string().meta({ description: "As printed.", example: "40" }),
    unit: z.string().meta({ example: "案" }),
    label: z
      .string()
      .nullable()
      .meta({ description: "What it counts, when it can be told.", example: "補助機關學校研究發展計畫" }),
    sentence: z
      .string()
      .meta({ example: "101 年度補助機關學校研究發展計畫 40 案，獎助金額 18 萬 3,000 元；" }),
    asOf: isoDay.nullable(),
    lineFrom: z.number().int(),
    lineTo: z.number().int(),
  })
  .meta({ id: "ReportFigure", description: "A quantitative figure quoted in a council report." });

export const ProgressFigure = z
  .strictObject({ value: z.number(), unit: z.string(), label: z.string().nullable() })
  .meta({ id: "ProgressFigure", example: { value: 12, unit: "場次", label: "辦理國際交流活動" } });

export const EvidenceLink = z
  .strictObject({ url: z.string(), title: z.string() })
  .meta({ id: "EvidenceLink", example: { url: "https://www.kcg.gov.tw/", title: "高雄市政府" } });

export const ProgressEntry = z
  .strictObject({
    id,
    node: z.strictObject({
      id,
      kind: z.enum(NODE_KINDS),
      numberLabel: z.string().nullable(),
      title: z.string().meta({ description: "The node's title, or its text when it has none." }),
      documentId: id,
    }),
    department: DepartmentRef.nullable().meta({ description: "The node's department." }),
    period: z.strictObject({
      year: z.number().int().meta({ example: 2013 }),
      quarter: z.number().int().min(1).max(4).nullable().meta({ example: 3 }),
      from: isoDay.meta({ example: "2013-07-01" }),
      to: isoDay.meta({ example: "2013-09-30" }),
    }),
    status: z.enum(PROGRESS_STATUSES).meta({ example: "on_track" }),
    percent: z.number().int().nullable().meta({ example: 40 }),
    narrative: z.string(),
    figures: z.array(ProgressFigure),
    evidenceLinks: z.array(EvidenceLink),
    version: z.number().int().meta({ description: "Bumped on every save.", example: 1 }),
    authorDepartments: z.array(DepartmentRef).meta({
      description: "The departments of the staff member who wrote it (never the person).",
    }),
    createdAt: isoInstant,
    updatedAt: isoInstant,
  })
  .meta({
    id: "ProgressEntry",
    description: "What staff recorded about a node for a period. Withdrawn entries are never listed.",
  });

const Highlighted = z.array(z.strictObject({ text: z.string(), match: z.boolean() })).meta({
  id: "HighlightedText",
  description: "Text in pieces, in order; `match` marks the pieces the query matched.",
  example: [
    { text: "加強與國際友好城市交流，賡續推動本府各局處認養", match: false },
    { text: "姊妹市", match: true },
    { text: "計畫", match: false },
  ],
});

export const SearchHit = z
  .strictObject({
    type: z.enum(SEARCH_ENTITY_TYPES).meta({
      description: "What was found; its id is a node, budget line, report figure or progress entry id.",
      example: "node",
    }),
    id: id.meta({ example: 36 }),
    kind: z.enum(SEARCH_KINDS).meta({
      description: "The node kind, or budget_line, report_figure or progress_entry.",
      example: "agenda_item",
    }),
    href: z.string().meta({ description: "Path of the portal page that shows it.", example: "/nodes/36" }),
    title: Highlighted,
    snippet: Highlighted,
    score: z.number().meta({ description: "Relevance: higher first." }),
    document: z.strictObject({ id, title: z.string(), kind: z.enum(DOCUMENT_KIND_SLUGS) }),
    department: DepartmentRef.nullable(),
    years: z
      .strictObject({ from: z.number().int(), to: z.number().int() })
      .nullable()
      .meta({ description: "Gregorian years it concerns.", example: { from: 2013, to: 2013 } }),
    status: z.enum(SEARCH_STATUSES).nullable().meta({
      description:
        "A node's latest progress status (no_update without one), a progress entry's own; else null.",
    }),
    retired: z.boolean(),
  })
  .meta({ id: "SearchHit", description: "One search result." });

const facet = <T extends z.ZodType>(value: T) => z.array(z.strictObject({ value, count: z.number().int() }));

export const SearchFacets = z
  .strictObject({
    kinds: facet(z.enum(SEARCH_KINDS)),
    departments: z.array(
      z.strictObject({ value: z.string(), nameZh: z.string(), nameEn: z.string(), count: z.number().int() }),
    ),
    years: facet(z.number().int()),
    statuses: facet(z.enum(SEARCH_STATUSES)),
  })
  .meta({
    id: "SearchFacets",
    description:
      "Counts of the matches by kind, department, year and status. Each facet applies the other filters " +
      "but not its own, so its other values stay listed.",
  });

export const SearchUnderstood = z
  .strictObject({
    words: z.array(z.string()).meta({ description: "Words every result contains.", example: ["姊妹市"] }),
    phrases: z.array(z.string()).meta({ description: "Phrases matched verbatim." }),
  })
  .meta({ id: "SearchUnderstood", description: "How the query was read." });

export const PageMeta = z
  .strictObject({
    number: z.number().int().meta({ description: "This page's number.", example: 1 }),
    size: z.number().int().meta({ description: "Rows per page asked for.", example: 50 }),
    total: z.number().int().meta({ description: "Rows matching the filters, on all pages.", example: 473 }),
    totalPages: z.number().int().meta({ example: 10 }),
    next: z.string().nullable().meta({
      description: "URL of the next page, or null on the last one. Also in the `Link` header.",
      example: "https://example.org/api/v1/nodes?kind=agenda_item&page=2",
    }),
    prev: z.string().nullable().meta({ description: "URL of the previous page, or null on the first." }),
  })
  .meta({ id: "PageMeta", description: "Where this page is in the whole list." });

export const ErrorBody = z
  .strictObject({
    error: z.strictObject({
      code: z.enum(["invalid_parameter", "not_found", "internal_error"]),
      message: z.string(),
      issues: z
        .array(
          z.strictObject({
            parameter: z.string().meta({ example: "size" }),
            message: z.string().meta({ example: "size must be at most 200." }),
          }),
        )
        .optional()
        .meta({ description: "For invalid_parameter: one entry per problem, naming the parameter." }),
    }),
  })
  .meta({
    id: "Error",
    description: "What went wrong.",
    example: {
      error: {
        code: "invalid_parameter",
        message: "Invalid parameter: size.",
        issues: [{ parameter: "size", message: "size must be at most 200." }],
      },
    },
  });

/** `{ data: [...], page }` (and more top-level fields for search): the body of every list endpoint. */
export function pageOf<T extends z.ZodType>(item: T, name: string, extra: z.core.$ZodShape = {}) {
  return z.strictObject({ data: z.array(item), page: PageMeta, ...extra }).meta({ id: name });
}

/** `{ data }`: the body of every single-record endpoint. */
export function one<T extends z.ZodType>(item: T, name: string) {
  return z.strictObject({ data: item }).meta({ id: name });
}

export type DepartmentRecord = z.infer<typeof Department>;
export type DepartmentDetailRecord = z.infer<typeof DepartmentDetail>;
export type DocumentRefRecord = z.infer<typeof DocumentRef>;
export type DocumentRecord = z.infer<typeof Document>;
export type NodeRecord = z.infer<typeof Node>;
export type NodeDetailRecord = z.infer<typeof NodeDetail>;
export type BudgetLineRecord = z.infer<typeof BudgetLine>;
export type ReportFigureRecord = z.infer<typeof ReportFigure>;
export type ProgressEntryRecord = z.infer<typeof ProgressEntry>;
export type PageMetaRecord = z.infer<typeof PageMeta>;
export type SearchHitRecord = z.infer<typeof SearchHit>;
