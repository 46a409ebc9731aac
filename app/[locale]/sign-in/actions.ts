"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { HOME_OF_ROLE, safeNextPath } from "@/lib/auth/navigation";
import { authSecret, secureCookies } from "@/lib/auth/options";
import { CHALLENGE_SECONDS } from "@/lib/auth/second-factor";
import {
  CHALLENGE_COOKIE,
  encodeSessionToken,
  SESSION_MAX_AGE_SECONDS,
  sessionCookieName,
} from "@/lib/auth/session-token";
import { secondFactorCommand, signInCommand, signOutCommand } from "@/lib/auth/sign-in";
import { isForm } from "@/lib/commands/forms";
import { runCommand } from "@/lib/commands/next";
import { type RoleName, SECOND_FACTOR_ROLES } from "@/lib/domain/roles";

export type SignInState =
  | { status: "idle" }
  | {
      status: "invalid" | "locked" | "too_many_attempts";
      email: string;
      errors?: Record<string, string>;
      lockedUntil?: string;
    };

export type CodeState =
  | { status: "idle" }
  | {
      status: "wrong_code" | "locked" | "too_many_attempts" | "expired" | "invalid";
      errors?: Record<string, string>;
      lockedUntil?: string;
    };

async function startSession(
  user: { id: number; role: RoleName; sessionVersion: number },
  next: unknown,
): Promise<never> {
  const token = await encodeSessionToken(
    { userId: user.id, sessionVersion: user.sessionVersion },
    authSecret(),
  );
  const jar = await cookies();
  jar.set(sessionCookieName(secureCookies()), token, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: "/",
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  jar.delete(CHALLENGE_COOKIE);
  redirect(safeNextPath(next) ?? HOME_OF_ROLE[user.role]);
}

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  if (!isForm(form)) return { status: "invalid", email: "" };
  const email = String(form.get("email") ?? "");
  const input = { email, password: String(form.get("password") ?? "") };
  const result = await runCommand(signInCommand, input, { returnTo: "/sign-in" });
  if (!result.ok) return { status: "invalid", email, errors: { ...result.error.fields } };
  const outcome = result.value;
  if (outcome.ok) {
    // An administrator or reviewer without a second factor may only enrol one: straight there.
    const mustEnrol = SECOND_FACTOR_ROLES.includes(outcome.user.role);
    return startSession(outcome.user, mustEnrol ? "/account/second-factor" : form.get("next"));
  }
  if (outcome.reason === "code_needed") {
    (await cookies()).set(CHALLENGE_COOKIE, outcome.challenge, {
      httpOnly: true,
      sameSite: "strict",
      secure: secureCookies(),
      path: "/",
      maxAge: CHALLENGE_SECONDS,
    });
    const next = safeNextPath(form.get("next"));
    redirect(next ? `/sign-in/code?next=${encodeURIComponent(next)}` : "/sign-in/code");
  }
  const status =
    outcome.reason === "locked" || outcome.reason === "too_many_attempts" ? outcome.reason : "invalid";
  return { status, email, lockedUntil: outcome.lockedUntil?.toISOString() };
}

/** The code step: the challenge from the cookie, the code from the form; a right code starts the session. */
export async function secondFactorAction(_previous: CodeState, form: FormData): Promise<CodeState> {
  if (!isForm(form)) return { status: "invalid" };
  const jar = await cookies();
  const challenge = jar.get(CHALLENGE_COOKIE)?.value;
  if (!challenge) return { status: "expired" };
  const input = { challenge, code: String(form.get("code") ?? "") };
  const result = await runCommand(secondFactorCommand, input, { returnTo: "/sign-in" });
  if (!result.ok) return { status: "invalid", errors: { ...result.error.fields } };
  const outcome = result.value;
  if (outcome.ok) return startSession(outcome.user, form.get("next"));
  if (outcome.reason === "wrong_code" || outcome.reason === "too_many_attempts")
    return { status: outcome.reason };
  // Locked or expired: this challenge is spent; the person starts again from the password.
  jar.delete(CHALLENGE_COOKIE);
  return outcome.reason === "locked"
    ? { status: "locked", lockedUntil: outcome.lockedUntil?.toISOString() }
    : { status: "expired" };
}

/** Signs out everywhere (the command bumps the session version), then drops this browser's cookie. */
export async function signOutAction(): Promise<void> {
  await runCommand(signOutCommand, {}, { returnTo: "/sign-in" });
  (await cookies()).delete(sessionCookieName(secureCookies()));
  redirect("/sign-in?signedOut=1");
}
