import type { ReactNode } from "react";
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
        <div className="mb-4 flex flex-wrap items-center justify-end gap-3 text-sm text-slate-700">
          <span>{t.workspace.signedInAs(user.name)}</span>
          <form action={signOutAction}>
            <button type="submit" className="rounded border border-slate-400 px-2 py-1 hover:bg-slate-100">
              {t.workspace.signOut}
            </button>
          </form>
        </div>
      )}
      {children}
    </>
  );
}
