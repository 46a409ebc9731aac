"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { recordAudit } from "@/lib/audit";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeNextPath } from "@/lib/auth/navigation";
import { authSecret, secureCookies } from "@/lib/auth/options";
import { requestMeta } from "@/lib/auth/request-meta";
import { signInInput } from "@/lib/auth/schemas";
import { encodeSessionToken, SESSION_MAX_AGE_SECONDS, sessionCookieName } from "@/lib/auth/session-token";
import { authenticate } from "@/lib/auth/sign-in";
import { db } from "@/lib/db/server";

export type SignInState =
  | { status: "idle" }
  | {
      status: "invalid" | "locked" | "too_many_attempts";
      email: string;
      errors?: Record<string, string>;
      lockedUntil?: string;
    };

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  const parsed = signInInput.safeParse({ email, password: String(form.get("password") ?? "") });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return { status: "invalid", email, errors };
  }
  const result = await authenticate(db(), parsed.data, await requestMeta());
  if (!result.ok) {
    return { status: result.reason, email, lockedUntil: result.lockedUntil?.toISOString() };
  }
  const token = await encodeSessionToken(
    { userId: result.user.id, sessionVersion: result.user.sessionVersion },
    authSecret(),
  );
  (await cookies()).set(sessionCookieName(secureCookies()), token, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: "/",
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  redirect(safeNextPath(form.get("next")) ?? (result.user.role === "councillor" ? "/council" : "/staff"));
}

/** Signs out everywhere: bumping the session version ends every copy of the session cookie too. */
export async function signOutAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) {
    const meta = await requestMeta();
    await db().$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
      await recordAudit(tx, {
        actorId: user.id,
        action: "auth.sign-out",
        entityType: "User",
        entityId: user.id,
        meta,
      });
    });
  }
  (await cookies()).delete(sessionCookieName(secureCookies()));
  redirect("/sign-in?signedOut=1");
}
