import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ITEM_SOURCES, STRATEGY_SOURCE } from "@/lib/domain/links";
import { planYears, spansOverlap, type YearSpan } from "@/lib/domain/plan-years";
import { matchingInput, type SourceNode } from "./node-text";
import { suggestLinks, type SuggestedLink, type TextNode } from "./similarity";
import { groupBy } from "@/lib/domain/collections";

type Tx = Prisma.TransactionClient;

export type RefreshOutcome = { created: number; removed: number };

/** Any constant shared by every refresh: serialises concurrent imports' refreshes. */
const REFRESH_LOCK = 7_254_031;

/** Every live node of the documents involved: candidates and the points whose text they carry. */
async function loadNodes(
  tx: Tx,
): Promise<Array<SourceNode & { documentId: number; years: YearSpan | null }>> {
  const documentKinds = [STRATEGY_SOURCE, ...ITEM_SOURCES].map((s) => s.document);
  const rows = await tx.planNode.findMany({
    where: { retiredAt: null, document: { kind: { in: documentKinds } } },
    select: {
      id: true,
      documentId: true,
      parentId: true,
      kind: true,
      title: true,
      text: true,
      document: {
        select: { kind: true, rocYearFrom: true, rocYearTo: true, periodFrom: true, periodTo: true },
      },
    },
    // Document order, so a node's matching text reads as printed and never varies between runs.
    orderBy: [{ documentId: "asc" }, { depth: "asc" }, { position: "asc" }, { id: "asc" }],
  });
  return rows.map(({ document, ...node }) => ({
    ...node,
    documentKind: document.kind,
    years: planYears(document),
  }));
}

const pairKey = (fromNodeId: number, toNodeId: number) => `${fromNodeId}>${toNodeId}`;

/** Pairs staff have decided on: never suggested again, never touched. */
async function decidedPairs(tx: Tx): Promise<Set<string>> {
  const decided = await tx.nodeLink.findMany({
    where: { kind: "serves", origin: { in: ["confirmed", "rejected"] } },
    select: { fromNodeId: true, toNodeId: true },
  });
  return new Set(decided.map((l) => pairKey(l.fromNodeId, l.toNodeId)));
}

/**
 * Writes the wanted suggestions as a diff against the stored ones: an unchanged suggestion keeps
 * its row (and id), a stale one is deleted, a new or re-scored one is created.
 */
async function replaceSuggestions(tx: Tx, wanted: SuggestedLink[]): Promise<RefreshOutcome> {
  const rowKey = (from: number, to: number, score: number | null) => `${pairKey(from, to)}@${score}`;
  const stored = await tx.nodeLink.findMany({
    where: { kind: "serves", origin: "suggested" },
    select: { id: true, fromNodeId: true, toNodeId: true, score: true },
  });
  const wantedKeys = new Set(wanted.map((l) => rowKey(l.itemId, l.strategyId, l.score)));
  const storedKeys = new Set(stored.map((l) => rowKey(l.fromNodeId, l.toNodeId, l.score)));

  const stale = stored.filter((l) => !wantedKeys.has(rowKey(l.fromNodeId, l.toNodeId, l.score)));
  const fresh = wanted.filter((l) => !storedKeys.has(rowKey(l.itemId, l.strategyId, l.score)));
  if (stale.length > 0) await tx.nodeLink.deleteMany({ where: { id: { in: stale.map((l) => l.id) } } });
  const { count } = await tx.nodeLink.createMany({
    data: fresh.map((l) => ({
      fromNodeId: l.itemId,
      toNodeId: l.strategyId,
      kind: "serves" as const,
      origin: "suggested" as const,
      score: l.score,
    })),
  });
  return { created: count, removed: stale.length };
}

/**
 * Each mid-term plan's strategies matched against the items of the plans sharing a year with it
 * (lib/domain/links.ts: a 2013 item cannot serve a 2023–2026 strategy), each plan on its own: which
 * words are common is learnt from the texts that may be linked, not from unrelated years.
 */
function suggestByPlan(
  nodes: ReadonlyArray<SourceNode & { documentId: number; years: YearSpan | null }>,
  strategies: TextNode[],
  items: TextNode[],
): SuggestedLink[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const plans = groupBy(strategies, (s) => byId.get(s.id)?.documentId ?? 0);
  return [...plans.values()].flatMap((planStrategies) => {
    const years = byId.get(planStrategies[0]!.id)?.years ?? null;
    const sameYears = items.filter((i) => spansOverlap(byId.get(i.id)?.years ?? null, years));
    return sameYears.length === 0 ? [] : suggestLinks(planStrategies, sameYears);
  });
}

/**
 * Recomputes the suggested "agenda item serves strategy" links from the current documents, in one
 * transaction. Links staff confirmed or rejected are left exactly as they are, and their pairs are
 * not suggested again. Idempotent: a second run with no document change writes nothing.
 */
export async function refreshSuggestedLinks(db: Db): Promise<RefreshOutcome> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REFRESH_LOCK})`;
      const nodes = await loadNodes(tx);
      const { strategies, items } = matchingInput(nodes);
      const decided = await decidedPairs(tx);
      const wanted = suggestByPlan(nodes, strategies, items).filter(
        (l) => !decided.has(pairKey(l.itemId, l.strategyId)),
      );
      return replaceSuggestions(tx, wanted);
    },
    // A few thousand nodes are compared in well under a second; the margin is for slow CI disks.
    { timeout: 60_000, maxWait: 30_000 },
  );
}
