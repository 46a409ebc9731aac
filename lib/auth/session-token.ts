import { encode } from "next-auth/jwt";

/** Sessions last a working day; disabling, role or password changes and sign-out end them at once. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** next-auth's own cookie names, so getServerSession reads what the sign-in action writes. */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/**
 * Carries a password-checked sign-in to its code step (lib/auth/second-factor.ts: signed, five
 * minutes); httpOnly, so no script reads it.
 */
export const CHALLENGE_COOKIE = "kpt.sign-in-challenge";

export type SessionClaims = { userId: number; sessionVersion: number };

/** The encrypted session token (next-auth's JWE) for a user who just signed in. */
export function encodeSessionToken(claims: SessionClaims, secret: string): Promise<string> {
  return encode({
    token: { sub: String(claims.userId), sv: claims.sessionVersion },
    secret,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}
