import type { Locale } from "@/lib/i18n/locale";
import { ACTION_BODY_LIMIT_BYTES } from "./request-limits";

/**
 * Checks on a form post (a server action) made before Next reads it. Next answers each of these
 * with a 500 ("Invalid Server Actions request.", "Unexpected end of form"), and compares Origin with
 * X-Forwarded-Host, which any client can send. Here Origin is compared with the portal's public
 * host (PORTAL_URL, else Host), and the size is checked from Content-Length, before the body is read.
 */

export type ActionRefusal = {
  status: 403 | 411 | 413;
  reason: "crossOrigin" | "lengthRequired" | "tooLarge";
};

type Headers = { get(name: string): string | null };

/** A POST Next may treat as a server action: the fetch kind (Next-Action) or a plain form post. */
export function isActionPost(method: string, headers: Headers): boolean {
  if (method !== "POST") return false;
  if (headers.get("next-action") !== null) return true;
  return /^multipart\/form-data\b/iu.test(headers.get("content-type") ?? "");
}

/** Why this form post is refused, or null to let Next handle it. */
export function refuseActionPost(headers: Headers, publicHost: string): ActionRefusal | null {
  const origin = headers.get("origin");
  // No Origin: not a browser (browsers send it on every POST), so no cookies were sent on anyone's behalf.
  if (origin !== null && hostOf(origin) !== publicHost.toLowerCase())
    return { status: 403, reason: "crossOrigin" };
  const length = headers.get("content-length");
  if (length === null || !/^\d{1,15}$/u.test(length)) return { status: 411, reason: "lengthRequired" };
  if (Number(length) > ACTION_BODY_LIMIT_BYTES) return { status: 413, reason: "tooLarge" };
  return null;
}

function hostOf(origin: string): string | null {
  try {
    return origin === "null" ? null : new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

const megabytes = Math.floor(ACTION_BODY_LIMIT_BYTES / 1024 / 1024);
const MESSAGES: Record<Locale, Record<ActionRefusal["reason"], string>> = {
  "zh-Hant": {
    crossOrigin: "這個表單不是從本站送出的，已拒絕。請回到本站頁面重新操作。",
    lengthRequired: "送出的資料沒有標明大小，已拒絕。請回到頁面重新送出。",
    tooLarge: `送出的資料超過 ${megabytes} MB 上限，未讀取。文件請小於 10 MB，CSV 檔請小於 1 MB。`,
  },
  en: {
    crossOrigin:
      "This form was not sent from this site and was refused. Go back to the portal's page and try again.",
    lengthRequired:
      "The form was sent without its size and was refused. Go back to the page and send it again.",
    tooLarge: `The form is over the ${megabytes} MB limit and was not read. Documents must be under 10 MB, CSV files under 1 MB.`,
  },
};

/** The refusal as the reader's browser shows it: a short page in their language. */
export function actionRefusalResponse(refusal: ActionRefusal, locale: Locale): Response {
  return new Response(MESSAGES[locale][refusal.reason], {
    status: refusal.status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
