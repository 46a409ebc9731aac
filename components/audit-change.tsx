import type { AuditRow } from "@/lib/i18n/audit";
import { ShownValue } from "./field-change";

/** An audit event's change as labelled fields: what it was (struck through) and what it became. */
export function AuditChange({ rows }: { rows: AuditRow[] }) {
  if (rows.length === 0) return null;
  return (
    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs text-slate-700">
      {rows.map((row) => (
        <div key={row.key} className="contents">
          <dt className="text-slate-600">{row.label}</dt>
          <dd className="min-w-0 break-words">
            {row.before && (
              <del className="mr-2 text-red-800">
                <ShownValue value={row.before} />
              </del>
            )}
            {row.after && (
              <ins className="text-emerald-900 no-underline">
                <ShownValue value={row.after} />
              </ins>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
