import Link from "next/link";
import { ActionButtonForm } from "@/components/action-button-form";
import { departmentName, formatDateTime, formatYearRange } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";
import type { LinkedEnd, LinkWorkbench as Workbench, WorkbenchLink } from "@/lib/links/workbench";
import type { FieldsFormState } from "@/lib/commands/forms";

type FormAction = (state: FieldsFormState, form: FormData) => Promise<FieldsFormState>;

type Props = {
  workbench: Workbench;
  t: Messages;
  locale: Locale;
  /** The page the workbench is on: its search is a GET there, and a stranger returns there after sign-in. */
  path: string;
  /** The server actions deciding and adding links (app/[locale]/links/actions.ts). */
  actions: { decide: FormAction; add: FormAction };
};

const heading = (n: LinkedEnd) => {
  const text = n.title ?? n.text;
  return `${n.numberLabel ?? ""}${n.numberLabel ? " " : ""}${text.length > 80 ? `${text.slice(0, 80)}…` : text}`;
};

function EndLine({ node, t, locale }: { node: LinkedEnd; t: Messages; locale: Locale }) {
  return (
    <>
      <Link href={`/nodes/${node.id}`} className="font-medium text-civic-900 underline">
        {heading(node)}
      </Link>
      <p className="mt-1 text-xs text-slate-600">
        {t.nodeKinds[node.kind]} · {node.document.title} (
        {formatYearRange(locale, node.document.yearFrom, node.document.yearTo)})
        {node.department ? ` · ${departmentName(locale, node.department)}` : ""}
      </p>
    </>
  );
}

/**
 * Which strategies an item serves, or which items serve a strategy: the confirmed, suggested and
 * rejected links apart, a button per decision the viewer may take, and a search to add a link the
 * matcher missed. Plain forms: it all works without JavaScript.
 */
const BADGE: Record<WorkbenchLink["origin"], string> = {
  confirmed: "bg-emerald-100 text-emerald-900",
  suggested: "bg-amber-100 text-amber-900",
  rejected: "bg-slate-200 text-slate-800",
};

/**
 * Which strategies an item serves, or which items serve a strategy: each link with its standing
 * (confirmed, unconfirmed suggestion, rejected), a button per decision the viewer may take, and a
 * search to add a link the matcher missed. Rows keep their place when decided, so the answer to a
 * click stays beside it after the page refreshes. Plain forms: it all works without JavaScript.
 */
export function LinkWorkbench({ workbench, t, locale, path, actions }: Props) {
  const l = t.workspace.links;
  const hidden = { locale, returnTo: path };
  const standing = { confirmed: l.confirmedGroup, suggested: l.unconfirmed, rejected: l.rejectedGroup };
  const count = (origin: WorkbenchLink["origin"]) =>
    workbench.links.filter((x) => x.origin === origin).length;
  const decide = (link: WorkbenchLink, decision: "confirmed" | "rejected") => (
    <ActionButtonForm
      key={decision}
      action={actions.decide}
      idKey={`link-${link.linkId}`}
      hidden={{ ...hidden, linkId: link.linkId, decision, expectedOrigin: link.origin }}
      button={decision === "confirmed" ? l.confirm : l.reject}
      working={l.working}
      tone={decision === "rejected" ? "secondary" : "primary"}
      disabled={link.origin === decision}
    />
  );
  const searchId = `link-search-${workbench.nodeId}`;

  return (
    <section id="links" aria-labelledby="links-heading" className="mt-8">
      <h2 id="links-heading" className="text-lg font-semibold text-civic-900">
        {workbench.side === "item" ? l.headingItem : l.headingStrategy}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{l.intro}</p>
      <p className="mt-2 text-sm font-medium">
        {l.summary(count("confirmed"), count("suggested"), count("rejected"))}
      </p>
      {workbench.links.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">{l.none}</p>
      ) : (
        <ul
          className="mt-2 space-y-2"
          aria-label={workbench.side === "item" ? l.headingItem : l.headingStrategy}
        >
          {workbench.links.map((link) => (
            <li key={link.linkId} className="rounded border border-slate-200 bg-white p-3">
              <p className="mb-1">
                <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${BADGE[link.origin]}`}>
                  {standing[link.origin]}
                </span>
              </p>
              <EndLine node={link.other} t={t} locale={locale} />
              <p className="mt-1 text-xs text-slate-600">
                {link.score !== null && l.score(link.score.toFixed(2))}
                {link.score !== null && link.decidedBy && " · "}
                {link.decidedBy && l.decidedBy(link.decidedBy, formatDateTime(locale, link.decidedAt))}
              </p>
              <div className="mt-2 flex flex-wrap gap-2">
                {link.mayDecide ? (
                  <>
                    {decide(link, "confirmed")}
                    {decide(link, "rejected")}
                  </>
                ) : (
                  <span className="text-sm text-slate-600">{l.onlyTheirs}</span>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}

      <h3 className="mt-6 font-semibold text-civic-900">{l.searchHeading}</h3>
      <form method="get" action={`${path}#links`} className="mt-2 flex flex-wrap items-end gap-2">
        <label htmlFor={searchId} className="flex min-w-64 flex-1 flex-col text-sm">
          {workbench.side === "item" ? l.searchLabelItem : l.searchLabelStrategy}
          <input
            id={searchId}
            type="search"
            name="linkq"
            defaultValue={workbench.query}
            maxLength={50}
            className="mt-1 rounded border border-slate-400 bg-white p-2"
          />
        </label>
        <button type="submit" className="rounded bg-civic-700 px-3 py-2 text-white hover:bg-civic-900">
          {l.search}
        </button>
      </form>
      {workbench.query && workbench.candidates.length === 0 && (
        <p className="mt-2 text-sm text-slate-700">{l.noResults(workbench.query)}</p>
      )}
      {workbench.candidates.length > 0 && (
        <ul className="mt-2 space-y-2" aria-label={l.searchHeading}>
          {workbench.candidates.map((c) => (
            <li key={c.node.id} className="rounded border border-slate-200 bg-white p-3">
              <EndLine node={c.node} t={t} locale={locale} />
              <div className="mt-2 flex flex-wrap items-center gap-2">
                {c.origin === "confirmed" && (
                  <span className="text-sm text-emerald-900">{l.alreadyConfirmed}</span>
                )}
                {c.mayAdd || c.origin === "confirmed" ? (
                  <ActionButtonForm
                    action={actions.add}
                    idKey={`add-${c.node.id}`}
                    hidden={{
                      ...hidden,
                      itemId: workbench.side === "item" ? workbench.nodeId : c.node.id,
                      strategyId: workbench.side === "item" ? c.node.id : workbench.nodeId,
                    }}
                    button={l.add}
                    working={l.working}
                    disabled={c.origin === "confirmed"}
                  />
                ) : (
                  <span className="text-sm text-slate-600">{l.notYours}</span>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
