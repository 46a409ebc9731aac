import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { kindFromDb, type DocumentKindSlug } from "@/lib/domain/document-kind";
import { Prisma } from "@/lib/generated/prisma/client";
import { DocumentKind } from "@/lib/generated/prisma/enums";
import type { DepartmentRef } from "@/lib/queries/documents";
import { compileQuery, isEmptyQuery, type CompiledQuery } from "./compile";
import { highlight, snippet, type HighlightSegment } from "./highlight";
import { escapeLike } from "./normalise";
import { RANK_WEIGHTS, TITLE_BONUS } from "./ranking";
import {
  SEARCH_ENTITY_TYPES,
  SEARCH_KINDS,
  SEARCH_MAX_WINDOW,
  SEARCH_STATUSES,
  SearchQueryError,
  type SearchEntityType,
  type SearchInput,
  type SearchKind,
  type SearchStatus,
} from "./schemas";

export type SearchHit = {
  type: SearchEntityType;
  /** Id of the node, budget line, report figure or progress entry. */
  id: number;
  kind: SearchKind;
  /** Where the result is shown: its own page, or the section of the page that lists it. */
  href: string;
  title: HighlightSegment[];
  snippet: HighlightSegment[];
  score: number;
  document: { id: number; title: string; kind: DocumentKindSlug };
  department: DepartmentRef | null;
  years: { from: number; to: number } | null;
  /** A node's latest progress status ("no_update" without one), a progress entry's own; else null. */
  status: SearchStatus | null;
  retired: boolean;
};

export type FacetCount<T> = { value: T; count: number };

export type SearchFacets = {
  kinds: FacetCount<SearchKind>[];
  departments: Array<FacetCount<string> & { nameZh: string; nameEn: string }>;
  years: FacetCount<number>[];
  statuses: FacetCount<SearchStatus>[];
};

export type SearchResults = {
  total: number;
  page: number;
  pageCount: number;
  size: number;
  hits: SearchHit[];
  /**
   * Counts over the matches: each facet applies the other facets' filters but not its own, so the
   * kinds stay listed (with their counts) after one kind is chosen.
   */
  facets: SearchFacets;
  /** What the query was read as: the words it requires and the phrases it matched exactly. */
  understood: { words: string[]; phrases: string[] };
};

/** The page a result opens: anchors name the sections those pages already have. */
export function searchHref(e: {
  type: SearchEntityType;
  id: number;
  nodeId: number | null;
  documentId: number;
}): string {
  switch (e.type) {
    case "node":
      return `/nodes/${e.id}`;
    case "progress_entry":
      return `/nodes/${e.nodeId ?? e.id}#progress-heading`;
    case "report_figure":
      return e.nodeId === null
        ? `/documents/${e.documentId}#figures-heading`
        : `/nodes/${e.nodeId}#figures-heading`;
    case "budget_line":
      return `/documents/${e.documentId}#budget-heading`;
  }
}

const hitRow = z.object({
  entityType: z.enum(SEARCH_ENTITY_TYPES),
  entityId: z.number().int(),
  kind: z.enum(SEARCH_KINDS),
  documentId: z.number().int(),
  nodeId: z.number().int().nullable(),
  yearFrom: z.number().int().nullable(),
  yearTo: z.number().int().nullable(),
  status: z.enum(SEARCH_STATUSES).nullable(),
  retired: z.boolean(),
  title: z.string(),
  body: z.string(),
  score: z.number(),
  documentTitle: z.string(),
  documentKind: z.enum(Object.values(DocumentKind) as [DocumentKind, ...DocumentKind[]]),
  departmentSlug: z.string().nullable(),
  departmentNameZh: z.string().nullable(),
  departmentNameEn: z.string().nullable(),
});

const resultRow = z.object({
  total: z.number().int(),
  hits: z.array(hitRow),
  kinds: z.array(z.object({ value: z.enum(SEARCH_KINDS), count: z.number().int() })),
  departments: z.array(
    z.object({ value: z.string(), nameZh: z.string(), nameEn: z.string(), count: z.number().int() }),
  ),
  years: z.array(z.object({ value: z.number().int(), count: z.number().int() })),
  statuses: z.array(z.object({ value: z.enum(SEARCH_STATUSES), count: z.number().int() })),
});

const TRUE = Prisma.sql`TRUE`;

const contains = (text: string) => Prisma.sql`e."folded" LIKE ${`%${escapeLike(text)}%`} ESCAPE '\\'`;

/**
 * The rows a query matches: every word as a lexeme (or, where allowed, as a substring of the folded
 * text), every phrase verbatim. The GIN index on the vector answers lexemes; the pg_trgm index on
 * the folded text answers substrings of three characters or more.
 */
