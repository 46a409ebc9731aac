import { toTaipeiIso } from "@/lib/domain/time";

/** A minimal Atom 1.0 (RFC 4287) writer: enough for feed readers, nothing to install. */
export type AtomEntry = {
  id: string;
  title: string;
  link: string;
  updated: string;
  summary: string;
  author: string;
};
export type AtomFeed = {
  id: string;
  title: string;
  selfLink: string;
  alternateLink: string;
  updated: string;
  entries: AtomEntry[];
};

export function escapeXml(text: string): string {
  return (
    text
      .replaceAll("&", "&amp;")
      .replaceAll("<", "&lt;")
      .replaceAll(">", "&gt;")
      .replaceAll('"', "&quot;")
      .replaceAll("'", "&apos;")
      // Control characters are not allowed in XML 1.0 at all.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/gu, "")
  );
}

/** Any ISO instant, written in the city's time: still RFC 3339, with the +08:00 offset. */
const inTaipei = (iso: string) => toTaipeiIso(new Date(iso));

export function renderAtom(feed: AtomFeed): string {
  const e = escapeXml;
  const entries = feed.entries
    .map(
      (entry) => `  <entry>
    <id>${e(entry.id)}</id>
    <title>${e(entry.title)}</title>
    <link rel="alternate" type="text/html" href="${e(entry.link)}"/>
    <updated>${e(inTaipei(entry.updated))}</updated>
    <author><name>${e(entry.author)}</name></author>
    <summary type="text">${e(entry.summary)}</summary>
  </entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-Hant-TW">
  <id>${e(feed.id)}</id>
  <title>${e(feed.title)}</title>
  <link rel="self" type="application/atom+xml" href="${e(feed.selfLink)}"/>
  <link rel="alternate" type="text/html" href="${e(feed.alternateLink)}"/>
  <updated>${e(inTaipei(feed.updated))}</updated>
${entries}
</feed>
`;
}
