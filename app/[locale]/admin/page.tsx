import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { FieldsForm } from "@/components/fields-form";
import { requireUser } from "@/lib/auth/guard";
import { listDepartmentChoices, listUsers } from "@/lib/data/admin";
import { ROLES } from "@/lib/domain/roles";
import { departmentName, formatDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { createUserAction } from "./actions";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getI18n(params)).t.workspace.admin.heading, robots: { index: false } };
}

export default async function AdminPage({ params }: Props) {
  const { t, locale } = await getI18n(params);
  const actor = await requireUser("/admin", { action: "admin.manage" });
  const a = t.workspace.admin;
  const [users, departments] = await Promise.all([listUsers(actor), listDepartmentChoices(actor)]);
  const now = new Date();
  return (
    <>
      <Breadcrumbs label={t.breadcrumb} crumbs={[{ href: "/", label: t.nav.home }, { label: a.heading }]} />
      <h1 className="text-2xl font-bold text-civic-900">{a.heading}</h1>
      <p className="mt-1 mb-4 flex flex-wrap gap-4">
        <Link href="/admin/audit" className="text-civic-700 underline">
          {a.audit}
        </Link>
        <Link href="/admin/outbox" className="text-civic-700 underline">
          {a.outbox}
        </Link>
      </p>

      <section aria-labelledby="users-heading" className="mb-8">
        <h2 id="users-heading" className="mb-2 text-xl font-semibold text-civic-900">
          {a.users}
        </h2>
        <ul className="divide-y divide-slate-100 rounded border border-slate-200 bg-white">
          {users.map((u) => (
            <li key={u.id} className="flex flex-col gap-1 p-3 sm:flex-row sm:items-center sm:justify-between">
              <div>
                <Link href={`/admin/users/${u.id}`} className="font-medium text-civic-700 underline">
                  {u.name}
                </Link>{" "}
                <span className="text-sm text-slate-600">{u.email}</span>
                <p className="text-xs text-slate-600">
                  {a.roles[u.role]}
                  {u.memberships.length > 0 &&
                    ` · ${u.memberships.map((m) => departmentName(locale, m.department)).join("、")}`}
                </p>
              </div>
              <p className="flex gap-2 text-xs">
                {!u.active && <span className="rounded bg-slate-200 px-2 py-0.5">{a.disabled}</span>}
                {u.lockedUntil && u.lockedUntil > now && (
                  <span className="rounded bg-red-100 px-2 py-0.5 text-red-900">{a.locked}</span>
                )}
                <span className="text-slate-600">
                  {a.lastSignIn}: {u.lastSignInAt ? formatDateTime(locale, u.lastSignInAt) : a.never}
                </span>
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section className="rounded border border-slate-200 bg-white p-4">
        <FieldsForm
          id="create-user"
          heading={a.createUser}
          action={createUserAction}
          submit={a.create}
          hidden={{ locale }}
          fields={[
            { kind: "email", name: "email", label: a.email, autoComplete: "off" },
            { kind: "text", name: "name", label: a.name },
            {
              kind: "select",
              name: "role",
              label: a.role,
              defaultValue: "staff",
              options: ROLES.map((r) => ({ value: r, label: a.roles[r] })),
            },
            { kind: "password", name: "password", label: a.password, autoComplete: "new-password" },
            {
              kind: "checkboxes",
              name: "departments",
              label: a.departments,
              options: departments.map((d) => ({ value: d.slug, label: departmentName(locale, d) })),
            },
          ]}
        />
      </section>
    </>
  );
}