function matchCondition(q: CompiledQuery): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (q.lexemes !== null) parts.push(Prisma.sql`e."vector" @@ ${q.lexemes}::tsquery`);
  for (const word of q.flexible) {
    const ways = [Prisma.sql`e."vector" @@ ${word.lexeme}::tsquery`, ...word.substrings.map(contains)];
    parts.push(Prisma.sql`(${Prisma.join(ways, " OR ")})`);
  }
  for (const phrase of q.phrases) parts.push(contains(phrase));
  return Prisma.join(parts, " AND ");
}

/**
 * The one statement a search runs: exported so tests and benchmarks can EXPLAIN it.
 *
 * `matched` is every row the text matches, with its score and whether it passes each facet filter.
 * One pass of GROUPING SETS over it counts every facet, each under the other facets' filters but not
 * its own, and the total under all of them; the page is the top of the rows passing all filters.
 */
export function searchSql(q: CompiledQuery, input: SearchInput, page: number): Prisma.Sql {
  const kindOk = input.kind ? Prisma.sql`e."kind" = ${input.kind}` : TRUE;
  const departmentOk = input.department
    ? Prisma.sql`e."departmentId" = (SELECT id FROM "Department" WHERE slug = ${input.department})`
    : TRUE;
  const yearOk = input.year
    ? Prisma.sql`e."yearFrom" <= ${input.year}::int AND e."yearTo" >= ${input.year}::int`
    : TRUE;
  const statusOk = input.status ? Prisma.sql`e."status" = ${input.status}` : TRUE;
  const size = input.size;

  return Prisma.sql`
    WITH matched AS MATERIALIZED (
      SELECT e.id, e."kind", e."departmentId", e."yearFrom", e."yearTo",
        e."status" AS status_key,
        -- normalisation 0: the boost already holds the length normalisation (ranking.ts)
        ts_rank(${RANK_WEIGHTS}::float4[], e."vector", ${q.rank}::tsquery, 0) * e."boost"
          -- the title is the folded text's first line, empty when the entry has no real title
          + (CASE WHEN strpos(e."folded", E'\\n') > 1
               AND strpos(left(e."folded", strpos(e."folded", E'\\n')), ${q.whole}) > 0
             THEN ${TITLE_BONUS}::float8 ELSE 0 END) AS score,
        coalesce(${kindOk}, FALSE) AS kind_ok,
        coalesce(${departmentOk}, FALSE) AS department_ok,
        coalesce(${yearOk}, FALSE) AS year_ok,
        coalesce(${statusOk}, FALSE) AS status_ok
      FROM "SearchEntry" e
      WHERE ${matchCondition(q)}
    ),
    facets AS (
      SELECT GROUPING("kind") AS g_kind, GROUPING("departmentId") AS g_department,
        GROUPING(status_key) AS g_status, GROUPING("yearFrom", "yearTo") AS g_years,
        "kind", "departmentId", status_key, "yearFrom", "yearTo",
        count(*) FILTER (WHERE department_ok AND year_ok AND status_ok)::int AS n_kind,
        count(*) FILTER (WHERE kind_ok AND year_ok AND status_ok)::int AS n_department,
        count(*) FILTER (WHERE kind_ok AND department_ok AND year_ok)::int AS n_status,
        count(*) FILTER (WHERE kind_ok AND department_ok AND status_ok)::int AS n_years,
        count(*) FILTER (WHERE kind_ok AND department_ok AND year_ok AND status_ok)::int AS n_total
      FROM matched
      GROUP BY GROUPING SETS (("kind"), ("departmentId"), (status_key), ("yearFrom", "yearTo"), ())
    ),
    page AS (
      SELECT id, score FROM matched WHERE kind_ok AND department_ok AND year_ok AND status_ok
      ORDER BY score DESC, id ASC
      LIMIT ${size}::int OFFSET ${(page - 1) * size}::int
    )
    SELECT
      (SELECT n_total FROM facets WHERE g_kind = 1 AND g_department = 1 AND g_status = 1 AND g_years = 3)
        AS total,
      (SELECT coalesce(json_agg(json_build_object(
          'entityType', e."entityType", 'entityId', e."entityId", 'kind', e."kind",
          'documentId', e."documentId", 'nodeId', e."nodeId", 'yearFrom', e."yearFrom", 'yearTo', e."yearTo",
          'status', e."status",
          'retired', e."retired", 'title', e."title", 'body', e."body", 'score', p.score,
          'documentTitle', d."title", 'documentKind', d."kind",
          'departmentSlug', dep."slug", 'departmentNameZh', dep."nameZh", 'departmentNameEn', dep."nameEn"
        ) ORDER BY p.score DESC, p.id ASC), '[]'::json)
        FROM page p
        JOIN "SearchEntry" e ON e.id = p.id
        JOIN "SourceDocument" d ON d.id = e."documentId"
        LEFT JOIN "Department" dep ON dep.id = e."departmentId") AS hits,
      (SELECT coalesce(json_agg(json_build_object('value', f."kind", 'count', f.n_kind)
          ORDER BY f.n_kind DESC, f."kind"), '[]'::json)
        FROM facets f WHERE f.g_kind = 0 AND f.n_kind > 0) AS kinds,
      (SELECT coalesce(json_agg(json_build_object('value', dep."slug", 'nameZh', dep."nameZh",
          'nameEn', dep."nameEn", 'count', f.n_department) ORDER BY f.n_department DESC, dep."sortOrder", dep."slug"),
          '[]'::json)
        FROM facets f JOIN "Department" dep ON dep.id = f."departmentId"
        WHERE f.g_department = 0 AND f.n_department > 0) AS departments,
      (SELECT coalesce(json_agg(json_build_object('value', y.year, 'count', y.n) ORDER BY y.year DESC), '[]'::json)
        FROM (SELECT year, sum(f.n_years)::int AS n
              FROM facets f CROSS JOIN LATERAL generate_series(f."yearFrom", f."yearTo") AS year
              WHERE f.g_years = 0 GROUP BY year HAVING sum(f.n_years) > 0) y) AS years,
      (SELECT coalesce(json_agg(json_build_object('value', f.status_key, 'count', f.n_status)
          ORDER BY f.n_status DESC, f.status_key), '[]'::json)
        FROM facets f WHERE f.g_status = 0 AND f.status_key IS NOT NULL AND f.n_status > 0) AS statuses`;
}

