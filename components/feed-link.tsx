import type { Messages } from "@/lib/i18n/messages";

/** A visible link to a progress feed (pages also announce it with <link rel="alternate">). */
export function FeedLink({ href, t }: { href: string; t: Messages }) {
  return (
    <a
      href={href}
      className="inline-flex items-center gap-1 text-sm text-civic-700 underline print:hidden"
      type="application/atom+xml"
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5 fill-orange-600">
        <circle cx="3" cy="13" r="2" />
        <path d="M1 6.5v2A6.5 6.5 0 0 1 7.5 15h2A8.5 8.5 0 0 0 1 6.5zm0-5v2A11.5 11.5 0 0 1 12.5 15h2A13.5 13.5 0 0 0 1 1.5z" />
      </svg>
      {t.feeds.subscribe}
    </a>
  );
}
