import {
  IndicatorForm,
  type IndicatorFormLabels,
  type IndicatorFormValues,
} from "@/components/indicator-form";
import { IndicatorValueForm } from "@/components/indicator-value-form";
import type { FieldsFormState } from "@/lib/commands/forms";
import type { NodeIndicators } from "@/lib/data/indicators";
import { attainment, targetFor } from "@/lib/domain/indicators";
import { taipeiToday } from "@/lib/domain/time";
import { periodLabel } from "@/lib/i18n/cycles";
import { formatDateTime, formatNumber, formatYear } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";
import type { IndicatorView, ItemIndicatorsView } from "@/lib/progress/indicators";

type Action = (state: FieldsFormState, form: FormData) => Promise<FieldsFormState>;

type Props = {
  indicators: NodeIndicators;
  nodeId: number;
  t: Messages;
  locale: Locale;
  actions: { define: Action; update: Action; record: Action };
};

const numberText = (locale: Locale, n: number | null) => (n === null ? "—" : formatNumber(locale, n));

function formLabels(t: Messages, heading: string, change: boolean): IndicatorFormLabels {
  const l = t.workspace.indicators;
  return {
    heading,
    name: l.name,
    unit: l.unit,
    unitHint: l.unitHint,
    direction: l.direction,
    directions: l.directions,
    baseline: l.baseline,
    method: l.method,
    targets: l.targets,
    targetHint: l.targetHint,
    reason: change ? l.reason : undefined,
    submit: l.save,
    working: l.working,
  };
}

const valuesOf = (i: IndicatorView): IndicatorFormValues => ({
  name: i.name,
  unit: i.unit ?? "",
  direction: i.direction,
  baseline: i.baseline === null ? "" : String(i.baseline),
  method: i.method ?? "",
  targets: Object.fromEntries(i.targets.map((t) => [String(t.year), String(t.value)])),
});

/**
 * 衡量指標 on the staff item page, per set tracking the item: each indicator's definition, a table of
 * its periods (the year's target, the actual, attainment, corrections), the form to record an
 * actual, the form to change it (a new version with a reason) and its versions; then the form to
 * add one. Who may define (the departments, the 研考會) and who may record (the departments'
 * staff) come from the data layer.
 */
export function IndicatorSection({ indicators, nodeId, t, locale, actions }: Props) {
  const l = t.workspace.indicators;
  if (indicators.items.length === 0) return null;
  return (
    <section className="mt-8 space-y-4" aria-labelledby="indicators-heading">
      <h2 id="indicators-heading" className="text-xl font-semibold text-civic-900">
        {l.heading}
      </h2>
      <p className="text-sm text-slate-700">{l.intro}</p>
      <p className="text-sm text-slate-700">{l.publicHint}</p>
      {indicators.items.map((item) => (
        <ItemIndicators key={item.itemId} item={item} {...{ indicators, nodeId, t, locale, actions }} />
      ))}
    </section>
  );
}

function ItemIndicators({
  item,
  indicators,
  nodeId,
  t,
  locale,
  actions,
}: Props & { item: ItemIndicatorsView }) {
  const l = t.workspace.indicators;
  const base = { nodeId, locale };
  const years = item.years.map((year) => ({ year, label: formatYear(locale, year) }));
  const headingId = `indicators-${item.itemId}-heading`;
  return (
    <article className="space-y-4 rounded border border-slate-200 bg-white p-4" aria-labelledby={headingId}>
      <h3 id={headingId} className="font-semibold text-civic-900">
        {l.set(item.setName)}
      </h3>
      {item.indicators.length === 0 && <p className="text-sm text-slate-700">{l.none}</p>}
      {item.indicators.map((indicator) => (
        <Indicator
          key={indicator.id}
          {...{ indicator, item, indicators, nodeId, t, locale, actions, years }}
        />
      ))}
      {item.closed ? (
        <p className="text-sm text-slate-600">{l.closed}</p>
      ) : (
        indicators.mayDefine && (
          <details>
            <summary className="cursor-pointer text-civic-700">{l.add}</summary>
            <div className="mt-3">
              <IndicatorForm
                action={actions.define}
                formId={`indicator-new-${item.itemId}`}
                hidden={{ ...base, trackedItemId: item.itemId }}
                years={years}
                initial={{
                  name: "",
                  unit: "",
                  direction: "higher_better",
                  baseline: "",
                  method: "",
                  targets: {},
                }}
                labels={formLabels(t, l.add, false)}
              />
            </div>
          </details>
        )
      )}
    </article>
  );
}

