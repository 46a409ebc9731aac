import { z } from "zod";
import { NODE_KINDS } from "@/lib/domain/nodes";
import { PROGRESS_STATUSES } from "@/lib/domain/progress";
import type { Locale } from "@/lib/i18n/locale";
import { departmentFilter, yearFilter } from "@/lib/validation/atoms";

/**
 * The search's input, shared by the search page and the API (and safe in a client component: no
 * segmenter here). The text gives a clear, typed error; a malformed filter falls back to "no
 * filter" as the items listing's do, so a shared link with a typo still shows something.
 */

/** Longest query, in characters: a sentence, not a document pasted in. */
export const SEARCH_MAX_LENGTH = 100;
export const SEARCH_PAGE_SIZES = { default: 20, max: 50 } as const;
/** Results can be paged up to this depth; nobody reads result 1,001, and deep OFFSETs cost. */
export const SEARCH_MAX_WINDOW = 1000;

export const SEARCH_ENTITY_TYPES = ["node", "budget_line", "report_figure", "progress_entry"] as const;
export type SearchEntityType = (typeof SEARCH_ENTITY_TYPES)[number];

/** The "kind" facet: every node kind, and the three other things search finds. */
export const SEARCH_KINDS = [...NODE_KINDS, "budget_line", "report_figure", "progress_entry"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_STATUSES = [...PROGRESS_STATUSES, "no_update"] as const;
export type SearchStatus = (typeof SEARCH_STATUSES)[number];

export const SEARCH_ERROR_CODES = ["search.empty", "search.tooLong", "search.noWords"] as const;
export type SearchErrorCode = (typeof SEARCH_ERROR_CODES)[number];

/** What each error says, in both interface languages. */
export const SEARCH_ERROR_MESSAGES: Record<Locale, Record<SearchErrorCode, string>> = {
  "zh-Hant": {
    "search.empty": "請輸入要搜尋的字詞。",
    "search.tooLong": `搜尋字詞最多 ${SEARCH_MAX_LENGTH} 個字，請縮短後再試。`,
    "search.noWords": "請輸入文字或數字；只有標點符號無法搜尋。",
  },
  en: {
    "search.empty": "Type a word or phrase to search for.",
    "search.tooLong": `Search text can be at most ${SEARCH_MAX_LENGTH} characters; shorten it and try again.`,
    "search.noWords": "Type some words or numbers: punctuation alone cannot be searched.",
  },
};

const codePoints = (s: string) => Array.from(s).length;

/** The query text: NFKC and trimmed; at most SEARCH_MAX_LENGTH characters, with a letter or digit. */
export const searchText = z
  .string({ error: "search.empty" })
  .transform((s) => s.normalize("NFKC").trim())
  .superRefine((s, ctx) => {
    const code: SearchErrorCode | null =
      s.length === 0
        ? "search.empty"
        : codePoints(s) > SEARCH_MAX_LENGTH
          ? "search.tooLong"
          : /[\p{L}\p{N}]/u.test(s)
            ? null
            : "search.noWords";
    if (code) ctx.addIssue({ code: "custom", message: code });
  });

export const searchInput = z.object({
  q: searchText,
  kind: z.enum(SEARCH_KINDS).optional().catch(undefined),
  department: departmentFilter,
  year: yearFilter,
  status: z.enum(SEARCH_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(SEARCH_MAX_WINDOW).catch(1).default(1),
  size: z.coerce
    .number()
    .int()
    .min(1)
    .max(SEARCH_PAGE_SIZES.max)
    .catch(SEARCH_PAGE_SIZES.default)
    .default(SEARCH_PAGE_SIZES.default),
});

export type SearchInput = z.infer<typeof searchInput>;

export type SearchInputError = { code: SearchErrorCode; messages: { "zh-Hant": string; en: string } };

function isErrorCode(value: string): value is SearchErrorCode {
  return (SEARCH_ERROR_CODES as readonly string[]).includes(value);
}

/**
 * URL parameters or a JSON body to a SearchInput, or the reason it cannot be searched. The filters
 * never fail (see above), so the error is always about the text.
 */
export function parseSearchInput(
  params: Record<string, unknown>,
): { ok: true; input: SearchInput } | { ok: false; error: SearchInputError } {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = searchInput.safeParse(flat);
  if (parsed.success) return { ok: true, input: parsed.data };
  const message = parsed.error.issues[0]?.message ?? "";
  const code = isErrorCode(message) ? message : "search.empty";
  return {
    ok: false,
    error: {
      code,
      messages: { "zh-Hant": SEARCH_ERROR_MESSAGES["zh-Hant"][code], en: SEARCH_ERROR_MESSAGES.en[code] },
    },
  };
}

/** Thrown by `search` when the text has nothing searchable left after segmentation. */
export class SearchQueryError extends Error {
  constructor(readonly code: SearchErrorCode) {
    super(SEARCH_ERROR_MESSAGES.en[code]);
    this.name = "SearchQueryError";
  }
}
