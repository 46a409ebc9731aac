import { readEnv } from "@/lib/env";

/**
 * What every e-mail about an item shares (workflow notices, reminders): the link back to the
 * portal and the item's short title.
 */

/**
 * A link to a page of the portal, for a message read outside it: the public base address
 * (NEXTAUTH_URL, without a trailing slash) and the path. Without one configured the path stands
 * alone, which a reader can still follow from the portal.
 */
export function portalLink(path: string): string {
  const base = readEnv().NEXTAUTH_URL?.replace(/\/$/u, "") ?? "";
  return `${base}${path}`;
}

export const SHORT_TITLE_LENGTH = 40;

/** An item as a subject line names it: its number as printed, then its title cut to 40 characters ("…" when cut). */
export function shortItemTitle(item: { numberLabel: string | null; title: string }): string {
  const name =
    item.title.length > SHORT_TITLE_LENGTH ? `${item.title.slice(0, SHORT_TITLE_LENGTH)}…` : item.title;
  return item.numberLabel ? `${item.numberLabel} ${name}` : name;
}
