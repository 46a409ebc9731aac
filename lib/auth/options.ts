import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db/server";
import { serverEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { clientAddress } from "./client-address";
import { portalSecret } from "./portal-secret";
import { signInInput } from "./schemas";
import { SESSION_MAX_AGE_SECONDS, sessionCookieName } from "./session-token";
import { authenticate } from "./sign-in";

export const authSecret = portalSecret;

export function secureCookies(): boolean {
  return serverEnv().NEXTAUTH_URL?.startsWith("https://") ?? false;
}

const headerOf = (headers: unknown, name: string): string | null => {
  const value = (headers as Record<string, string | string[] | undefined> | undefined)?.[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
};

/**
 * next-auth with JWT sessions. The portal's own sign-in form is a server action (it works without
 * JavaScript and keeps what was typed); the Credentials provider serves the same check to clients
 * of /api/auth. Either way the token carries the user's session version, which every request
 * compares with the database (lib/auth/current-user.ts): JWTs alone cannot be revoked.
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: secureCookies(),
    cookies: {
      sessionToken: {
        name: sessionCookieName(secureCookies()),
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies() },
      },
    },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "e-mail",
        // `code`: the authenticator's code (or a recovery code), for accounts with a second factor.
        credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" } },
        async authorize(credentials, request) {
          const input = signInInput.safeParse(credentials);
          if (!input.success) return null;
          const code =
            typeof credentials?.code === "string" && credentials.code !== "" ? credentials.code : undefined;
          const result = await authenticate(
            db(),
            { ...input.data, code },
            {
              ip: clientAddress(
                headerOf(request.headers, "x-forwarded-for"),
                serverEnv().PORTAL_TRUSTED_PROXIES,
              ),
              userAgent: headerOf(request.headers, "user-agent"),
            },
          ).catch((error: unknown) => {
            // A code that is not a code at all: refused like a wrong one.
            if (error instanceof AppError) return null;
            throw error;
          });
          return result?.ok ? { id: String(result.user.id), sv: result.user.sessionVersion } : null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user && "sv" in user && typeof user.sv === "number") token.sv = user.sv;
        return token;
      },
      session({ session, token }) {
        return { ...session, userId: Number(token.sub), sessionVersion: Number(token.sv ?? -1) };
      },
    },
  };
}
