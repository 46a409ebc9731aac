import type { Permission, SessionUser } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { isItemEnd, isStrategyEnd, ITEM_SOURCES, type LinkEnd, STRATEGY_SOURCE } from "@/lib/domain/links";
import { answerableDepartments } from "@/lib/domain/nodes";
import { documentCoversYear, planYears, type YearSpan, yearsOf } from "@/lib/domain/plan-years";
import { rocToGregorianOrNull } from "@/lib/domain/years";
import type { LinkOrigin, NodeKind } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";

/*
 * What the link screens show: the links of one item (the strategies it serves) or of one strategy
 * (the items serving it), whatever their standing, and for a search, the other side's candidates
 * that the period rule allows (lib/domain/links.ts). Each row says whether the viewer may decide it.
 */

export type LinkSide = "item" | "strategy";

export type LinkedEnd = {
  id: number;
  kind: NodeKind;
  numberLabel: string | null;
  title: string | null;
  text: string;
  document: { title: string; yearFrom: number | null; yearTo: number | null };
  department: { slug: string; nameZh: string; nameEn: string } | null;
};

export type WorkbenchLink = {
  linkId: number;
  origin: LinkOrigin;
  score: number | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  other: LinkedEnd;
  mayDecide: boolean;
};

export type WorkbenchCandidate = { node: LinkedEnd; origin: LinkOrigin | null; mayAdd: boolean };

export type LinkWorkbench = {
  nodeId: number;
  side: LinkSide;
  links: WorkbenchLink[];
  query: string;
  candidates: WorkbenchCandidate[];
};

/** At most this many candidates per search: enough to choose from, few enough to read on a phone. */
export const CANDIDATE_LIMIT = 20;
export const QUERY_MAX = 50;

const documentSelect = {
  select: { title: true, kind: true, rocYearFrom: true, rocYearTo: true, periodFrom: true, periodTo: true },
} as const;
const endSelect = {
  id: true,
  kind: true,
  numberLabel: true,
  title: true,
  text: true,
  retiredAt: true,
  departmentId: true,
  department: { select: { slug: true, nameZh: true, nameEn: true } },
  document: documentSelect,
  trackedItems: { where: { state: "tracking" as const }, select: { leadDepartmentId: true } },
} as const;
type EndRow = Prisma.PlanNodeGetPayload<{ select: typeof endSelect }>;

const asEnd = (n: EndRow): LinkEnd => ({ kind: n.kind, retired: n.retiredAt !== null, document: n.document });
const decideOn = (item: EndRow): Permission => ({
  action: "link.decide",
  departmentIds: answerableDepartments(item.departmentId, item.trackedItems),
});
const shown = (n: EndRow): LinkedEnd => ({
  id: n.id,
  kind: n.kind,
  numberLabel: n.numberLabel,
  title: n.title,
  text: n.text,
  department: n.department,
  document: {
    title: n.document.title,
    yearFrom: rocToGregorianOrNull(n.document.rocYearFrom),
    yearTo: rocToGregorianOrNull(n.document.rocYearTo ?? n.document.rocYearFrom),
  },
});

/** Documents sharing a year with the span: the period rule as a `where`. */
const overlapping = (span: YearSpan | null): Prisma.SourceDocumentWhereInput =>
  span === null ? { id: -1 } : { OR: yearsOf(span).map(documentCoversYear) };

/** The search as typed, cleaned: NFKC like the stored text, trimmed, bounded. */
export function cleanLinkQuery(raw: string | null | undefined): string {
  return (raw ?? "").normalize("NFKC").trim().slice(0, QUERY_MAX);
}

/**
 * The link screen of a node for a signed-in viewer, or null when the node is neither an item nor a
 * strategy or the viewer may not decide its links (staff of its departments, the 研考會, admins).
 * On a strategy, staff of its lead department see every item serving it but decide only their own.
 */
export async function getLinkWorkbench(
  db: Db,
  viewer: SessionUser | null,
  nodeId: number,
  rawQuery?: string,
): Promise<LinkWorkbench | null> {
  const node = await db.planNode.findUnique({ where: { id: nodeId }, select: endSelect });
  if (!node) return null;
  const side: LinkSide | null = isItemEnd(asEnd(node))
    ? "item"
    : isStrategyEnd(asEnd(node))
      ? "strategy"
      : null;
  if (side === null || !can(viewer, decideOn(node))) return null;

  const rows = await db.nodeLink.findMany({
    where: side === "item" ? { kind: "serves", fromNodeId: nodeId } : { kind: "serves", toNodeId: nodeId },
    select: {
      id: true,
      origin: true,
      score: true,
      confirmedAt: true,
      confirmedBy: { select: { name: true } },
      fromNode: { select: endSelect },
      toNode: { select: endSelect },
    },
    orderBy: [{ score: { sort: "desc", nulls: "first" } }, { id: "asc" }],
  });
  const links: WorkbenchLink[] = rows.map((l) => ({
    linkId: l.id,
    origin: l.origin,
    score: l.score,
    decidedAt: l.confirmedAt,
    decidedBy: l.confirmedBy?.name ?? null,
    other: shown(side === "item" ? l.toNode : l.fromNode),
    mayDecide: can(viewer, decideOn(side === "item" ? node : l.fromNode)),
  }));

  const query = cleanLinkQuery(rawQuery);
  if (!query) return { nodeId, side, links, query, candidates: [] };
  const sources = side === "item" ? [STRATEGY_SOURCE] : ITEM_SOURCES;
  const found = await db.planNode.findMany({
    where: {
      retiredAt: null,
      id: { not: nodeId },
      OR: sources.map((s) => ({ kind: { in: [...s.kinds] }, document: { kind: s.document } })),
      AND: [
        { document: overlapping(planYears(node.document)) },
        {
          OR: [
            { title: { contains: query, mode: "insensitive" } },
            { text: { contains: query, mode: "insensitive" } },
          ],
        },
      ],
    },
    select: endSelect,
    orderBy: [{ documentId: "desc" }, { lineFrom: "asc" }],
    take: CANDIDATE_LIMIT,
  });
  const standing = new Map(links.map((l) => [l.other.id, l.origin]));
  const candidates = found.map((c) => ({
    node: shown(c),
    origin: standing.get(c.id) ?? null,
    mayAdd: standing.get(c.id) !== "confirmed" && can(viewer, decideOn(side === "item" ? node : c)),
  }));
  return { nodeId, side, links, query, candidates };
}
