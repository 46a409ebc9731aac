import { createHash } from "node:crypto";
import type { ApiError } from "./errors";

/**
 * How the open-data API answers: open to every origin, cacheable for a minute by browsers and
 * shared caches, with a weak ETag of the exact body so a client can revalidate for free.
 */
export const CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300";

export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Link, X-Total-Count, Content-Disposition",
} as const;

/** Answer to a CORS preflight (sent by browsers for `If-None-Match` or `Accept: text/csv`). */
export function preflightResponse(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "Accept, If-None-Match",
      "Access-Control-Max-Age": "86400",
      Allow: "GET, HEAD, OPTIONS",
    },
  });
}

/** `W/"…"`: a weak validator, the body's SHA-256 (equal bodies, equal tags). */
export function weakEtag(body: string): string {
  return `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** Weak comparison (RFC 9110 §13.1.2): does any tag in If-None-Match match, or is it `*`? */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//u, "");
  const wanted = opaque(etag);
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === wanted);
}

/**
 * Does the caller ask for CSV? `format` wins; otherwise `Accept` decides when it names text/csv at
 * least as strongly as JSON. A browser's default Accept gets JSON.
 */
export function wantsCsv(request: Request, format: "json" | "csv" | undefined): boolean {
  if (format) return format === "csv";
  const accept = request.headers.get("accept");
  if (!accept) return false;
  let csv = 0;
  let json = 0;
  for (const part of accept.split(",")) {
    const [type = "", ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    const qParam = params.find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    const weight = Number.isFinite(q) ? q : 0;
    if (type === "text/csv") csv = Math.max(csv, weight);
    if (type === "application/json") json = Math.max(json, weight);
  }
  return csv > 0 && csv >= json;
}

/** 200 with the body, or 304 without it when the caller already has this version. */
export function cachedResponse(
  request: Request,
  body: string,
  contentType: string,
  headers: Record<string, string> = {},
): Response {
  const etag = weakEtag(body);
  const common = {
    ...CORS_HEADERS,
    "Cache-Control": CACHE_CONTROL,
    ETag: etag,
    Vary: "Accept",
    ...headers,
  };
  if (etagMatches(request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers: common });
  }
  return new Response(request.method === "HEAD" ? null : body, {
    status: 200,
    headers: { ...common, "Content-Type": contentType },
  });
}

export function jsonResponse(
  request: Request,
  value: unknown,
  headers: Record<string, string> = {},
): Response {
  return cachedResponse(request, JSON.stringify(value), "application/json; charset=utf-8", headers);
}

export function csvResponse(
  request: Request,
  csv: string,
  fileName: string,
  headers: Record<string, string> = {},
): Response {
  return cachedResponse(request, csv, "text/csv; charset=utf-8", {
    "Content-Disposition": `inline; filename="${fileName}.csv"`,
    ...headers,
  });
}

/** An error as JSON: never cached, still readable cross-origin. */
export function errorResponse(error: ApiError): Response {
  return Response.json(error.toBody(), {
    status: error.status,
    headers: { ...CORS_HEADERS, "Cache-Control": "no-store" },
  });
}
