"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import type { UploadState } from "@/app/[locale]/staff/documents/actions";
import { fillTemplate } from "@/lib/i18n/format";
import { describeImportProblem } from "@/lib/i18n/import-problems";
import type { WorkspaceMessages } from "@/lib/i18n/workspace-messages";
import { Notice } from "@/components/notice";

type Props = {
  action: (state: UploadState, form: FormData) => Promise<UploadState>;
  /** The upload limit: a larger file is refused here, before it is sent. */
  maxBytes: number;
  t: WorkspaceMessages["upload"];
  kinds: Record<string, string>;
};

/** Upload → dry-run preview (kind, tree, budget lines, figures, warnings) → confirm. */
export function DocumentUpload({ action, maxBytes, t, kinds }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  // Checked in the browser too: the server would refuse it, but only after the whole file came.
  const [tooLargeHere, setTooLargeHere] = useState(false);
  const problem = tooLargeHere
    ? t.tooLarge
    : state.status === "badFileName"
      ? t.badFileName
      : state.status === "noFile"
        ? t.noFile
        : state.status === "tooLarge"
          ? t.tooLarge
          : state.status === "notAllowed"
            ? t.notAllowed
            : state.status === "expired"
              ? t.expired
              : state.status === "rejected"
                ? `${t.rejected}${state.fileName}: ${describeImportProblem(state.rejection, t.problems)}`
                : null;
  return (
    <div className="space-y-4">
      <form
        action={formAction}
        onSubmit={(event) => {
          const file = new FormData(event.currentTarget).get("file");
          const over = file instanceof File && file.size > maxBytes;
          setTooLargeHere(over);
          if (over) event.preventDefault();
        }}
        className="flex flex-wrap items-end gap-3"
      >
        <input type="hidden" name="intent" value="preview" />
        <label className="flex flex-col text-sm">
          {t.file}
          <input
            name="file"
            type="file"
            accept=".txt,.pdf,text/plain,application/pdf"
            className="mt-1"
            required
          />
        </label>
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-civic-700 px-4 py-1.5 text-white hover:bg-civic-900 disabled:opacity-60"
        >
          {pending ? t.previewing : t.preview}
        </button>
      </form>
      {problem && <Notice tone="error">{problem}</Notice>}
      {state.status === "imported" && (
        <Notice tone="success">
          {fillTemplate(t.imported, { title: state.title, version: state.version })}{" "}
          <Link href={`/documents/${state.documentId}`} className="underline">
            {t.view}
          </Link>
        </Notice>
      )}
      {state.status === "preview" && (
        <section
          aria-labelledby="upload-preview"
          className="space-y-3 rounded border border-slate-200 bg-white p-4"
        >
          <h2 id="upload-preview" className="text-lg font-semibold text-civic-900">
            {t.previewHeading}
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-600">{t.kind}</dt>
            <dd>{kinds[state.preview.kind] ?? state.preview.kind}</dd>
            <dt className="text-slate-600">{t.title}</dt>
            <dd>{state.preview.title}</dd>
            <dt className="text-slate-600">{t.period}</dt>
            <dd>
              {state.preview.period.from ?? "?"} – {state.preview.period.to ?? "?"}
            </dd>
            <dt className="text-slate-600">{t.department}</dt>
            <dd>{state.preview.department?.nameZh ?? t.cityWide}</dd>
            <dt className="text-slate-600">{t.counts}</dt>
            <dd>{fillTemplate(t.countsText, state.preview.counts)}</dd>
          </dl>
          <p role="status">
            {state.preview.existing.status === "new"
              ? t.existingNew
              : state.preview.existing.status === "identical"
                ? t.existingIdentical
                : fillTemplate(t.existingVersion, { next: state.preview.existing.version + 1 })}
          </p>
          {state.preview.warnings.length > 0 && (
            <div className="rounded border border-amber-300 bg-amber-50 p-2 text-sm">
              <h3 className="font-semibold">{t.warnings}</h3>
              <ul className="list-disc pl-5">
                {state.preview.warnings.map((w, i) => (
                  <li key={i}>{describeImportProblem(w, t.problems)}</li>
                ))}
              </ul>
            </div>
          )}
          <details>
            <summary className="cursor-pointer text-civic-700">{t.outline}</summary>
            <ol className="mt-2 list-none space-y-1 text-sm">
              {state.preview.outline.map((n, i) => (
                <li key={i}>
                  {n.label}
                  {n.children.length > 0 && (
                    <ol className="ml-4 text-slate-700">
                      {n.children.map((c, j) => (
                        <li key={j}>{c}</li>
                      ))}
                    </ol>
                  )}
                </li>
              ))}
            </ol>
          </details>
          {state.preview.budgetLines.length > 0 && (
            <details>
              <summary className="cursor-pointer text-civic-700">{t.budgetLines}</summary>
              <ul className="mt-2 text-sm">
                {state.preview.budgetLines.map((b, i) => (
                  <li key={i}>
                    {b.name}: {b.amountThousands.toLocaleString("zh-TW")}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {state.preview.figures.length > 0 && (
            <details>
              <summary className="cursor-pointer text-civic-700">{t.figures}</summary>
              <ul className="mt-2 text-sm">
                {state.preview.figures.map((f, i) => (
                  <li key={i}>
                    <strong>
                      {f.value.toLocaleString("zh-TW")} {f.unit}
                    </strong>{" "}
                    {f.sentence}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <form action={formAction}>
            <input type="hidden" name="intent" value="import" />
            <input type="hidden" name="checksum" value={state.checksum} />
            <button
              type="submit"
              disabled={pending}
              className="rounded bg-emerald-700 px-4 py-2 text-white hover:bg-emerald-900 disabled:opacity-60"
            >
              {pending ? t.importing : t.confirm}
            </button>
          </form>
        </section>
      )}
    </div>
  );
}
