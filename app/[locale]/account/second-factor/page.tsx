import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { FieldsForm } from "@/components/fields-form";
import { Notice } from "@/components/notice";
import { RecoveryCodesForm } from "@/components/recovery-codes-form";
import { ENROLMENT_PAGE, requireUser } from "@/lib/auth/guard";
import { getMySecondFactor } from "@/lib/data/account";
import { SECOND_FACTOR_ROLES } from "@/lib/domain/roles";
import { formatDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import {
  confirmSecondFactorAction,
  disableSecondFactorAction,
  enrolSecondFactorAction,
  regenerateRecoveryCodesAction,
} from "../actions";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return {
    title: (await getI18n(params)).t.workspace.account.secondFactor.heading,
    robots: { index: false },
  };
}

/**
 * One's own second factor: set it up (QR code and key, confirmed by a current code; recovery codes
 * shown once), make new recovery codes, or turn it off where the role allows. Administrators and
 * reviewers without one are sent here and can reach nothing else until it is on.
 */
export default async function SecondFactorPage({ params }: Props) {
  const { t, locale } = await getI18n(params);
  const user = await requireUser(ENROLMENT_PAGE);
  const view = await getMySecondFactor(user);
  if (!view) notFound();
  const m = t.workspace.account.secondFactor;
  const required = SECOND_FACTOR_ROLES.includes(view.role);
  const recovery = { recoveryHeading: m.recoveryHeading, recoveryIntro: m.recoveryIntro };
  return (
    <>
      <Breadcrumbs
        label={t.breadcrumb}
        crumbs={[
          { href: "/", label: t.nav.home },
          { href: "/account", label: t.workspace.account.heading },
          { label: m.heading },
        ]}
      />
      <h1 className="text-2xl font-bold text-civic-900">{m.heading}</h1>
      <p className="my-2 text-slate-700">{m.intro}</p>
      {view.state === "pending" && <Notice tone="error">{m.required}</Notice>}
      <p className="my-2 text-slate-700">
        {view.confirmedAt ? m.on(formatDateTime(locale, view.confirmedAt)) : m.off}
      </p>

      {!view.confirmedAt && (
        <section className="space-y-3 rounded border border-slate-200 bg-white p-4">
          {view.enrolling && (
            <>
              <p className="text-sm text-slate-700">{m.scan}</p>
              <div
                role="img"
                aria-label={m.qrLabel}
                className="h-56 w-56 bg-white"
                // The SVG is drawn on the server by `qrcode` from our own otpauth: URI; it has no script.
                dangerouslySetInnerHTML={{ __html: view.enrolling.qrSvg }}
              />
              <p className="text-sm">
                {m.secret}:{" "}
                <code className="break-all rounded bg-slate-100 px-1 font-mono" data-testid="totp-secret">
                  {view.enrolling.secret}
                </code>
              </p>
              <RecoveryCodesForm
                id="confirm-second-factor"
                action={confirmSecondFactorAction}
                submit={m.confirm}
                hidden={{ locale }}
                codeLabel={m.code}
                {...recovery}
              />
            </>
          )}
          <FieldsForm
            id="enrol-second-factor"
            heading={view.enrolling ? m.restart : m.start}
            action={enrolSecondFactorAction}
            submit={view.enrolling ? m.restart : m.start}
            hidden={{ locale }}
            fields={[]}
          />
        </section>
      )}

      {view.confirmedAt && (
        <div className="grid gap-6 lg:grid-cols-2">
          <section className="space-y-2 rounded border border-slate-200 bg-white p-4">
            <h2 className="text-lg font-semibold text-civic-900">{m.recoveryHeading}</h2>
            <p className="text-sm text-slate-700">{m.recoveryLeft(view.recoveryCodesLeft)}</p>
            <RecoveryCodesForm
              id="regenerate-recovery-codes"
              action={regenerateRecoveryCodesAction}
              submit={m.regenerate}
              hidden={{ locale }}
              {...recovery}
            />
          </section>
          <section className="space-y-2 rounded border border-slate-200 bg-white p-4">
            {required ? (
              <>
                <h2 className="text-lg font-semibold text-civic-900">{m.disableHeading}</h2>
                <p className="text-sm text-slate-700">{m.cannotDisable}</p>
              </>
            ) : (
              <FieldsForm
                id="disable-second-factor"
                heading={m.disableHeading}
                action={disableSecondFactorAction}
                submit={m.disable}
                hidden={{ locale }}
                fields={[{ kind: "text", name: "code", label: m.disableCode, autoComplete: "one-time-code" }]}
              />
            )}
          </section>
        </div>
      )}
    </>
  );
}
