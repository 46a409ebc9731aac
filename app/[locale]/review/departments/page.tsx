import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { DepartmentReviewToggle } from "@/components/department-review-toggle";
import { requireUser } from "@/lib/auth/guard";
import { listDepartmentReviewSettings } from "@/lib/data/tracking";
import { departmentName } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { setDepartmentReviewAction } from "../actions";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return {
    title: (await getI18n(params)).t.workspace.review.departments.heading,
    robots: { index: false },
  };
}

/** 機關覆核設定: whether each department's approved updates wait for 研考會 review before publication. */
export default async function DepartmentReviewPage({ params }: Props) {
  const { t, locale } = await getI18n(params);
  const viewer = await requireUser("/review/departments", { action: "tracking.manage" });
  const r = t.workspace.review;
  const d = r.departments;
  const departments = await listDepartmentReviewSettings(viewer);
  return (
    <>
      <Breadcrumbs
        label={t.breadcrumb}
        crumbs={[
          { href: "/", label: t.nav.home },
          { href: "/review", label: r.heading },
          { label: d.heading },
        ]}
      />
      <h1 className="text-2xl font-bold text-civic-900">{d.heading}</h1>
      <p className="mt-1 text-slate-700">{d.intro}</p>
      <p className="mt-2 mb-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
        {d.offNote}
      </p>
      <div
        className="overflow-x-auto rounded border border-slate-200 bg-white"
        tabIndex={0}
        role="region"
        aria-label={d.heading}
      >
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="p-2">
                {d.department}
              </th>
              <th scope="col" className="p-2">
                {d.setting}
              </th>
              <th scope="col" className="p-2">
                {d.waiting}
              </th>
              <th scope="col" className="p-2">
                {d.action}
              </th>
            </tr>
          </thead>
          <tbody>
            {departments.map((dept) => {
              const name = departmentName(locale, dept);
              return (
                <tr key={dept.slug} className="border-t border-slate-100 align-top">
                  <th scope="row" className="p-2 font-medium">
                    {name}
                  </th>
                  <td className="p-2">
                    {dept.updatesNeedReview ? (
                      d.needsReview
                    ) : (
                      <span className="rounded bg-slate-200 px-2 py-0.5 text-slate-900">{d.noReview}</span>
                    )}
                  </td>
                  <td className="p-2">{d.waitingCount(dept.waitingForReview)}</td>
                  <td className="p-2">
                    <DepartmentReviewToggle
                      action={setDepartmentReviewAction}
                      department={{ slug: dept.slug, name, updatesNeedReview: dept.updatesNeedReview }}
                      locale={locale}
                      button={dept.updatesNeedReview ? d.turnOff(name) : d.turnOn(name)}
                      working={t.workspace.updates.working}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
