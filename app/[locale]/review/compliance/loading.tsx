"use client";

import { useParams } from "next/navigation";
import { loadingMessages } from "@/lib/i18n/loading-messages";

/** Shown while the figures are counted: the page's shape, and what is happening in words. */
export default function ComplianceLoading() {
  const { locale } = useParams<{ locale: string }>();
  return (
    <div aria-busy="true">
      <p role="status" className="mb-4 text-slate-700">
        {loadingMessages(locale).compliance}
      </p>
      <div aria-hidden="true" className="animate-pulse space-y-3 motion-reduce:animate-none">
        <div className="h-8 w-2/3 rounded bg-slate-200" />
        <div className="h-10 w-full rounded bg-slate-100" />
        <div className="h-40 w-full max-w-md rounded bg-slate-100" />
        <div className="h-64 w-full rounded bg-slate-100" />
      </div>
    </div>
  );
}
