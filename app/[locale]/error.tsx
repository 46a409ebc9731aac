"use client";

import { en, zhHant } from "@/lib/i18n/messages";

/** Shown when a page fails unexpectedly; both languages, since the client does not know the choice. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section role="alert" className="space-y-3 py-10 text-center">
      <h1 className="text-2xl font-bold text-civic-900">
        {zhHant.error.heading} <span lang="en">/ {en.error.heading}</span>
      </h1>
      <p className="text-slate-700">{zhHant.error.body}</p>
      <p className="text-slate-700" lang="en">
        {en.error.body}
      </p>
      <button
        type="button"
        onClick={reset}
        className="rounded bg-civic-700 px-4 py-2 text-white hover:bg-civic-900"
      >
        {zhHant.error.retry} / <span lang="en">{en.error.retry}</span>
      </button>
    </section>
  );
}