function Indicator({
  indicator,
  item,
  indicators,
  nodeId,
  t,
  locale,
  actions,
  years,
}: Props & {
  indicator: IndicatorView;
  item: ItemIndicatorsView;
  years: Array<{ year: number; label: string }>;
}) {
  const l = t.workspace.indicators;
  const base = { nodeId, locale };
  const today = taipeiToday();
  const begun = item.periods.filter((p) => p.from <= today);
  return (
    <div className="space-y-3 border-t border-slate-200 pt-3">
      <h4 className="font-semibold">
        {indicator.name}
        {indicator.unit && <span className="font-normal text-slate-700">（{indicator.unit}）</span>}
      </h4>
      <p className="text-sm text-slate-700">
        {l.directions[indicator.direction]}
        {indicator.baseline !== null && ` · ${l.baselineIs}${formatNumber(locale, indicator.baseline)}`}
        {indicator.method && ` · ${l.methodIs}${indicator.method}`}
      </p>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{indicator.name}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-1 pr-2 font-medium">
              {l.period}
            </th>
            <th scope="col" className="py-1 pr-2 text-right font-medium">
              {l.target}
            </th>
            <th scope="col" className="py-1 pr-2 text-right font-medium">
              {l.actual}
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              {l.attainment}
            </th>
          </tr>
        </thead>
        <tbody>
          {item.periods.map((period) => {
            const revisions = indicator.values[period.to] ?? [];
            const current = revisions[0];
            const target = targetFor(indicator.targets, period.year);
            const reached =
              current && target !== null
                ? attainment(current.value, target, indicator.baseline, indicator.direction)
                : null;
            return (
              <tr key={period.to} className="border-b border-slate-100 align-top">
                <th scope="row" className="py-1 pr-2 font-normal">
                  {periodLabel(period, locale)}
                </th>
                <td className="py-1 pr-2 text-right tabular-nums">{numberText(locale, target)}</td>
                <td className="py-1 pr-2 text-right tabular-nums">
                  {numberText(locale, current?.value ?? null)}
                  {revisions.length > 1 && (
                    <details className="text-left text-xs text-slate-700">
                      <summary className="cursor-pointer text-civic-700">
                        {l.revisions} ({revisions.length})
                      </summary>
                      <ol className="mt-1 space-y-1">
                        {revisions.map((r) => (
                          <li key={r.revision}>
                            {formatNumber(locale, r.value)} ·{" "}
                            {l.revisionLine(r.revision, r.by, formatDateTime(locale, r.at))}
                            {r.note && `：${r.note}`}
                          </li>
                        ))}
                      </ol>
                    </details>
                  )}
                </td>
                <td className="py-1 text-right tabular-nums">
                  {reached
                    ? `${formatNumber(locale, Math.round(reached.percent))}%${reached.met ? ` ${l.met}` : ""}`
                    : "—"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      {!item.closed && indicators.mayRecord && begun.length > 0 && (
        <IndicatorValueForm
          action={actions.record}
          formId={`indicator-value-${indicator.id}`}
          hidden={{ ...base, indicatorId: indicator.id }}
          periods={begun.map((p) => ({
            value: `${p.to}:${indicator.values[p.to]?.[0]?.revision ?? 0}`,
            label: periodLabel(p, locale),
          }))}
          labels={{
            heading: l.record(indicator.name),
            period: l.period,
            value: l.value,
            note: l.note,
            noteHint: l.noteHint,
            submit: l.recordButton,
            working: l.working,
          }}
        />
      )}

      {!item.closed && indicators.mayDefine && (
        <details>
          <summary className="cursor-pointer text-sm text-civic-700">{l.edit(indicator.version)}</summary>
          <div className="mt-3">
            <IndicatorForm
              action={actions.update}
              formId={`indicator-edit-${indicator.id}`}
              hidden={{ ...base, indicatorId: indicator.id, expectedVersion: indicator.version }}
              years={years}
              initial={valuesOf(indicator)}
              labels={formLabels(t, l.edit(indicator.version), true)}
            />
          </div>
        </details>
      )}

      <details>
        <summary className="cursor-pointer text-sm text-civic-700">
          {l.history} ({indicator.history.length})
        </summary>
        <ol className="mt-2 space-y-2 text-sm">
          {indicator.history.map((v) => (
            <li key={v.version} className="border-l-2 border-slate-300 pl-3">
              <p className="font-medium">
                {t.workspace.progressForm.version(v.version)} · {t.workspace.progressForm.by(v.author)} ·{" "}
                <time dateTime={v.at.toISOString()}>{formatDateTime(locale, v.at)}</time>
              </p>
              <p className="break-words text-slate-700">
                {v.name}
                {v.unit && `（${v.unit}）`} · {l.directions[v.direction]}
                {v.baseline !== null && ` · ${l.baselineIs}${formatNumber(locale, v.baseline)}`}
                {v.targets.length > 0 &&
                  ` · ${v.targets.map((tg) => `${formatYear(locale, tg.year)} ${formatNumber(locale, tg.value)}`).join("、")}`}
              </p>
              {v.reason && (
                <p className="text-slate-700">
                  {t.workspace.plans.reason}
                  {v.reason}
                </p>
              )}
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}
