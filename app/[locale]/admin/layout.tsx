import type { ReactNode } from "react";

// Administration depends on who is signed in: never cached. Each page checks admin.manage itself.
export const dynamic = "force-dynamic";

export default function AdminLayout({ children }: { children: ReactNode }) {
  return children;
}
