import type { ReactNode } from "react";

const TONES = {
  // An error interrupts (role=alert); a confirmation is announced politely (role=status).
  error: { role: "alert", className: "border-red-300 bg-red-50 text-red-800" },
  success: { role: "status", className: "border-emerald-300 bg-emerald-50 text-emerald-900" },
} as const;

/** The one look for a form's result: what went wrong, or that it worked. */
export function Notice({ tone, children }: { tone: keyof typeof TONES; children: ReactNode }) {
  const { role, className } = TONES[tone];
  return (
    <p role={role} className={`rounded border p-3 ${className}`}>
      {children}
    </p>
  );
}
