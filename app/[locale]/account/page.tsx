import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { FieldsForm } from "@/components/fields-form";
import { requireUser } from "@/lib/auth/guard";
import Link from "next/link";
import { getMyAccount, getMySecondFactor } from "@/lib/data/account";
import { formatDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { setRemindersAction } from "./actions";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getI18n(params)).t.workspace.account.heading, robots: { index: false } };
}

/** The signed-in user's own account: who they are, and whether they get reminder e-mails. */
export default async function AccountPage({ params }: Props) {
  const { t, locale } = await getI18n(params);
  const user = await requireUser("/account");
  const account = await getMyAccount(user);
  const secondFactor = await getMySecondFactor(user);
  if (!account) notFound();
  const m = t.workspace.account;
  return (
    <>
      <Breadcrumbs label={t.breadcrumb} crumbs={[{ href: "/", label: t.nav.home }, { label: m.heading }]} />
      <h1 className="text-2xl font-bold text-civic-900">{m.heading}</h1>
      <dl className="my-4 grid gap-x-4 gap-y-1 rounded border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[6rem_1fr]">
        <dt className="text-slate-600">{m.name}</dt>
        <dd>{account.name}</dd>
        <dt className="text-slate-600">{m.email}</dt>
        <dd className="break-all">{account.email}</dd>
        <dt className="text-slate-600">{m.role}</dt>
        <dd>{t.workspace.admin.roles[account.role]}</dd>
      </dl>
      <section className="mb-4 space-y-2 rounded border border-slate-200 bg-white p-4">
        <h2 className="text-lg font-semibold text-civic-900">{m.secondFactor.heading}</h2>
        <p className="text-sm text-slate-700">
          {secondFactor?.confirmedAt
            ? m.secondFactor.on(formatDateTime(locale, secondFactor.confirmedAt))
            : m.secondFactor.off}
        </p>
        <Link href="/account/second-factor" className="text-civic-700 underline">
          {m.secondFactor.link}
        </Link>
      </section>
      <section className="space-y-2 rounded border border-slate-200 bg-white p-4">
        <FieldsForm
          id="reminders"
          heading={m.reminders}
          action={setRemindersAction}
          submit={m.save}
          hidden={{ locale }}
          fields={[
            {
              kind: "checkbox",
              name: "remindersOff",
              label: m.remindersOff,
              defaultChecked: account.remindersOff,
            },
          ]}
        />
        <p className="text-sm text-slate-700">{m.remindersIntro}</p>
        <p className="text-sm text-slate-600">
          {account.remindersOff ? m.remindersAreOffNow : m.remindersAreOn}
        </p>
      </section>
    </>
  );
}
