import { z } from "zod";
import { DOCUMENT_KIND_SLUGS } from "@/lib/domain/document-kind";
import { NODE_KINDS } from "@/lib/domain/nodes";
import { PROGRESS_STATUSES } from "@/lib/domain/progress";
import { MAX_YEAR, MIN_YEAR } from "@/lib/domain/years";
import { departmentSlug as departmentSlugAtom } from "@/lib/validation/atoms";

/**
 * Query and path parameter atoms of the open-data API. Every endpoint composes its strict query
 * schema from these, so a parameter means the same thing everywhere, and the OpenAPI document
 * describes it from the same source. Messages finish the sentence "<parameter> …".
 */

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE = 1_000_000;
const MAX_ID = 2_147_483_647;

/** A whole number in a query string ("20"), with messages a caller can act on. */
export function wholeNumber(min: number, max: number) {
  return z.coerce
    .number({ error: "must be a whole number" })
    .int({ error: "must be a whole number" })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });
}

export const pageParam = wholeNumber(1, MAX_PAGE)
  .default(1)
  .meta({ description: "Page number, from 1. A page past the last one is empty.", example: 2 });

export const sizeParam = wholeNumber(1, MAX_PAGE_SIZE)
  .default(DEFAULT_PAGE_SIZE)
  .meta({
    description: `Rows per page, at most ${MAX_PAGE_SIZE}. Follow \`page.next\` (or the \`Link\` header) for the rest.`,
    example: 20,
  });

export const formatParam = z
  .enum(["json", "csv"], { error: "must be json or csv" })
  .optional()
  .meta({
    description:
      "Response format. CSV (UTF-8 with a byte-order mark, one row per record of the same page) can also be " +
      "asked for with `Accept: text/csv`. Defaults to JSON.",
    example: "csv",
  });

/** Paging and format: every list endpoint takes these. */
export const listParams = { page: pageParam, size: sizeParam, format: formatParam };

export const yearParam = wholeNumber(MIN_YEAR, MAX_YEAR);

export const departmentSlug = departmentSlugAtom("must be a department slug such as secretariat");

export const departmentParam = departmentSlug.optional().meta({
  description: "Department slug (see `/api/v1/departments`).",
  example: "secretariat",
});

export const recordId = wholeNumber(1, MAX_ID);

export const documentKindParam = z
  .enum(DOCUMENT_KIND_SLUGS, { error: `must be one of ${DOCUMENT_KIND_SLUGS.join(", ")}` })
  .optional()
  .meta({ description: "Document kind.", example: "department-plan" });

export { NODE_KINDS };

export const nodeKindParam = z
  .enum(NODE_KINDS, { error: `must be one of ${NODE_KINDS.join(", ")}` })
  .optional()
  .meta({
    description:
      "Node kind: goal, vision, strategy (mid-term plan), policy_area and agenda_item (policy outline), " +
      "key_point and program (department plan), section and point (council report).",
    example: "agenda_item",
  });

export const STATUS_FILTERS = [...PROGRESS_STATUSES, "no_update"] as const;

export const progressStatusParam = z
  .enum(PROGRESS_STATUSES, { error: `must be one of ${PROGRESS_STATUSES.join(", ")}` })
  .optional();

/** A date or a date and time with an offset, e.g. 2024-01-31 or 2024-01-31T08:00:00Z. */
export const instantParam = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: "must be a date (2024-01-31) or a date and time with an offset (2024-01-31T08:00:00Z)",
});

/** When a date-only instant starts: midnight UTC. */
export function instantToDate(value: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}$/u.test(value) ? `${value}T00:00:00Z` : value);
}
