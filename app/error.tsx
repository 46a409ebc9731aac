"use client";

import { zhHant as t } from "@/lib/i18n/messages";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section role="alert" className="space-y-3 py-10 text-center">
      <h1 className="text-2xl font-bold text-civic-900">{t.error.heading}</h1>
      <p className="text-slate-700">{t.error.body}</p>
      <button
        type="button"
        onClick={reset}
        className="rounded bg-civic-700 px-4 py-2 text-white hover:bg-civic-900"
      >
        {t.error.retry}
      </button>
    </section>
  );
}
