import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { FieldsForm } from "@/components/fields-form";
import { requireUser } from "@/lib/auth/guard";
import { getUser, listDepartmentChoices } from "@/lib/data/admin";
import { ROLES } from "@/lib/domain/roles";
import { departmentName } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { parseRecordId } from "@/lib/validation/params";
import { resetPasswordAction, resetSecondFactorAction, updateUserAction } from "../../actions";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getI18n(params)).t.workspace.admin.editUser, robots: { index: false } };
}

export default async function EditUserPage({ params }: Props) {
  const { t, locale } = await getI18n(params);
  const id = parseRecordId((await params).id);
  const actor = await requireUser(`/admin/users/${(await params).id}`, { action: "admin.manage" });
  const user = id === null ? null : await getUser(actor, id);
  if (!user) notFound();
  const a = t.workspace.admin;
  const departments = await listDepartmentChoices(actor);
  return (
    <>
      <Breadcrumbs
        label={t.breadcrumb}
        crumbs={[
          { href: "/", label: t.nav.home },
          { href: "/admin", label: a.heading },
          { label: user.email },
        ]}
      />
      <h1 className="mb-4 text-2xl font-bold text-civic-900">
        {a.editUser}: {user.email}
      </h1>
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="rounded border border-slate-200 bg-white p-4">
          <FieldsForm
            id="edit-user"
            heading={a.editUser}
            action={updateUserAction}
            submit={a.save}
            hidden={{ locale, userId: String(user.id) }}
            fields={[
              { kind: "text", name: "name", label: a.name, defaultValue: user.name },
              {
                kind: "select",
                name: "role",
                label: a.role,
                defaultValue: user.role,
                options: ROLES.map((r) => ({ value: r, label: a.roles[r] })),
              },
              { kind: "checkbox", name: "active", label: a.active, defaultChecked: user.active },
              {
                kind: "checkboxes",
                name: "departments",
                label: a.departments,
                defaultValues: user.memberships.map((m) => m.department.slug),
                options: departments.map((d) => ({ value: d.slug, label: departmentName(locale, d) })),
              },
            ]}
          />
        </section>
        <section className="rounded border border-slate-200 bg-white p-4">
          <FieldsForm
            id="reset-password"
            heading={a.resetPassword}
            action={resetPasswordAction}
            submit={a.resetPassword}
            hidden={{ locale, userId: String(user.id) }}
            fields={[
              { kind: "password", name: "password", label: a.newPassword, autoComplete: "new-password" },
            ]}
          />
        </section>
        <section className="space-y-2 rounded border border-slate-200 bg-white p-4">
          <FieldsForm
            id="reset-second-factor"
            heading={a.resetSecondFactor}
            action={resetSecondFactorAction}
            submit={a.resetSecondFactor}
            hidden={{ locale, userId: String(user.id) }}
            fields={[]}
          />
          <p className="text-sm text-slate-700">
            {a.secondFactor}: {user.secondFactor?.confirmedAt ? a.secondFactorOn : a.secondFactorOff}
          </p>
          <p className="text-sm text-slate-600">{a.resetSecondFactorIntro}</p>
        </section>
      </div>
    </>
  );
}
