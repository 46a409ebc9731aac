import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { FieldsForm } from "@/components/fields-form";
import { LinkWorkbench } from "@/components/link-workbench";
import { requireUser } from "@/lib/auth/guard";
import { getLinkWorkbench } from "@/lib/data/links";
import { getTrackedItem } from "@/lib/data/tracking";
import { departmentName, formatDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { parseRecordId } from "@/lib/validation/params";
import { addLinkAction, decideLinkAction } from "../../../links/actions";
import { assignLeadAction, closeTrackedItemAction, setWeightAction } from "../../actions";

type Props = {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getI18n(params)).t.workspace.review.items, robots: { index: false } };
}

export default async function TrackedItemPage({ params, searchParams }: Props) {
  const { t, locale } = await getI18n(params);
  const { id } = await params;
  const itemId = parseRecordId(id);
  const viewer = await requireUser(`/review/items/${id}`, { action: "tracking.manage" });
  const found = itemId === null ? null : await getTrackedItem(viewer, itemId);
  if (!found) notFound();
  const { item, departments } = found;
  const linkQuery = (await searchParams).linkq;
  const links = await getLinkWorkbench(
    viewer,
    item.node.id,
    typeof linkQuery === "string" ? linkQuery : undefined,
  );
  const r = t.workspace.review;
  const options = departments.map((d) => ({ value: d.slug, label: departmentName(locale, d) }));
  const co = departments.filter((d) => item.coDepartmentIds.includes(d.id)).map((d) => d.slug);
  const hidden = { locale, itemId: String(item.id), expectedVersion: String(item.version) };
  const title = `${item.node.numberLabel ?? ""} ${item.node.title ?? item.node.text.slice(0, 80)}`.trim();
  return (
    <>
      <Breadcrumbs
        label={t.breadcrumb}
        crumbs={[
          { href: "/", label: t.nav.home },
          { href: "/review", label: r.heading },
          { href: `/review/sets/${item.set.id}`, label: item.set.name },
          { label: title },
        ]}
      />
      <h1 className="text-2xl font-bold text-civic-900">{title}</h1>
      <p className="mt-1 mb-4 text-sm text-slate-700">
        {r.document}:{" "}
        <Link href={`/nodes/${item.node.id}`} className="text-civic-700 underline">
          {item.node.document.title}
        </Link>
      </p>
      {item.state === "closed" ? (
        <p className="rounded border border-slate-200 bg-white p-4">
          {r.closedBecause(item.closedReason ?? "")} · {formatDateTime(locale, item.closedAt)}
        </p>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          <section className="rounded border border-slate-200 bg-white p-4">
            <FieldsForm
              id="assign-lead"
              heading={r.assignLead}
              action={assignLeadAction}
              submit={r.assign}
              hidden={hidden}
              fields={[
                {
                  kind: "select",
                  name: "lead",
                  label: r.lead,
                  defaultValue: item.leadDepartment?.slug ?? "",
                  options: [{ value: "", label: r.unassigned }, ...options],
                },
                { kind: "checkboxes", name: "co", label: r.co, defaultValues: co, options },
              ]}
            />
          </section>
          <section className="rounded border border-slate-200 bg-white p-4">
            <FieldsForm
              id="close-item"
              heading={r.closeItem}
              action={closeTrackedItemAction}
              submit={r.close}
              hidden={hidden}
              fields={[{ kind: "textarea", name: "reason", label: r.reason, rows: 3 }]}
            />
          </section>
          <section className="rounded border border-slate-200 bg-white p-4">
            <FieldsForm
              id="item-weight"
              heading={r.weightHeading}
              action={setWeightAction}
              submit={r.weightSave}
              hidden={hidden}
              fields={[
                { kind: "text", name: "weight", label: r.weightLabel, defaultValue: String(item.weight) },
              ]}
            />
          </section>
        </div>
      )}
      {links && (
        <LinkWorkbench
          workbench={links}
          t={t}
          locale={locale}
          path={`/review/items/${item.id}`}
          actions={{ decide: decideLinkAction, add: addLinkAction }}
        />
      )}
    </>
  );
}
