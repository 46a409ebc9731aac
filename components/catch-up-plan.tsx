import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";

export type CatchUpPlanFields = {
  delayCause: string | null;
  remedy: string | null;
  catchUpDate: string | null;
  percentDropReason?: string | null;
};

/** What a behind update says for itself (落後原因, 因應對策, 預計改善日期, and why its % went down); nothing when it says nothing. */
export function CatchUpPlan({ plan, t, locale }: { plan: CatchUpPlanFields; t: Messages; locale: Locale }) {
  const rows: Array<[string, string]> = [];
  if (plan.delayCause) rows.push([t.lights.delayCause, plan.delayCause]);
  if (plan.remedy) rows.push([t.lights.remedy, plan.remedy]);
  if (plan.catchUpDate) rows.push([t.lights.catchUpDate, formatDate(locale, plan.catchUpDate)]);
  if (plan.percentDropReason) rows.push([t.lights.percentDropReason, plan.percentDropReason]);
  if (rows.length === 0) return null;
  return (
    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
      {rows.map(([term, text]) => (
        <div key={term} className="contents">
          <dt className="text-slate-600">{term}</dt>
          <dd>{text}</dd>
        </div>
      ))}
    </dl>
  );
}
