import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { LightBadge } from "@/components/light-badge";
import { readSetThresholds } from "@/lib/cache/public-reads";
import { DEFAULT_THRESHOLDS, type Light } from "@/lib/domain/lights";
import { getI18n } from "@/lib/i18n/server";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getI18n(params);
  return { title: t.methodology.heading, description: t.methodology.intro };
}

const RULE_LIGHTS: Light[] = ["green", "yellow", "red", "not_reported", "unrated", "completed"];

/** How lights, thresholds and weights work (the rule is lib/domain/lights.ts; this page says it in words). */
export default async function MethodologyPage({ params }: Props) {
  const { t } = await getI18n(params);
  const m = t.methodology;
  const sets = await readSetThresholds();
  const section = (id: string, heading: string, body: React.ReactNode) => (
    <section aria-labelledby={id} className="mt-6">
      <h2 id={id} className="text-xl font-semibold text-civic-900">
        {heading}
      </h2>
      {body}
    </section>
  );
  return (
    <article className="max-w-3xl">
      <Breadcrumbs label={t.breadcrumb} crumbs={[{ href: "/", label: t.nav.home }, { label: m.heading }]} />
      <h1 className="text-2xl font-bold text-civic-900">{m.heading}</h1>
      <p className="mt-2 leading-relaxed text-slate-800">{m.intro}</p>
      {section(
        "rules-heading",
        m.rulesHeading,
        <ul className="mt-2 space-y-2">
          {m.rules.map((rule, i) => (
            <li key={rule} className="flex flex-wrap items-start gap-2">
              <LightBadge light={RULE_LIGHTS[i] ?? "unrated"} t={t} />
              <span className="flex-1 leading-relaxed">{rule}</span>
            </li>
          ))}
        </ul>,
      )}
      {section("when-heading", m.whenHeading, <p className="mt-2 leading-relaxed">{m.when}</p>)}
      {section(
        "thresholds-heading",
        m.thresholdsHeading,
        <>
          <p className="mt-2 leading-relaxed">
            {m.thresholds(DEFAULT_THRESHOLDS.green, DEFAULT_THRESHOLDS.yellow)}
          </p>
          {sets.length === 0 ? (
            <p className="mt-2 text-slate-600">{m.noSets}</p>
          ) : (
            <div className="mt-2 overflow-x-auto">
              <table className="w-full text-left">
                <caption className="sr-only">{m.thresholdsHeading}</caption>
                <thead>
                  <tr className="border-b border-slate-300 text-sm text-slate-600">
                    <th scope="col" className="py-1 pr-3 font-medium">
                      {m.setColumn}
                    </th>
                    <th scope="col" className="py-1 pr-3 text-right font-medium">
                      {m.greenColumn}
                    </th>
                    <th scope="col" className="py-1 text-right font-medium">
                      {m.yellowColumn}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {sets.map((s) => (
                    <tr key={s.id} className="border-b border-slate-100">
                      <th scope="row" className="py-1 pr-3 font-normal">
                        {s.name}
                      </th>
                      <td className="py-1 pr-3 text-right tabular-nums">{s.green}</td>
                      <td className="py-1 text-right tabular-nums">{s.yellow}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>,
      )}
      {section("behind-heading", m.behindHeading, <p className="mt-2 leading-relaxed">{m.behind}</p>)}
      {section("override-heading", m.overrideHeading, <p className="mt-2 leading-relaxed">{m.override}</p>)}
      {section("weights-heading", m.weightsHeading, <p className="mt-2 leading-relaxed">{m.weights}</p>)}
      {section(
        "indicators-heading",
        t.indicators.methodology.heading,
        t.indicators.methodology.paragraphs.map((p) => (
          <p key={p} className="mt-2 leading-relaxed">
            {p}
          </p>
        )),
      )}
    </article>
  );
}
