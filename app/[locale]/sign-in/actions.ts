"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { HOME_OF_ROLE, safeNextPath } from "@/lib/auth/navigation";
import { authSecret, secureCookies } from "@/lib/auth/options";
import { encodeSessionToken, SESSION_MAX_AGE_SECONDS, sessionCookieName } from "@/lib/auth/session-token";
import { signInCommand, signOutCommand } from "@/lib/auth/sign-in";
import { isForm } from "@/lib/commands/forms";
import { runCommand } from "@/lib/commands/next";

export type SignInState =
  | { status: "idle" }
  | {
      status: "invalid" | "locked" | "too_many_attempts";
      email: string;
      errors?: Record<string, string>;
      lockedUntil?: string;
    };

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  if (!isForm(form)) return { status: "invalid", email: "" };
  const email = String(form.get("email") ?? "");
  const input = { email, password: String(form.get("password") ?? "") };
  const result = await runCommand(signInCommand, input, { returnTo: "/sign-in" });
  if (!result.ok) return { status: "invalid", email, errors: { ...result.error.fields } };
  const outcome = result.value;
  if (!outcome.ok) return { status: outcome.reason, email, lockedUntil: outcome.lockedUntil?.toISOString() };
  const token = await encodeSessionToken(
    { userId: outcome.user.id, sessionVersion: outcome.user.sessionVersion },
    authSecret(),
  );
  (await cookies()).set(sessionCookieName(secureCookies()), token, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: "/",
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  redirect(safeNextPath(form.get("next")) ?? HOME_OF_ROLE[outcome.user.role]);
}

/** Signs out everywhere (the command bumps the session version), then drops this browser's cookie. */
export async function signOutAction(): Promise<void> {
  await runCommand(signOutCommand, {}, { returnTo: "/sign-in" });
  (await cookies()).delete(sessionCookieName(secureCookies()));
  redirect("/sign-in?signedOut=1");
}
