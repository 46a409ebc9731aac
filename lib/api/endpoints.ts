import { z } from "zod";
import {
  SEARCH_ERROR_CODES,
  SEARCH_ERROR_MESSAGES,
  SEARCH_KINDS,
  SEARCH_MAX_LENGTH,
  SEARCH_MAX_WINDOW,
  SEARCH_PAGE_SIZES,
  SEARCH_STATUSES,
  searchText,
} from "@/lib/search/schemas";
import {
  BUDGET_LINE_CSV,
  type CsvColumn,
  DEPARTMENT_CSV,
  DOCUMENT_CSV,
  NODE_CSV,
  PROGRESS_ENTRY_CSV,
  REPORT_FIGURE_CSV,
  SEARCH_HIT_CSV,
} from "./csv";
import {
  departmentParam,
  departmentSlug,
  documentKindParam,
  formatParam,
  instantParam,
  listParams,
  nodeKindParam,
  progressStatusParam,
  recordId,
  STATUS_FILTERS,
  wholeNumber,
  yearParam,
} from "./params";
import {
  BudgetLine,
  Department,
  DepartmentDetail,
  Document,
  Node,
  NodeDetail,
  one,
  pageOf,
  ProgressEntry,
  ReportFigure,
  SearchFacets,
  SearchHit,
  SearchUnderstood,
} from "./schemas";

/**
 * Every endpoint of the open-data API, described once: the route handlers parse with these
 * schemas, the OpenAPI document (lib/api/openapi.ts) is generated from them, and the contract
 * tests walk the same list.
 */

type Doc = { operationId: string; summary: string; description: string; tag: string };

export type ListEndpoint<Query, Row> = Doc & {
  kind: "list";
  /** As in the OpenAPI document. */
  path: string;
  /** Strict: an unknown parameter is an error. */
  query: z.ZodObject;
  parseQuery(values: Record<string, string>): z.ZodSafeParseResult<Query>;
  item: z.ZodType<Row>;
  /** The whole JSON body: `{ data, page }`. */
  body: z.ZodType;
  csv: readonly CsvColumn<Row>[];
  fileName: string;
};

export type DetailEndpoint<Params, Row> = Doc & {
  kind: "detail";
  /** As in the OpenAPI document, e.g. /api/v1/nodes/{id}. */
  path: string;
  params: z.ZodObject;
  parseParams(values: Record<string, string>): z.ZodSafeParseResult<Params>;
  /** The whole JSON body: `{ data }`. */
  body: z.ZodType;
  /** The record's schema. */
  item: z.ZodType<Row>;
  /** What the 404 names, e.g. "Node 999". */
  describe(params: Params): string;
};

function defineList<
  Shape extends z.core.$ZodShape,
  Row,
  Paging extends z.core.$ZodShape = Record<never, never>,
>(
  spec: Doc & {
    path: string;
    filters: Shape;
    /** Other limits for page and size than every other list's. */
    paging?: Paging;
    item: z.ZodType<Row>;
    /** More top-level fields of the JSON body. */
    extra?: z.core.$ZodShape;
    csv: readonly CsvColumn<Row>[];
    fileName: string;
  },
) {
  const query = z.strictObject({ ...spec.filters, ...listParams, ...(spec.paging as Paging) });
  const { filters: _filters, paging: _paging, extra, ...rest } = spec;
  return {
    ...rest,
    kind: "list",
    query,
    parseQuery: (values: Record<string, string>) => query.safeParse(values),
    body: pageOf(spec.item, `${spec.item.meta()?.id ?? spec.operationId}Page`, extra),
  } satisfies ListEndpoint<z.output<typeof query>, Row>;
}

function defineDetail<Shape extends z.core.$ZodShape, Row>(
  spec: Doc & {
    path: string;
    params: Shape;
    item: z.ZodType<Row>;
    describe(params: z.output<z.ZodObject<Shape>>): string;
  },
) {
  const params = z.strictObject(spec.params);
  const { params: _params, ...rest } = spec;
  return {
    ...rest,
    kind: "detail",
    params,
    parseParams: (values: Record<string, string>) => params.safeParse(values),
    body: one(spec.item, `${spec.item.meta()?.id ?? spec.operationId}Response`),
  } satisfies DetailEndpoint<z.output<typeof params>, Row>;
}

const yearOfDocument = (whose: string, example: number) =>
  yearParam.optional().meta({
    description:
      `Gregorian year ${whose} period covers (documents print ROC years: 民國 102 年 = 2013). ` +
      "A mid-term plan for 2023–2026 counts in each of those years.",
    example,
  });

