"use client";

import { useActionState } from "react";
import type { BulkState } from "@/app/[locale]/staff/bulk/actions";
import { FieldChangeValues } from "@/components/field-change";
import { type ChangeLabels, showChange } from "@/lib/i18n/changes";
import { fillTemplate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import type { WorkspaceMessages } from "@/lib/i18n/workspace-messages";
import { Notice } from "@/components/notice";

type Props = {
  action: (state: BulkState, form: FormData) => Promise<BulkState>;
  t: WorkspaceMessages["bulk"];
  locale: Locale;
  changeLabels: ChangeLabels;
  errors: Record<string, string>;
};

const ACTION_STYLE = {
  create: "bg-emerald-100 text-emerald-900",
  update: "bg-sky-100 text-sky-900",
  unchanged: "bg-slate-100 text-slate-700",
  rejected: "bg-red-100 text-red-900",
} as const;

/** Upload → preview of every row → confirm. Works without JavaScript (two plain form posts). */
export function BulkUpload({ action, t, locale, changeLabels, errors }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const reason = (key: string, detail?: string) =>
    (t.reasons as Record<string, string>)[key] ?? errors[key] ?? `${key}${detail ? ` (${detail})` : ""}`;
  const preview = state.status === "preview" || state.status === "applied" ? state.preview : null;

  return (
    <div className="space-y-4">
      <form action={formAction} className="flex flex-wrap items-end gap-3" encType="multipart/form-data">
        <input type="hidden" name="intent" value="preview" />
        <label className="flex flex-col text-sm">
          {t.file}
          <input name="file" type="file" accept=".csv,text/csv" className="mt-1" required />
        </label>
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-civic-700 px-4 py-1.5 text-white hover:bg-civic-900 disabled:opacity-60"
        >
          {pending ? t.previewing : t.preview}
        </button>
      </form>

      {state.status === "fileError" && (
        <Notice tone="error">
          {t.fileErrors[state.reason]}
          {state.detail}
        </Notice>
      )}
      {state.status === "applied" && (
        <Notice tone="success">
          {fillTemplate(t.applied, { created: state.created, updated: state.updated })}
        </Notice>
      )}

      {preview && (
        <section aria-labelledby="bulk-preview-heading" className="space-y-3">
          <h2 id="bulk-preview-heading" className="text-lg font-semibold text-civic-900">
            {t.previewHeading}
          </h2>
          <p role={state.status === "preview" ? "status" : undefined}>
            {fillTemplate(t.summary, {
              accepted: preview.accepted,
              rejected: preview.rejected,
              unchanged: preview.unchanged,
            })}
          </p>
          <ol className="divide-y divide-slate-100 rounded border border-slate-200 bg-white text-sm">
            {preview.rows
              .filter((row) => row.action !== "unchanged")
              .map((row) => (
                <li key={row.line} className="flex flex-col gap-1 p-2 sm:flex-row sm:gap-3">
                  <span className="w-16 shrink-0 text-slate-600">
                    {t.columns.line} {row.line}
                  </span>
                  <span
                    className={`w-24 shrink-0 rounded px-2 py-0.5 text-center ${ACTION_STYLE[row.action]}`}
                  >
                    {t.actions[row.action]}
                    {row.submits && <span className="block text-xs">{t.actions.submits}</span>}
                  </span>
                  <span className="min-w-0 flex-1">
                    <span className="block font-medium">{row.item}</span>
                    {row.reasons.map((r) => (
                      <span key={`${r.key}-${r.detail ?? ""}`} className="block text-red-800">
                        {reason(r.key, r.detail)}
                      </span>
                    ))}
                    {row.changes.map((c) => {
                      const shown = showChange(locale, changeLabels, c);
                      return (
                        <span key={c.field} className="block text-slate-700">
                          {shown.label}: <FieldChangeValues change={shown} />
                        </span>
                      );
                    })}
                  </span>
                </li>
              ))}
          </ol>
          {state.status === "preview" &&
            (preview.accepted > 0 ? (
              <form action={formAction}>
                <input type="hidden" name="intent" value="apply" />
                <input type="hidden" name="csv" value={state.csv} />
                <button
                  type="submit"
                  disabled={pending}
                  className="rounded bg-emerald-700 px-4 py-2 text-white hover:bg-emerald-900 disabled:opacity-60"
                >
                  {pending ? t.applying : fillTemplate(t.confirm, { accepted: preview.accepted })}
                </button>
              </form>
            ) : (
              <p>{t.nothingToApply}</p>
            ))}
        </section>
      )}
    </div>
  );
}
