import { z } from "zod";
import { TRACKABLE_KINDS } from "@/lib/domain/nodes";
import { PROGRESS_STATUSES } from "@/lib/domain/progress";
import { departmentFilter, yearFilter } from "./atoms";

/** The kinds the listing offers: every trackable kind. */
export const ITEM_KINDS = TRACKABLE_KINDS;
export const ITEM_SORTS = ["document", "department", "status", "updated"] as const;
export const PAGE_SIZES = [20, 50, 100] as const;

/**
 * The items listing's URL parameters, shared by the page and its CSV/JSON downloads so both
 * always agree. Malformed values fall back to "no filter" instead of failing: a shared link with
 * a typo still shows something sensible.
 */
export const itemsQuery = z.object({
  year: yearFilter,
  department: departmentFilter,
  kind: z.enum(ITEM_KINDS).optional().catch(undefined),
  status: z
    .enum([...PROGRESS_STATUSES, "no_update"])
    .optional()
    .catch(undefined),
  sort: z.enum(ITEM_SORTS).catch("document"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  size: z.coerce
    .number()
    .pipe(
      z.union(PAGE_SIZES.map((n) => z.literal(n)) as [z.ZodLiteral<20>, z.ZodLiteral<50>, z.ZodLiteral<100>]),
    )
    .catch(50),
});

export type ItemsQuery = z.infer<typeof itemsQuery>;

export function parseItemsQuery(params: Record<string, string | string[] | undefined>): ItemsQuery {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return itemsQuery.parse(flat);
}

/** The query as URL parameters, defaults left out so permalinks stay short and stable. */
export function itemsQueryString(query: Partial<ItemsQuery>): string {
  const params = new URLSearchParams();
  if (query.year) params.set("year", String(query.year));
  if (query.department) params.set("department", query.department);
  if (query.kind) params.set("kind", query.kind);
  if (query.status) params.set("status", query.status);
  if (query.sort && query.sort !== "document") params.set("sort", query.sort);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  if (query.size && query.size !== 50) params.set("size", String(query.size));
  const text = params.toString();
  return text ? `?${text}` : "";
}
