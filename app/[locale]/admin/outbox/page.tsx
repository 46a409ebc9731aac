import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { requireUser } from "@/lib/auth/guard";
import { listOutbox } from "@/lib/data/admin";
import { fillTemplate, formatDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getI18n(params)).t.workspace.admin.outbox, robots: { index: false } };
}

/** The mail the portal wrote to files instead of sending (no SMTP_URL), newest first. */
export default async function OutboxPage({ params }: Props) {
  const { t, locale } = await getI18n(params);
  const actor = await requireUser("/admin/outbox", { action: "admin.manage" });
  const outbox = await listOutbox(actor);
  const a = t.workspace.admin;
  const c = a.outboxColumns;
  return (
    <>
      <Breadcrumbs
        label={t.breadcrumb}
        crumbs={[{ href: "/", label: t.nav.home }, { href: "/admin", label: a.heading }, { label: a.outbox }]}
      />
      <h1 className="text-2xl font-bold text-civic-900">{a.outbox}</h1>
      <p className="mt-1 text-slate-700">{outbox.smtp ? a.outboxSmtp : a.outboxIntro}</p>
      {outbox.messages.length === 0 ? (
        <p className="mt-4 rounded border border-slate-200 bg-white p-4 text-slate-700">{a.outboxEmpty}</p>
      ) : (
        <>
          <p className="mt-1 mb-4 text-sm text-slate-600">
            {fillTemplate(a.outboxShown, { shown: outbox.messages.length, total: outbox.total })}
          </p>
          <ol className="space-y-3" aria-label={a.outbox}>
            {outbox.messages.map((m) => (
              <li key={m.file} className="rounded border border-slate-200 bg-white p-3 text-sm">
                <dl className="grid gap-x-3 gap-y-1 sm:grid-cols-[6rem_1fr]">
                  <dt className="text-slate-600">{c.at}</dt>
                  <dd>
                    <time dateTime={m.at.toISOString()}>{formatDateTime(locale, m.at)}</time>
                  </dd>
                  <dt className="text-slate-600">{c.to}</dt>
                  <dd className="break-all">{m.to.join(", ")}</dd>
                  <dt className="text-slate-600">{c.subject}</dt>
                  <dd className="font-semibold">{m.subject}</dd>
                  <dt className="text-slate-600">{c.kind}</dt>
                  <dd>
                    <code>{m.kind}</code>
                  </dd>
                </dl>
                <pre className="mt-2 overflow-x-auto rounded bg-slate-50 p-2 font-sans whitespace-pre-wrap">
                  {m.text}
                </pre>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
