import type { Metadata } from "next";
import { AuditChange } from "@/components/audit-change";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { requireUser } from "@/lib/auth/guard";
import { listAuditEvents } from "@/lib/data/admin";
import { auditActionLabel, auditEntityLabel, describeAuditChange } from "@/lib/i18n/audit";
import { fillTemplate, formatDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { Pagination } from "@/components/pagination";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getI18n(params)).t.workspace.admin.audit, robots: { index: false } };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Every sign-in, failed sign-in, progress write, import and admin change, newest first. */
export default async function AuditPage({ params, searchParams }: Props) {
  const { t, locale } = await getI18n(params);
  const actor = await requireUser("/admin/audit", { action: "admin.manage" });
  const query = await searchParams;
  const action = first(query.action)?.slice(0, 60) || undefined;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(first(query.page) ?? "1", 10) || 1));
  const log = await listAuditEvents(actor, { action, page });
  const a = t.workspace.admin;
  const c = a.auditColumns;
  const link = (p: number) =>
    `/admin/audit?${new URLSearchParams({ ...(action ? { action } : {}), page: String(p) })}`;
  return (
    <>
      <Breadcrumbs
        label={t.breadcrumb}
        crumbs={[{ href: "/", label: t.nav.home }, { href: "/admin", label: a.heading }, { label: a.audit }]}
      />
      <h1 className="text-2xl font-bold text-civic-900">{a.audit}</h1>
      <form method="get" className="my-4 flex flex-wrap items-end gap-3">
        <label className="flex flex-col text-sm">
          {a.filterAction}
          <select
            name="action"
            defaultValue={action ?? ""}
            className="mt-1 rounded border border-slate-300 bg-white p-1.5"
          >
            <option value="">{a.allActions}</option>
            {log.actions.map((name) => (
              <option key={name} value={name}>
                {auditActionLabel(t, name)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-civic-700 px-4 py-1.5 text-white hover:bg-civic-900">
          {a.filterAction}
        </button>
      </form>
      <ol
        className="divide-y divide-slate-100 rounded border border-slate-200 bg-white text-sm"
        aria-label={a.audit}
      >
        {log.events.map((e) => (
          <li key={e.id} className="grid gap-1 p-3 sm:grid-cols-[10rem_1fr]">
            <span className="text-slate-600">
              <time dateTime={e.at.toISOString()}>{formatDateTime(locale, e.at)}</time>
            </span>
            <div className="min-w-0">
              <p>
                <strong>{auditActionLabel(t, e.action)}</strong> · {auditEntityLabel(t, e.entityType)}
                {e.entityId && ` #${e.entityId}`} · {c.actor}:{" "}
                {e.actor ? `${e.actor.name} <${e.actor.email}>` : a.system}
                {e.ip && ` · ${c.ip}: ${e.ip}`}
              </p>
              <AuditChange rows={describeAuditChange(locale, t, e)} />
            </div>
          </li>
        ))}
      </ol>
      <Pagination
        label={a.audit}
        page={page}
        pageCount={log.pageCount}
        hrefFor={link}
        text={{
          previous: a.previous,
          next: a.next,
          status: fillTemplate(a.page, { page, pages: log.pageCount }),
        }}
      />
    </>
  );
}
