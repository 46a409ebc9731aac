/**
 * Why a sign-in failed, as the audit log stores it: a code, rendered in the reader's language
 * (lib/i18n/audit). Pure, so the audit page can read it without the sign-in machinery.
 */
export const SIGN_IN_FAILURES = [
  "unknownEmail",
  "wrongPassword",
  "disabled",
  "locked",
  "wrongCode",
  "replayedCode",
] as const;
export type SignInFailure = (typeof SIGN_IN_FAILURES)[number];

// Rows written before the codes carried English phrases; they stay readable.
const LEGACY: Record<string, SignInFailure> = {
  "unknown e-mail": "unknownEmail",
  "wrong password": "wrongPassword",
};

/** A stored reason as a code, or null when it is neither a code nor a known old phrase. */
export function readSignInFailure(stored: unknown): SignInFailure | null {
  if (typeof stored !== "string") return null;
  if ((SIGN_IN_FAILURES as readonly string[]).includes(stored)) return stored as SignInFailure;
  return LEGACY[stored] ?? null;
}
