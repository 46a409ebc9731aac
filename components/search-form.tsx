import type { Messages } from "@/lib/i18n/messages";

type Props = {
  t: Messages;
  /** The input's id; the error message, when there is one, is `${id}-error`. */
  id: string;
  label: string;
  defaultValue?: string;
  /** Why the text cannot be searched, shown beside the box. */
  error?: string;
  /** A larger box with the hint under it (the search page); the home page's is smaller. */
  large?: boolean;
};

/**
 * A plain GET form to /search: works without JavaScript, and every search is a URL that can be
 * shared. No maxLength: the server's message explains the limit (and counts characters, not UTF-16
 * units, as the browser would).
 */
export function SearchForm({ t, id, label, defaultValue, error, large = false }: Props) {
  const errorId = `${id}-error`;
  const tipsId = `${id}-tips`;
  const describedBy = [error ? errorId : null, large ? tipsId : null].filter(Boolean).join(" ");
  return (
    <form method="get" action="/search" role="search" aria-label={t.search.form}>
      <label
        htmlFor={id}
        className={large ? "block font-medium" : "block text-sm font-medium text-slate-700"}
      >
        {label}
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id={id}
          name="q"
          type="search"
          defaultValue={defaultValue}
          placeholder={t.search.placeholder}
          enterKeyHint="search"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          className={`min-w-0 flex-1 rounded border bg-white px-3 placeholder:text-slate-500 ${
            error ? "border-rose-700" : "border-slate-400"
          } ${large ? "py-2 text-lg" : "py-1.5"}`}
        />
        <button
          type="submit"
          className={`shrink-0 rounded bg-civic-700 text-white hover:bg-civic-900 ${large ? "px-5 py-2" : "px-4 py-1.5"}`}
        >
          {t.search.submit}
        </button>
      </div>
      {error && (
        <p id={errorId} role="alert" className="mt-2 text-sm font-medium text-rose-800">
          {error}
        </p>
      )}
      {large && (
        <p id={tipsId} className="mt-2 text-sm text-slate-600">
          {t.search.tips}
        </p>
      )}
    </form>
  );
}
