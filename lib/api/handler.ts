import type { z } from "zod";
import { recordsCsv } from "./csv";
import type { DetailEndpoint, ListEndpoint } from "./endpoints";
import { ApiError, invalidParameters, notFound, type ParameterIssue, parameterIssues } from "./errors";
import { type PageRequest, type Paged, pageMeta } from "./pagination";
import { publicUrl } from "@/lib/http/public-origin";
import { csvResponse, errorResponse, jsonResponse, wantsCsv } from "./respond";

/**
 * The shape of every API route handler: parse the parameters with the endpoint's strict schema,
 * call one read function, answer through lib/api/respond. Bad input is a 400 naming the
 * parameter, an unknown record a 404; only a real fault is a 500.
 */

type ListQuery = PageRequest & { format?: "json" | "csv" };

/** Query parameters as one value each; a repeated parameter is an error, not a silent pick. */
function singleValues(searchParams: URLSearchParams): {
  values: Record<string, string>;
  issues: ParameterIssue[];
} {
  const values: Record<string, string> = {};
  const issues: ParameterIssue[] = [];
  for (const key of new Set(searchParams.keys())) {
    const all = searchParams.getAll(key);
    if (all.length > 1)
      issues.push({ parameter: key, message: `${key} is given ${all.length} times; give it once.` });
    values[key] = all[0] ?? "";
  }
  return { values, issues };
}

function parseOrThrow<T>(
  schema: z.ZodObject,
  parse: (values: Record<string, string>) => z.ZodSafeParseResult<T>,
  values: Record<string, string>,
  earlier: ParameterIssue[] = [],
): T {
  const parsed = parse(values);
  const issues = [
    ...earlier,
    ...(parsed.success ? [] : parameterIssues(parsed.error.issues, Object.keys(schema.shape))),
  ];
  if (issues.length > 0 || !parsed.success) throw invalidParameters(issues);
  return parsed.data;
}

function failure(error: unknown): Response {
  if (error instanceof ApiError) return errorResponse(error);
  console.error("API request failed", error);
  return errorResponse(new ApiError("internal_error", "The request could not be answered; try again later."));
}

/** A list endpoint: one page of rows as `{ data, page }` JSON or as CSV, with `Link` to the next. */
export async function serveList<Query extends ListQuery, Row>(
  request: Request,
  endpoint: ListEndpoint<Query, Row>,
  load: (query: Query) => Promise<Paged<Row>>,
): Promise<Response> {
  try {
    // Pagination links name the address the reader used (or PORTAL_URL), not the server's own.
    const url = publicUrl(request);
    const { values, issues } = singleValues(url.searchParams);
    const query = parseOrThrow(endpoint.query, endpoint.parseQuery, values, issues);
    const page = await load(query);
    const served = { page: page.served ?? query.page, size: query.size };
    const { meta, linkHeader } = pageMeta(url, served, page.total, page.pageLimit);
    const headers = { Link: linkHeader, "X-Total-Count": String(page.total) };
    if (wantsCsv(request, query.format)) {
      return csvResponse(request, recordsCsv(endpoint.csv, page.rows), endpoint.fileName, headers);
    }
    return jsonResponse(request, { data: page.rows, page: meta, ...page.extra }, headers);
  } catch (error) {
    return failure(error);
  }
}

/** A single-record endpoint: `{ data }`, or 404 when there is no such record. */
export async function serveDetail<Params, Row>(
  request: Request,
  routeParams: Promise<Record<string, string | string[] | undefined>>,
  endpoint: DetailEndpoint<Params, Row>,
  load: (params: Params) => Promise<Row | null>,
): Promise<Response> {
  try {
    const given = [...new Set(new URL(request.url).searchParams.keys())];
    if (given.length > 0) {
      throw invalidParameters(
        given.map((key) => ({
          parameter: key,
          message: `${key} is not a known parameter; this endpoint takes none.`,
        })),
      );
    }
    const raw = Object.fromEntries(
      Object.entries(await routeParams).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : (v ?? "")]),
    );
    const params = parseOrThrow(endpoint.params, endpoint.parseParams, raw);
    const row = await load(params);
    if (row === null) throw notFound(endpoint.describe(params));
    return jsonResponse(request, { data: row });
  } catch (error) {
    return failure(error);
  }
}
