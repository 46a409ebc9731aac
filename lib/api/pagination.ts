import type { PageMetaRecord } from "./schemas";

/** Page and size as asked for, after validation. */
export type PageRequest = { page: number; size: number };

/** One page of rows with the number of rows on all pages. */
export type Paged<T> = {
  rows: T[];
  total: number;
  /** The page served, when the reader chose another than the one asked for. */
  served?: number;
  /** How many pages can be served, when fewer than the rows fill (a capped result window). */
  pageLimit?: number;
  /** More top-level fields of the JSON body (search facets). */
  extra?: Record<string, unknown>;
};

export function skipTake({ page, size }: PageRequest): { skip: number; take: number } {
  return { skip: (page - 1) * size, take: size };
}

function pageUrl(url: URL, page: number): string {
  const target = new URL(url);
  if (page === 1) target.searchParams.delete("page");
  else target.searchParams.set("page", String(page));
  return target.toString();
}

/**
 * The page's place in the list, with absolute URLs of its neighbours built from the request's own
 * URL (filters, size and format kept), and the same links as a `Link` header (RFC 8288).
 */
export function pageMeta(
  url: URL,
  request: PageRequest,
  total: number,
  pageLimit = Number.POSITIVE_INFINITY,
): { meta: PageMetaRecord; linkHeader: string } {
  const totalPages = Math.min(Math.ceil(total / request.size), pageLimit);
  const next = request.page < totalPages ? pageUrl(url, request.page + 1) : null;
  const prevPage = Math.min(request.page - 1, totalPages);
  const prev = prevPage >= 1 ? pageUrl(url, prevPage) : null;
  const links: string[] = [];
  if (next) links.push(`<${next}>; rel="next"`);
  if (prev) links.push(`<${prev}>; rel="prev"`);
  links.push(`<${pageUrl(url, 1)}>; rel="first"`);
  if (totalPages > 0) links.push(`<${pageUrl(url, totalPages)}>; rel="last"`);
  return {
    meta: { number: request.page, size: request.size, total, totalPages, next, prev },
    linkHeader: links.join(", "),
  };
}
