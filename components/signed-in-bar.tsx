import Link from "next/link";

/** Who is signed in, what waits for them, and the way out: shown above every page of a signed-in area. */
export function SignedInBar({
  greeting,
  signOutLabel,
  signOut,
  waiting,
  account,
}: {
  greeting: string;
  signOutLabel: string;
  signOut: () => Promise<void>;
  /** The count of work waiting (reports owed, sign-offs, reviews), where it is, and what it is made of. */
  waiting?: { count: number; href: string; label: string; title: string };
  /** The link to the person's own account settings (e-mail reminders). */
  account?: string;
}) {
  return (
    <div className="mb-4 flex flex-wrap items-center justify-end gap-3 text-sm text-slate-700">
      <span>{greeting}</span>
      {account && (
        <Link href="/account" className="text-civic-700 underline-offset-4 hover:underline">
          {account}
        </Link>
      )}
      {waiting && (
        <Link
          href={waiting.href}
          className={`rounded px-2 py-1 no-underline ${waiting.count > 0 ? "bg-amber-100 text-amber-950" : "bg-slate-100 text-slate-700"}`}
          aria-label={waiting.title}
          title={waiting.title}
          data-testid="waiting-count"
        >
          {waiting.label} <strong>{waiting.count}</strong>
        </Link>
      )}
      <form action={signOut}>
        <button type="submit" className="rounded border border-slate-400 px-2 py-1 hover:bg-slate-100">
          {signOutLabel}
        </button>
      </form>
    </div>
  );
}
