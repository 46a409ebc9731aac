import { Fragment } from "react";
import type { Shown, ShownChange } from "@/lib/i18n/changes";

// Spans, not lists: these sit inside <del>/<ins> in running text, where only phrasing content is valid.
const SEPARATOR = "；";

/** A value in words, as a list (figures) or as links (evidence): never JSON. */
export function ShownValue({ value }: { value: Shown }) {
  if (value.kind === "text") return <>{value.text}</>;
  if (value.kind === "list") return <>{value.items.join(SEPARATOR)}</>;
  return (
    <>
      {value.links.map((l, i) => (
        <Fragment key={i}>
          {i > 0 && SEPARATOR}
          {l.href === null ? (
            l.text
          ) : (
            <a
              href={l.href}
              className="break-all text-civic-700 underline"
              rel="noopener noreferrer nofollow"
            >
              {l.text}
            </a>
          )}
        </Fragment>
      ))}
    </>
  );
}

/** Before (struck through, if there was one) and after, for one field. */
export function FieldChangeValues({ change }: { change: ShownChange }) {
  return (
    <>
      {change.before && (
        <del className="mr-2 text-red-800">
          <ShownValue value={change.before} />
        </del>
      )}
      <ins className="text-emerald-900 no-underline">
        <ShownValue value={change.after} />
      </ins>
    </>
  );
}
