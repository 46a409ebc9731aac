import type { DocumentKind, NodeKind } from "@/lib/generated/prisma/enums";
import { type PlanYearsInput, planYears, spansOverlap } from "./plan-years";

/*
 * What may serve what (decision record 009). An annual item (an outline's agenda item, a department
 * plan's key point or programme) serves a strategy of the mid-term plan, and only a strategy of a
 * plan whose years overlap its own: a 2013 item cannot serve a 2023–2026 strategy. The same rule
 * decides which pairs the text matcher may suggest and which links people may add.
 */

type Source = { document: DocumentKind; kinds: readonly NodeKind[] };

/** The mid-term plan's strategies are what annual items serve. */
export const STRATEGY_SOURCE: Source = { document: "mid_term_plan", kinds: ["strategy"] };
/** The annual items that serve strategies. */
export const ITEM_SOURCES: readonly Source[] = [
  { document: "policy_outline", kinds: ["agenda_item"] },
  { document: "department_plan", kinds: ["key_point", "program"] },
];

export type LinkEnd = { kind: NodeKind; retired: boolean; document: PlanYearsInput & { kind: DocumentKind } };

const isFrom = (source: Source, end: LinkEnd) =>
  end.document.kind === source.document && source.kinds.includes(end.kind);
export const isStrategyEnd = (end: LinkEnd) => isFrom(STRATEGY_SOURCE, end);
export const isItemEnd = (end: LinkEnd) => ITEM_SOURCES.some((source) => isFrom(source, end));

/** Why an item may not serve a strategy (a message key), or null when it may. */
export type ServesRefusal = "notAnItem" | "notAStrategy" | "retired" | "periodsDoNotOverlap";

export function servesRefusal(item: LinkEnd, strategy: LinkEnd): ServesRefusal | null {
  if (!isItemEnd(item)) return "notAnItem";
  if (!isStrategyEnd(strategy)) return "notAStrategy";
  if (item.retired || strategy.retired) return "retired";
  if (!spansOverlap(planYears(item.document), planYears(strategy.document))) return "periodsDoNotOverlap";
  return null;
}

/** What a person may decide about a link; a suggestion is neither until someone decides. */
export const LINK_DECISIONS = ["confirmed", "rejected"] as const;
export type LinkDecision = (typeof LINK_DECISIONS)[number];
