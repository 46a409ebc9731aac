import type { ReactNode } from "react";

// The 研考會's pages depend on who is signed in: never cached.
export const dynamic = "force-dynamic";

export default function ReviewLayout({ children }: { children: ReactNode }) {
  return children;
}
