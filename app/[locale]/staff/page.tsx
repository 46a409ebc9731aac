import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { InboxSection } from "@/components/inbox-section";
import { PendingUpdates } from "@/components/pending-updates";
import { StatusBadge } from "@/components/status";
import { requireUser } from "@/lib/auth/guard";
import { listWorkspaceItems } from "@/lib/data/staff";
import { listInbox, listPendingUpdates } from "@/lib/data/tracking";
import { departmentName, formatDay, formatYear } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { WORKSPACE_FILTERS, type WorkspaceFilter } from "@/lib/queries/staff";
import { approveUpdateAction, returnUpdateAction } from "./items/[id]/actions";
import { overrideLightAction } from "./items/[id]/light-actions";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getI18n(params)).t.workspace.staff.heading, robots: { index: false } };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function StaffDashboard({ params, searchParams }: Props) {
  const { t, locale } = await getI18n(params);
  const user = await requireUser("/staff", { action: "staff.workspace" });
  const query = await searchParams;
  const filterParam = first(query.filter);
  const filter: WorkspaceFilter = (WORKSPACE_FILTERS as readonly string[]).includes(filterParam ?? "")
    ? (filterParam as WorkspaceFilter)
    : "attention";
  const text = (first(query.q) ?? "").slice(0, 100);
  const signsOff = user.role === "supervisor" || user.role === "admin";
  const [{ items, period }, inbox, toApprove] = await Promise.all([
    listWorkspaceItems(user, { filter, text }),
    listInbox(user),
    signsOff ? listPendingUpdates(user, "approval") : Promise.resolve([]),
  ]);
  const s = t.workspace.staff;
  const filterLabels: Record<WorkspaceFilter, string> = {
    attention: s.all,
    "needs-update": s.needsUpdate,
    delayed: s.delayed,
    all: s.all,
  };

  return (
    <>
      <Breadcrumbs label={t.breadcrumb} crumbs={[{ href: "/", label: t.nav.home }, { label: s.heading }]} />
      <h1 className="text-2xl font-bold text-civic-900">{s.heading}</h1>
      <p className="mt-1 text-slate-700">{s.intro}</p>
      <p className="mt-1 text-sm text-slate-600">
        {s.period(period.year, period.quarter)}
        {user.departments.length > 0 &&
          ` · ${s.departments}：${user.departments.map((d) => departmentName(locale, d)).join("、")}`}
      </p>
      <p className="mt-3 flex flex-wrap gap-4">
        <Link href="/staff/bulk" className="text-civic-700 underline">
          {t.workspace.bulk.link}
        </Link>
        <Link href="/staff/documents" className="text-civic-700 underline">
          {t.workspace.upload.link}
        </Link>
        {user.role === "admin" && (
          <Link href="/admin" className="text-civic-700 underline">
            {t.workspace.admin.link}
          </Link>
        )}
      </p>
      <InboxSection inbox={inbox} t={t} locale={locale} />
      {signsOff && (
        <PendingUpdates
          id="approvals"
          heading={t.workspace.updates.approvalQueue}
          intro={t.workspace.updates.approvalQueueIntro}
          empty={t.workspace.updates.approvalQueueEmpty}
          updates={toApprove}
          t={t}
          locale={locale}
          viewerId={user.id}
          advance={approveUpdateAction}
          advanceLabel={t.workspace.updates.approve}
          sendBack={returnUpdateAction}
          overrideLight={overrideLightAction}
        />
      )}

      {user.role === "staff" && user.departments.length === 0 && (
        <p role="status" className="mt-4 rounded border border-amber-300 bg-amber-50 p-3">
          {s.noDepartments}
        </p>
      )}

      <form
        method="get"
        className="my-4 flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3"
      >
        <label className="flex flex-col text-sm">
          {s.filter}
          <select
            name="filter"
            defaultValue={filter}
            className="mt-1 rounded border border-slate-300 bg-white p-1.5"
          >
            {(["attention", "needs-update", "delayed"] as const).map((f) => (
              <option key={f} value={f}>
                {filterLabels[f]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {s.search}
          <input
            name="q"
            type="search"
            defaultValue={text}
            className="mt-1 rounded border border-slate-300 bg-white p-1.5"
          />
        </label>
        <button type="submit" className="rounded bg-civic-700 px-4 py-1.5 text-white hover:bg-civic-900">
          {s.filter}
        </button>
      </form>

      <p role="status" className="mb-2 text-sm font-semibold">
        {s.count(items.length)}
      </p>
      {items.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-600">{s.empty}</p>
      ) : (
        <ol
          className="divide-y divide-slate-100 rounded border border-slate-200 bg-white"
          aria-label={s.heading}
        >
          {items.map((item) => (
            <li key={item.id} className="flex flex-col gap-1 p-3 sm:flex-row sm:items-start sm:gap-3">
              <StatusBadge status={item.latest?.status ?? "no_update"} t={t} />
              <div className="min-w-0 flex-1">
                <Link
                  href={`/staff/items/${item.id}`}
                  className="font-medium text-slate-900 hover:text-civic-700 hover:underline"
                >
                  {item.numberLabel && <span className="mr-1">{item.numberLabel}</span>}
                  {item.title.length > 120 ? `${item.title.slice(0, 120)}…` : item.title}
                </Link>
                <p className="text-xs text-slate-600">
                  {t.nodeKinds[item.kind]}
                  {item.department && ` · ${departmentName(locale, item.department)}`}
                  {item.document.year && ` · ${formatYear(locale, item.document.year)}`}
                  {` · ${s.lastUpdate}：${item.latest ? formatDay(locale, item.latest.updatedAt) : s.never}`}
                  {item.needsUpdate && (
                    <span className="ml-2 rounded bg-amber-100 px-1.5 text-amber-900">{s.needsUpdate}</span>
                  )}
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
