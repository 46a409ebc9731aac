import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { FieldsForm } from "@/components/fields-form";
import { requireUser } from "@/lib/auth/guard";
import { getTrackedSet } from "@/lib/data/tracking";
import { periodContaining } from "@/lib/domain/cycles";
import { calendarDay } from "@/lib/domain/time";
import { cadenceLabel, periodLabel } from "@/lib/i18n/cycles";
import { departmentName, formatCalendarDay } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { parseRecordId } from "@/lib/validation/params";
import { updateTrackedSetAction } from "../../actions";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getI18n(params)).t.workspace.review.sets, robots: { index: false } };
}

export default async function TrackedSetPage({ params }: Props) {
  const { t, locale } = await getI18n(params);
  const { id } = await params;
  const setId = parseRecordId(id);
  const viewer = await requireUser(`/review/sets/${id}`, { action: "tracking.manage" });
  const set = setId === null ? null : await getTrackedSet(viewer, setId);
  if (!set) notFound();
  const r = t.workspace.review;
  const day = (d: Date) => formatCalendarDay(locale, d);
  return (
    <>
      <Breadcrumbs
        label={t.breadcrumb}
        crumbs={[
          { href: "/", label: t.nav.home },
          { href: "/review", label: r.heading },
          { label: set.name },
        ]}
      />
      <h1 className="text-2xl font-bold text-civic-900">{set.name}</h1>
      <p className="mt-1 mb-4 text-slate-700">
        {cadenceLabel(set.cadence, locale)} · {day(set.fromDay)} – {day(set.toDay)} ·{" "}
        {r.itemsCount(set.items.length)}
      </p>

      <section aria-labelledby="cycles-heading" className="mb-8">
        <h2 id="cycles-heading" className="mb-2 text-xl font-semibold text-civic-900">
          {r.cycles}
        </h2>
        <div className="overflow-x-auto rounded border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className="p-2">
                  {r.period}
                </th>
                <th scope="col" className="p-2">
                  {r.staffDue}
                </th>
                <th scope="col" className="p-2">
                  {r.supervisorDue}
                </th>
                <th scope="col" className="p-2">
                  {r.reviewDue}
                </th>
                <th scope="col" className="p-2">
                  {r.lateAfter}
                </th>
              </tr>
            </thead>
            <tbody>
              {set.cycles.map((c) => (
                <tr key={c.id} className="border-t border-slate-100">
                  <th scope="row" className="p-2 font-medium">
                    {periodLabel(periodContaining(set.cadence, calendarDay(c.periodFrom)), locale)}
                  </th>
                  <td className="p-2">{day(c.staffDue)}</td>
                  <td className="p-2">{day(c.supervisorDue)}</td>
                  <td className="p-2">{day(c.reviewDue)}</td>
                  <td className="p-2">{day(c.lateAfter)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="mb-8 rounded border border-slate-200 bg-white p-4">
        <FieldsForm
          id="edit-set"
          heading={r.editSet}
          action={updateTrackedSetAction}
          submit={r.saveSet}
          hidden={{ locale, setId: String(set.id), expectedVersion: String(set.version) }}
          description={[r.setRedating, r.setFixed]}
          fields={[
            {
              kind: "text",
              name: "staffDueDays",
              label: r.staffDueDays,
              defaultValue: String(set.staffDueDays),
            },
            {
              kind: "text",
              name: "supervisorDueDays",
              label: r.supervisorDueDays,
              defaultValue: String(set.supervisorDueDays),
            },
            {
              kind: "text",
              name: "reviewDueDays",
              label: r.reviewDueDays,
              defaultValue: String(set.reviewDueDays),
            },
            { kind: "text", name: "graceDays", label: r.graceDays, defaultValue: String(set.graceDays) },
          ]}
        />
      </section>

      <section aria-labelledby="items-heading">
        <h2 id="items-heading" className="mb-2 text-xl font-semibold text-civic-900">
          {r.items}
        </h2>
        <ul className="divide-y divide-slate-100 rounded border border-slate-200 bg-white">
          {set.items.map((item) => (
            <li
              key={item.id}
              className="flex flex-col gap-1 p-3 sm:flex-row sm:items-center sm:justify-between"
            >
              <div>
                <Link href={`/nodes/${item.node.id}`} className="text-civic-700 underline">
                  {item.node.numberLabel} {item.node.title ?? item.node.text.slice(0, 60)}
                </Link>
                <p className="text-xs text-slate-600">{item.node.document.title}</p>
              </div>
              <p className="flex flex-wrap items-center gap-2 text-sm">
                {item.state === "closed" ? (
                  <span className="rounded bg-slate-200 px-2 py-0.5">{r.closed}</span>
                ) : item.leadDepartment ? (
                  <span>
                    {r.lead}: {departmentName(locale, item.leadDepartment)}
                  </span>
                ) : (
                  <span className="rounded bg-amber-100 px-2 py-0.5 text-amber-900">{r.unassigned}</span>
                )}
                <Link href={`/review/items/${item.id}`} className="text-civic-700 underline">
                  {r.manage}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
