import { serverEnv } from "@/lib/env";

/**
 * NEXTAUTH_SECRET: it signs session cookies and (through lib/auth/secret-box.ts) keys the stored TOTP
 * secrets and sign-in challenges. `npm start` sets it (generated beside the data folder when unset).
 */
export function portalSecret(): string {
  const secret = serverEnv().NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: start the portal with `npm start`.");
  return secret;
}
