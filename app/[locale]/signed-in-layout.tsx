import type { ReactNode } from "react";
import { SignedInBar } from "@/components/signed-in-bar";
import { getCurrentUser } from "@/lib/auth/current-user";
import { countWaitingWork } from "@/lib/data/tracking";
import { getI18n } from "@/lib/i18n/server";
import { signOutAction } from "./sign-in/actions";

/**
 * The frame of a signed-in area (staff, review): who is signed in and the way out above its pages.
 * Each area's layout.tsx exports it with `dynamic = "force-dynamic"`: these pages depend on who
 * asks, so they are never cached.
 */
export async function SignedInLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { t } = await getI18n(params);
  const user = await getCurrentUser();
  // Until a required second factor is enrolled there is no work to show, only the enrolment.
  const work = user && user.secondFactor !== "pending" ? await countWaitingWork(user) : null;
  const u = t.workspace.updates;
  const waiting =
    user && work && user.role !== "councillor"
      ? {
          count: work.total,
          href:
            user.role === "reviewer"
              ? "/review#reviews"
              : work.toApprove > 0
                ? "/staff#approvals"
                : "/staff#inbox-heading",
          label: u.waiting,
          title: u.waitingLabel
            .replace("{owed}", String(work.owed))
            .replace("{toApprove}", String(work.toApprove))
            .replace("{toReview}", String(work.toReview)),
        }
      : undefined;
  return (
    <>
      {user && (
        <SignedInBar
          greeting={t.workspace.signedInAs(user.name)}
          signOutLabel={t.workspace.signOut}
          signOut={signOutAction}
          waiting={waiting}
          account={t.workspace.account.link}
        />
      )}
      {children}
    </>
  );
}
