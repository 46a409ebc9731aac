import "server-only";
import { headers } from "next/headers";
import type { RequestMeta } from "@/lib/audit";

/** The caller's address and browser, for the audit log and the sign-in rate limit. */
export async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  return {
    ip: h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null,
    userAgent: h.get("user-agent"),
  };
}