/**
 * Searches the index: ranked hits of one page with highlighted title and snippet, the total, and
 * facet counts, in one round trip. Throws SearchQueryError when the text has nothing to search
 * (parseSearchInput catches the usual cases first).
 */
export async function search(db: Db, input: SearchInput): Promise<SearchResults> {
  const q = compileQuery(input.q);
  if (isEmptyQuery(q)) throw new SearchQueryError("search.noWords");

  const size = input.size;
  const maxPage = Math.max(1, Math.floor(SEARCH_MAX_WINDOW / size));
  const requestedPage = Math.min(input.page, maxPage);
  // Asked for a page past the end: answer the last one (computed below, second query only then).
  const run = async (page: number) => {
    const [, rows] = await db.$transaction([
      // The index and table are normally in memory: priced as on disk (4.0, the default), a query
      // matching a tenth of the rows would be planned as a sequential scan testing every row's
      // vector, about twice as slow as the bitmap scan (measured by bench:search).
      db.$executeRaw`SET LOCAL random_page_cost = 1.1`,
      db.$queryRaw<unknown[]>(searchSql(q, input, page)),
    ]);
    return rows;
  };

  let row = resultRow.parse((await run(requestedPage))[0]);
  const pageCount = Math.max(1, Math.min(Math.ceil(row.total / size), maxPage));
  let page = requestedPage;
  if (page > pageCount) {
    page = pageCount;
    row = resultRow.parse((await run(page))[0]);
  }

  return {
    total: row.total,
    page,
    pageCount,
    size,
    hits: row.hits.map((h) => toHit(h, q)),
    facets: {
      kinds: row.kinds,
      departments: row.departments,
      years: row.years,
      statuses: row.statuses,
    },
    understood: { words: q.words, phrases: q.phrases },
  };
}

function toHit(h: z.infer<typeof hitRow>, q: CompiledQuery): SearchHit {
  const department =
    h.departmentSlug && h.departmentNameZh && h.departmentNameEn
      ? { slug: h.departmentSlug, nameZh: h.departmentNameZh, nameEn: h.departmentNameEn }
      : null;
  const from = h.yearFrom ?? h.yearTo;
  const to = h.yearTo ?? h.yearFrom;
  return {
    type: h.entityType,
    id: h.entityId,
    kind: h.kind,
    href: searchHref({ type: h.entityType, id: h.entityId, nodeId: h.nodeId, documentId: h.documentId }),
    title: highlight(h.title, q.highlight),
    snippet: snippet(h.body, q.highlight),
    score: h.score,
    document: { id: h.documentId, title: h.documentTitle, kind: kindFromDb(h.documentKind) },
    department,
    years: from !== null && to !== null ? { from, to } : null,
    status: h.status,
    retired: h.retired,
  };
}
