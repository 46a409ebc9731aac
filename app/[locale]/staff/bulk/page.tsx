import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { BulkUpload } from "@/components/bulk-upload";
import { requireUser } from "@/lib/auth/guard";
import { listBulkDepartments } from "@/lib/data/staff";
import { changeLabels } from "@/lib/i18n/changes";
import { departmentName } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { currentPeriod } from "@/lib/queries/staff";
import { bulkAction } from "./actions";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getI18n(params)).t.workspace.bulk.heading, robots: { index: false } };
}

const selectClass = "mt-1 rounded border border-slate-300 bg-white p-1.5";

export default async function BulkPage({ params }: Props) {
  const { t, locale } = await getI18n(params);
  const user = await requireUser("/staff/bulk", { action: "staff.workspace" });
  const b = t.workspace.bulk;
  const departments = await listBulkDepartments(user);
  const now = currentPeriod();
  const years = Array.from({ length: now.year - 2010 + 1 }, (_, i) => now.year - i);

  return (
    <>
      <Breadcrumbs
        label={t.breadcrumb}
        crumbs={[
          { href: "/", label: t.nav.home },
          { href: "/staff", label: t.workspace.staff.heading },
          { label: b.heading },
        ]}
      />
      <h1 className="text-2xl font-bold text-civic-900">{b.heading}</h1>
      <p className="mt-1 mb-6 text-slate-700">{b.intro}</p>

      <section aria-labelledby="bulk-download" className="mb-8 rounded border border-slate-200 bg-white p-4">
        <h2 id="bulk-download" className="mb-3 text-lg font-semibold text-civic-900">
          {b.download}
        </h2>
        <form method="get" action="/staff/bulk/template" className="flex flex-wrap items-end gap-3">
          <label className="flex flex-col text-sm">
            {b.department}
            <select name="department" className={selectClass}>
              {departments.map((d) => (
                <option key={d.slug} value={d.slug}>
                  {departmentName(locale, d)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-sm">
            {b.year}
            <select name="year" defaultValue={now.year} className={selectClass}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-sm">
            {b.quarter}
            <select name="quarter" defaultValue={String(now.quarter)} className={selectClass}>
              <option value="">{t.workspace.progressForm.wholeYear}</option>
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  {t.workspace.progressForm.quarterN(q)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded bg-civic-700 px-4 py-1.5 text-white hover:bg-civic-900">
            {b.downloadButton}
          </button>
        </form>
      </section>

      <section aria-labelledby="bulk-upload" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="bulk-upload" className="mb-3 text-lg font-semibold text-civic-900">
          {b.upload}
        </h2>
        <BulkUpload
          action={bulkAction}
          t={b}
          locale={locale}
          changeLabels={changeLabels(t)}
          errors={t.workspace.progressForm.errors}
        />
      </section>
    </>
  );
}
