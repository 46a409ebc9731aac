import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SecondFactorSignInForm } from "@/components/second-factor-sign-in-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { HOME_OF_ROLE, safeNextPath } from "@/lib/auth/navigation";
import { CHALLENGE_COOKIE } from "@/lib/auth/session-token";
import { getI18n } from "@/lib/i18n/server";
import { secondFactorAction } from "../actions";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getI18n(params)).t.workspace.signIn.codeHeading, robots: { index: false } };
}

/** The second step of signing in, for accounts with a second factor: the code after the password. */
export default async function SignInCodePage({ params, searchParams }: Props) {
  const { t, locale } = await getI18n(params);
  const next = safeNextPath((await searchParams).next);
  const user = await getCurrentUser();
  if (user) redirect(next ?? HOME_OF_ROLE[user.role]);
  // No password step in this browser (or it timed out): start from the beginning.
  if (!(await cookies()).has(CHALLENGE_COOKIE))
    redirect(next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
  const s = t.workspace.signIn;
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold text-civic-900">{s.codeHeading}</h1>
      <p className="text-slate-700">{s.codeIntro}</p>
      <SecondFactorSignInForm
        action={secondFactorAction}
        next={next}
        locale={locale}
        t={{
          code: s.code,
          submit: s.codeSubmit,
          submitting: s.submitting,
          wrongCode: s.wrongCode,
          expired: s.codeExpired,
          tooManyAttempts: s.tooManyAttempts,
          locked: s.locked("{until}"),
          errors: t.workspace.progressForm.errors,
        }}
      />
      <p className="text-sm">
        <Link href={next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in"} className="underline">
          {s.startOver}
        </Link>
      </p>
    </section>
  );
}
