import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/sign-in-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { HOME_OF_ROLE, safeNextPath } from "@/lib/auth/navigation";
import { getI18n } from "@/lib/i18n/server";
import { signInAction } from "./actions";
import { Notice } from "@/components/notice";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getI18n(params)).t.workspace.signIn.heading, robots: { index: false } };
}

export default async function SignInPage({ params, searchParams }: Props) {
  const { t, locale } = await getI18n(params);
  const query = await searchParams;
  const next = safeNextPath(query.next);
  const user = await getCurrentUser();
  // Someone already signed in goes on to where they were headed, else to where their work starts.
  if (user) redirect(next ?? HOME_OF_ROLE[user.role]);
  const s = t.workspace.signIn;
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold text-civic-900">{s.heading}</h1>
      <p className="text-slate-700">{s.intro}</p>
      {query.signedOut === "1" && <Notice tone="success">{s.signedOut}</Notice>}
      <SignInForm
        action={signInAction}
        next={next}
        locale={locale}
        t={{
          email: s.email,
          password: s.password,
          submit: s.submit,
          submitting: s.submitting,
          invalid: s.invalid,
          tooManyAttempts: s.tooManyAttempts,
          locked: s.locked("{until}"),
          errors: t.workspace.progressForm.errors,
        }}
      />
    </section>
  );
}