const documentFilter = recordId
  .optional()
  .meta({ description: "Document id (see `/api/v1/documents`).", example: 3 });

export const departmentsList = defineList({
  operationId: "listDepartments",
  tag: "Departments",
  summary: "List departments",
  description:
    "The city's departments (agencies) in the city's own order, each with the other names documents use for " +
    "it, e.g. the policy outline's 秘書事務 for 秘書處 (secretariat).",
  path: "/api/v1/departments",
  filters: {},
  item: Department,
  csv: DEPARTMENT_CSV,
  fileName: "kaohsiung-departments",
});

export const departmentDetail = defineDetail({
  operationId: "getDepartment",
  tag: "Departments",
  summary: "Get a department",
  description: "One department by its slug, with its aliases and its documents, newest first.",
  path: "/api/v1/departments/{slug}",
  params: {
    slug: departmentSlug.meta({ description: "Department slug.", example: "secretariat" }),
  },
  item: DepartmentDetail,
  describe: (p) => `Department ${p.slug}`,
});

export const documentsList = defineList({
  operationId: "listDocuments",
  tag: "Documents",
  summary: "List documents",
  description:
    "Imported city documents, newest period first: policy outlines (施政綱要), mid-term plans (中程施政計畫), " +
    "department plans with their budgets (施政計畫提要) and council reports (業務報告).",
  path: "/api/v1/documents",
  filters: {
    kind: documentKindParam,
    department: departmentParam.meta({
      description: "Department slug: only that department's documents (city-wide ones have none).",
      example: "secretariat",
    }),
    year: yearOfDocument("the document's", 2018),
  },
  item: Document,
  csv: DOCUMENT_CSV,
  fileName: "kaohsiung-documents",
});

export const documentDetail = defineDetail({
  operationId: "getDocument",
  tag: "Documents",
  summary: "Get a document",
  description:
    "One document by id. Its statements are at `/api/v1/nodes?document={id}`, its budget at " +
    "`/api/v1/budget-lines?document={id}` and its figures at `/api/v1/report-figures?document={id}`.",
  path: "/api/v1/documents/{id}",
  params: { id: recordId.meta({ description: "Document id.", example: 3 }) },
  item: Document,
  describe: (p) => `Document ${p.id}`,
});

export const nodesList = defineList({
  operationId: "listNodes",
  tag: "Plan nodes",
  summary: "List plan nodes",
  description:
    "The numbered statements of every document (goals, visions, strategies, agenda items, key points, " +
    "programs, report sections and points), in document order, each with its latest progress status.",
  path: "/api/v1/nodes",
  filters: {
    kind: nodeKindParam,
    department: departmentParam.meta({
      description: "Department slug: nodes assigned to it.",
      example: "secretariat",
    }),
    year: yearOfDocument("the node's document's", 2013),
    document: documentFilter.meta({ description: "Document id: that document's nodes only.", example: 1 }),
    status: z
      .enum(STATUS_FILTERS, { error: `must be one of ${STATUS_FILTERS.join(", ")}` })
      .optional()
      .meta({
        description:
          "Status of the node's latest progress entry (withdrawn entries never count); no_update for nodes " +
          "without one.",
        example: "delayed",
      }),
  },
  item: Node,
  csv: NODE_CSV,
  fileName: "kaohsiung-nodes",
});

export const nodeDetail = defineDetail({
  operationId: "getNode",
  tag: "Plan nodes",
  summary: "Get a plan node",
  description:
    "One node by id with the path to it from its document's root (`ancestors`, root first) and its whole " +
    "subtree (`children`, each with theirs). Its progress is at `/api/v1/progress-entries?node={id}`.",
  path: "/api/v1/nodes/{id}",
  params: { id: recordId.meta({ description: "Node id.", example: 36 }) },
  item: NodeDetail,
  describe: (p) => `Node ${p.id}`,
});

export const budgetLinesList = defineList({
  operationId: "listBudgetLines",
  tag: "Budgets",
  summary: "List budget lines",
  description:
    "Lines of the budget tables printed in department plans, in NT$ thousands, in printed order. A plan prints " +
    "the same money twice (the crosswalk 對照表 with its 合計 total, and the program table 計畫表): add up lines " +
    "of one `tableName` only.",
  path: "/api/v1/budget-lines",
  filters: {
    department: departmentParam,
    year: yearParam.optional().meta({ description: "Gregorian fiscal year.", example: 2018 }),
    document: documentFilter,
  },
  item: BudgetLine,
  csv: BUDGET_LINE_CSV,
  fileName: "kaohsiung-budget-lines",
});

