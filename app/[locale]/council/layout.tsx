import type { ReactNode } from "react";

// Councillors' pages depend on who is signed in (and show their private notes): never cached.
export const dynamic = "force-dynamic";

export default function CouncilLayout({ children }: { children: ReactNode }) {
  return children;
}
