/** Who is signed in, and the way out: shown above every page of a signed-in area. */
export function SignedInBar({
  greeting,
  signOutLabel,
  signOut,
}: {
  greeting: string;
  signOutLabel: string;
  signOut: () => Promise<void>;
}) {
  return (
    <div className="mb-4 flex flex-wrap items-center justify-end gap-3 text-sm text-slate-700">
      <span>{greeting}</span>
      <form action={signOut}>
        <button type="submit" className="rounded border border-slate-400 px-2 py-1 hover:bg-slate-100">
          {signOutLabel}
        </button>
      </form>
    </div>
  );
}
