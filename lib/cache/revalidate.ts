import "server-only";
import { revalidateTag, updateTag } from "next/cache";
import { type ProgressImpact, progressTags, TAGS } from "./tags";

/**
 * Expires cached pages and reads by tag. In a server action `updateTag` makes the writer's next
 * page view read fresh data (read-your-own-writes); elsewhere (route handlers) the tag is expired
 * at once, so the next request renders anew.
 */
export function expireTags(tags: readonly string[], context: "action" | "route"): void {
  for (const tag of new Set(tags)) {
    if (context === "action") updateTag(tag);
    else revalidateTag(tag, { expire: 0 });
  }
}

/** After an import: any listing, tree, budget or suggested link may have changed. */
export function expireAfterImport(context: "action" | "route"): void {
  expireTags([TAGS.all], context);
}

export function expireAfterProgressWrite(impact: ProgressImpact, context: "action" | "route"): void {
  expireTags(progressTags(impact), context);
}