export const reportFiguresList = defineList({
  operationId: "listReportFigures",
  tag: "Report figures",
  summary: "List report figures",
  description:
    "Quantitative figures quoted in council reports (受理 1,043 件 → value 1043, unit 件), with the sentence " +
    "they come from, in printed order.",
  path: "/api/v1/report-figures",
  filters: {
    department: departmentParam.meta({
      description: "Department slug of the report.",
      example: "secretariat",
    }),
    document: documentFilter.meta({ description: "Document id of the report.", example: 4 }),
    year: yearOfDocument("the report's", 2017),
  },
  item: ReportFigure,
  csv: REPORT_FIGURE_CSV,
  fileName: "kaohsiung-report-figures",
});

export const progressEntriesList = defineList({
  operationId: "listProgressEntries",
  tag: "Progress",
  summary: "List progress entries",
  description:
    "What city staff recorded about plan nodes, most recently saved first. Withdrawn entries are left out; of " +
    "the author only their departments are given.",
  path: "/api/v1/progress-entries",
  filters: {
    node: recordId.optional().meta({ description: "Node id: that node's entries only.", example: 36 }),
    department: departmentParam.meta({ description: "Department slug of the node.", example: "secretariat" }),
    status: progressStatusParam.meta({ description: "The entry's status.", example: "on_track" }),
    updatedSince: instantParam.optional().meta({
      description:
        "Only entries saved at or after this time: a date (midnight UTC) or a date-time with an offset " +
        "(URL-encode `+` as `%2B`). Poll with the time of your last fetch.",
      example: "2024-01-01",
    }),
  },
  item: ProgressEntry,
  csv: PROGRESS_ENTRY_CSV,
  fileName: "kaohsiung-progress-entries",
});

const isSearchErrorCode = (message: string): message is (typeof SEARCH_ERROR_CODES)[number] =>
  (SEARCH_ERROR_CODES as readonly string[]).includes(message);

/** The search text, read as the search page reads it; its problems in the page's English words. */
const searchQueryParam = z
  .string({ error: "is required: the words to search for" })
  .superRefine((value, ctx) => {
    const parsed = searchText.safeParse(value);
    if (parsed.success) return;
    const code = parsed.error.issues[0]?.message ?? "";
    ctx.addIssue({
      code: "custom",
      message: isSearchErrorCode(code) ? SEARCH_ERROR_MESSAGES.en[code] : code,
    });
  })
  .meta({
    description:
      `Words to search for, in Chinese or English, at most ${SEARCH_MAX_LENGTH} characters. Traditional and ` +
      'simplified Chinese match alike; put a phrase in double quotes ("…") to match it verbatim.',
    example: "姊妹市",
  });

export const searchList = defineList({
  operationId: "search",
  tag: "Search",
  summary: "Search",
  description:
    "Full-text search over plan nodes, budget lines, report figures and progress entries, best match first, " +
    `with facet counts. Results can be paged up to the ${SEARCH_MAX_WINDOW}th; a page past the last one ` +
    "answers the last page.",
  path: "/api/v1/search",
  filters: {
    q: searchQueryParam,
    kind: z
      .enum(SEARCH_KINDS, { error: `must be one of ${SEARCH_KINDS.join(", ")}` })
      .optional()
      .meta({
        description: "A node kind, or budget_line, report_figure or progress_entry.",
        example: "agenda_item",
      }),
    department: departmentParam,
    year: yearParam.optional().meta({ description: "Gregorian year the result concerns.", example: 2013 }),
    status: z
      .enum(SEARCH_STATUSES, { error: `must be one of ${SEARCH_STATUSES.join(", ")}` })
      .optional()
      .meta({
        description: "A node's latest progress status (no_update: none yet), or a progress entry's own.",
        example: "no_update",
      }),
  },
  paging: {
    page: wholeNumber(1, SEARCH_MAX_WINDOW)
      .default(1)
      .meta({ description: "Page number, from 1.", example: 2 }),
    size: wholeNumber(1, SEARCH_PAGE_SIZES.max)
      .default(SEARCH_PAGE_SIZES.default)
      .meta({ description: `Results per page, at most ${SEARCH_PAGE_SIZES.max}.`, example: 10 }),
    format: formatParam,
  },
  item: SearchHit,
  extra: { facets: SearchFacets, understood: SearchUnderstood },
  csv: SEARCH_HIT_CSV,
  fileName: "kaohsiung-search",
});

export const LIST_ENDPOINTS = [
  departmentsList,
  documentsList,
  nodesList,
  budgetLinesList,
  reportFiguresList,
  progressEntriesList,
  searchList,
] as const;

export const DETAIL_ENDPOINTS = [departmentDetail, documentDetail, nodeDetail] as const;
