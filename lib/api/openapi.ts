import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { DETAIL_ENDPOINTS, LIST_ENDPOINTS } from "./endpoints";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./params";
import { CACHE_CONTROL } from "./respond";
import { ErrorBody } from "./schemas";

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31["generateDocument"]>;

const DESCRIPTION = `Open data of the Kaohsiung policy tracker: the city's plan documents parsed into departments,
documents, numbered plan nodes, budget lines and report figures, and the progress city staff record on them.
Read-only, no key needed, open to every origin (CORS \`*\`).

- **Lists** answer \`{ "data": [...], "page": { "number", "size", "total", "totalPages", "next", "prev" } }\`.
  Page with \`page\` and \`size\` (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}); follow \`page.next\` or the
  \`Link: <…>; rel="next"\` header until it is null. \`X-Total-Count\` gives the number of rows on all pages.
- **CSV**: every list also answers as CSV (UTF-8 with a byte-order mark, so spreadsheets read Chinese) with
  \`format=csv\` or \`Accept: text/csv\`: the same rows as the JSON page, nested fields flattened
  (\`department.slug\` → \`departmentSlug\`).
- **Single records** answer \`{ "data": {...} }\`; an unknown id or slug is a 404.
- **Errors** answer \`{ "error": { "code", "message", "issues": [{ "parameter", "message" }] } }\`. A malformed
  value, a repeated parameter or a parameter the endpoint does not take is a 400 naming it.
- **Caching**: \`Cache-Control: ${CACHE_CONTROL}\` and a weak \`ETag\`; send it back in \`If-None-Match\` to get
  a body-less 304 when nothing changed.
- **Years** are Gregorian. Documents print ROC years (民國 102 年 = 2013); a document covers every year of its period.
- Budget amounts are NT$ thousands (千元), as published.`;

const cacheHeaders = {
  ETag: {
    description: "Weak validator of the body; send it back as `If-None-Match`.",
    schema: { type: "string" },
  },
  "Cache-Control": { description: CACHE_CONTROL, schema: { type: "string" } },
  "Access-Control-Allow-Origin": { description: "`*`: open data.", schema: { type: "string" } },
} as const;

const listHeaders = {
  ...cacheHeaders,
  Link: {
    description:
      'Links to the next, previous, first and last pages (RFC 8288), e.g. `<…?page=2>; rel="next"`.',
    schema: { type: "string" },
  },
  "X-Total-Count": { description: "Rows matching the filters, on all pages.", schema: { type: "integer" } },
} as const;

const errorContent = { "application/json": { schema: ErrorBody } };

function buildDocument(): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  for (const endpoint of LIST_ENDPOINTS) {
    registry.registerPath({
      method: "get",
      path: endpoint.path,
      operationId: endpoint.operationId,
      summary: endpoint.summary,
      description: endpoint.description,
      tags: [endpoint.tag],
      request: { query: endpoint.query },
      responses: {
        200: {
          description: "One page of rows.",
          headers: listHeaders,
          content: {
            "application/json": { schema: endpoint.body },
            "text/csv": {
              schema: { type: "string", description: "A header row, then one row per record of the page." },
              example: endpoint.csv.map(([header]) => header).join(","),
            },
          },
        },
        304: { description: "Not modified: `If-None-Match` names the current ETag.", headers: cacheHeaders },
        400: { description: "A parameter is malformed, repeated or unknown.", content: errorContent },
      },
    });
  }
  for (const endpoint of DETAIL_ENDPOINTS) {
    registry.registerPath({
      method: "get",
      path: endpoint.path,
      operationId: endpoint.operationId,
      summary: endpoint.summary,
      description: endpoint.description,
      tags: [endpoint.tag],
      request: { params: endpoint.params },
      responses: {
        200: {
          description: "The record.",
          headers: cacheHeaders,
          content: { "application/json": { schema: endpoint.body } },
        },
        304: { description: "Not modified: `If-None-Match` names the current ETag.", headers: cacheHeaders },
        400: {
          description: "The id or slug is malformed, or a query parameter was given.",
          content: errorContent,
        },
        404: { description: "No such record.", content: errorContent },
      },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: { title: "Kaohsiung policy tracker: open data API", version: "1.0.0", description: DESCRIPTION },
    tags: [
      { name: "Departments", description: "City agencies and the names documents use for them." },
      { name: "Documents", description: "Imported plan documents and council reports." },
      { name: "Plan nodes", description: "The numbered statements of each document, as trees." },
      { name: "Budgets", description: "Budget tables of department plans." },
      { name: "Report figures", description: "Numbers quoted in council reports." },
      { name: "Progress", description: "What staff recorded about plan nodes." },
      { name: "Search", description: "Full-text search across everything above." },
    ],
  });
}

let cached: OpenApiDocument | undefined;

/**
 * The OpenAPI 3.1 document of `/api/v1`, generated from the same zod schemas the route handlers
 * parse with. Built once per process; treat it as read-only.
 */
export function getOpenApiDocument(): OpenApiDocument {
  cached ??= buildDocument();
  return cached;
}
