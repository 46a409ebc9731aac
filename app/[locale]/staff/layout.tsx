import type { ReactNode } from "react";
import { SignedInBar } from "@/components/signed-in-bar";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getI18n } from "@/lib/i18n/server";
import { signOutAction } from "../sign-in/actions";

// Every staff page depends on who is signed in: never cached.
export const dynamic = "force-dynamic";

export default async function StaffLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { t } = await getI18n(params);
  const user = await getCurrentUser();
  return (
    <>
      {user && (
        <SignedInBar
          greeting={t.workspace.signedInAs(user.name)}
          signOutLabel={t.workspace.signOut}
          signOut={signOutAction}
        />
      )}
      {children}
    </>
  );
}
