import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/guard";

/**
 * Who may see 填報情形 is decided here, above loading.tsx's Suspense boundary: once the loading
 * state has been streamed the status is 200, so a page-level check would answer a staff member
 * with 200 and a stranger without a redirect. Here they get a real 403 and a real redirect to the
 * sign-in page. The page still reads the viewer for its data (the data layer asks can() too).
 */
export default async function ComplianceLayout({ children }: { children: ReactNode }) {
  await requireUser("/review/compliance", { action: "tracking.manage" });
  return children;
}
