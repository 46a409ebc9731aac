import "server-only";
import type { Db } from "@/lib/db/client";
import { search } from "@/lib/search/query";
import {
  parseSearchInput,
  SEARCH_ERROR_MESSAGES,
  type SearchKind,
  SearchQueryError,
  type SearchStatus,
} from "@/lib/search/schemas";
import { invalidParameters } from "../errors";
import type { PageRequest, Paged } from "../pagination";
import type { SearchHitRecord } from "../schemas";

export type SearchFilter = {
  q: string;
  kind?: SearchKind;
  department?: string;
  year?: number;
  status?: SearchStatus;
};

/**
 * The search page's search (lib/search), as an API page: the strict API parameters are read by
 * the search's own input schema, and text with nothing searchable in it is a 400 on `q`.
 */
export async function searchApi(db: Db, query: SearchFilter & PageRequest): Promise<Paged<SearchHitRecord>> {
  const { q, kind, department, year, status, page, size } = query;
  const parsed = parseSearchInput({ q, kind, department, year, status, page, size });
  const qIssue = (message: string) => invalidParameters([{ parameter: "q", message: `q: ${message}` }]);
  if (!parsed.ok) throw qIssue(parsed.error.messages.en);
  try {
    const results = await search(db, parsed.input);
    const hits: SearchHitRecord[] = results.hits;
    return {
      rows: hits,
      total: results.total,
      served: results.page,
      pageLimit: results.pageCount,
      extra: { facets: results.facets, understood: results.understood },
    };
  } catch (error) {
    if (error instanceof SearchQueryError) throw qIssue(SEARCH_ERROR_MESSAGES.en[error.code]);
    throw error;
  }
}
