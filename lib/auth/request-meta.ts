import "server-only";
import { headers } from "next/headers";
import type { RequestMeta } from "@/lib/audit";
import { serverEnv } from "@/lib/env";
import { clientAddress } from "./client-address";

/** The caller's address and browser, for the audit log and the sign-in rate limit. */
export async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  return {
    // Never X-Real-IP or the left-most hop: a client writes those (see clientAddress).
    ip: clientAddress(h.get("x-forwarded-for"), serverEnv().PORTAL_TRUSTED_PROXIES),
    userAgent: h.get("user-agent"),
  };
}
