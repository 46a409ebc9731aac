import "server-only";
import { PUBLIC_ENTRY } from "@/lib/domain/updates";
import type { Db } from "@/lib/db/client";
import { budgetBreakdown } from "@/lib/domain/budget";
import { groupBy } from "@/lib/domain/collections";
import { ACCOUNTABLE_KINDS } from "@/lib/domain/nodes";
import { type RollUp, rollUp, type RollUpItem } from "@/lib/domain/progress";
import { rocToGregorianOrNull } from "@/lib/domain/years";
import type { ProgressStatus } from "@/lib/generated/prisma/enums";
import { type LightShares, rollUpLights } from "@/lib/domain/lights";
import { type DepartmentRef, type DocumentSummary, listDocuments } from "./documents";
import { type DepartmentLights, lightsByDepartment, trackedItemLights, trackedOn } from "./lights";
import { budgetLineOrder, budgetLineSelect, latestProgressEntry } from "./fragments";

type Ref = { id: number; numberLabel: string | null; title: string | null; text: string };

export type StrategyProgress = Ref & { progress: RollUp; linkedItems: number; suggestedLinks: number };
export type VisionProgress = Ref & { progress: RollUp; strategies: StrategyProgress[] };

export type HomeDashboard = {
  plan: {
    id: number;
    title: string;
    yearFrom: number | null;
    yearTo: number | null;
    goal: Ref | null;
  } | null;
  visions: VisionProgress[];
  headline: {
    departments: number;
    agendaItems: number;
    /** The latest fiscal year with budget data, and its total over departments, NT$ thousands. */
    budget: { year: number; totalThousands: number; departments: number } | null;
  };
  /** How the city is doing: the lights of the items tracked this year; null when nothing is tracked. */
  lights: {
    city: LightShares;
    byDepartment: DepartmentLights[];
    /** City-wide items no department leads yet. */
    cityWide: LightShares | null;
    byVision: Array<{ vision: Ref; lights: LightShares }>;
    /** The newest publication of any update ("資料更新至"), ISO; null when nothing is published. */
    dataAsOf: string | null;
  } | null;
  latestReports: DocumentSummary[];
  recentProgress: Array<{
    id: number;
    status: ProgressStatus;
    percent: number | null;
    narrative: string;
    updatedAt: string;
    node: Ref;
    department: DepartmentRef | null;
  }>;
};

const refSelect = { id: true, numberLabel: true, title: true, text: true } as const;

/**
 * What the city promised and how far it has got: the newest mid-term plan's goal, visions and
 * strategies, each with progress rolled up from the annual items confirmed to serve it; suggested
 * links are only counted, to be shown apart as unconfirmed (decision record 009).
 */
export async function getHomeDashboard(db: Db, today: string): Promise<HomeDashboard> {
  const planDoc = await db.sourceDocument.findFirst({
    where: { kind: "mid_term_plan" },
    orderBy: [{ rocYearFrom: { sort: "desc", nulls: "last" } }, { id: "desc" }],
    select: { id: true, title: true, rocYearFrom: true, rocYearTo: true },
  });

  const nodes = planDoc
    ? await db.planNode.findMany({
        where: { documentId: planDoc.id, kind: { in: ["goal", "vision", "strategy"] }, retiredAt: null },
        orderBy: [{ depth: "asc" }, { position: "asc" }],
        select: {
          ...refSelect,
          kind: true,
          parentId: true,
          linksTo: {
            where: { origin: { not: "rejected" }, fromNode: { retiredAt: null } },
            select: {
              origin: true,
              fromNode: {
                select: {
                  id: true,
                  progressEntries: latestProgressEntry,
                  // The same money can appear in two tables of a plan: take the largest line.
                  budgetLines: {
                    select: { amountThousands: true },
                    orderBy: { amountThousands: "desc" },
                    take: 1,
                  },
                },
              },
            },
          },
        },
      })
    : [];

  // Only links people confirmed count; suggestions are counted apart and shown as 未確認.
  const itemsOf = (strategy: (typeof nodes)[number]) =>
    new Map<number, RollUpItem>(
      strategy.linksTo
        .filter((l) => l.origin === "confirmed")
        .map((l) => {
          const latest = l.fromNode.progressEntries[0];
          const item: RollUpItem = {
            status: latest?.status ?? null,
            percent: latest?.percent ?? null,
            budgetThousands: l.fromNode.budgetLines[0]?.amountThousands ?? null,
          };
          return [l.fromNode.id, item];
        }),
    );

  const strip = ({ id, numberLabel, title, text }: Ref): Ref => ({ id, numberLabel, title, text });
  const visions: VisionProgress[] = nodes
    .filter((n) => n.kind === "vision")
    .map((vision) => {
      const strategyNodes = nodes.filter((n) => n.kind === "strategy" && n.parentId === vision.id);
      const union = new Map<number, RollUpItem>();
      const strategies = strategyNodes.map((s) => {
        const items = itemsOf(s);
        for (const [id, item] of items) union.set(id, item);
        return {
          ...strip(s),
          progress: rollUp([...items.values()]),
          linkedItems: items.size,
          suggestedLinks: s.linksTo.filter((l) => l.origin === "suggested").length,
        };
      });
      return { ...strip(vision), progress: rollUp([...union.values()]), strategies };
    });

  const [departments, agendaItems, latestBudgetYear, latestReports, recent] = await Promise.all([
    db.department.count({ where: { nodes: { some: { kind: { in: ACCOUNTABLE_KINDS } } } } }),
    db.planNode.count({ where: { kind: { in: ACCOUNTABLE_KINDS }, retiredAt: null } }),
    db.budgetLine.findFirst({ orderBy: { fiscalYear: "desc" }, select: { fiscalYear: true } }),
    listDocuments(db, { kinds: ["council-report"] }).then((r) => r.slice(0, 3)),
    db.progressEntry.findMany({
      where: PUBLIC_ENTRY,
      orderBy: { updatedAt: "desc" },
      take: 5,
      select: {
        id: true,
        status: true,
        percent: true,
        narrative: true,
        updatedAt: true,
        node: {
          select: { ...refSelect, department: { select: { slug: true, nameZh: true, nameEn: true } } },
        },
      },
    }),
  ]);

  let budget: HomeDashboard["headline"]["budget"] = null;
  if (latestBudgetYear) {
    const lines = await db.budgetLine.findMany({
      where: { fiscalYear: latestBudgetYear.fiscalYear },
      select: { ...budgetLineSelect, documentId: true },
      orderBy: budgetLineOrder,
    });
    const byDocument = groupBy(lines, (l) => l.documentId);
    const totals = [...byDocument.values()].map((ls) => budgetBreakdown(ls)?.total ?? 0);
    budget = {
      year: latestBudgetYear.fiscalYear,
      totalThousands: totals.reduce((a, b) => a + b, 0),
      departments: byDocument.size,
    };
  }

  const lights = await cityLights(
    db,
    today,
    (vision) => {
      const nodeIds = new Set<number>();
      for (const s of nodes.filter((n) => n.kind === "strategy" && n.parentId === vision.id)) {
        nodeIds.add(s.id);
        for (const l of s.linksTo) if (l.origin === "confirmed") nodeIds.add(l.fromNode.id);
      }
      return nodeIds;
    },
    visions,
  );

  const goal = nodes.find((n) => n.kind === "goal");
  return {
    plan: planDoc
      ? {
          id: planDoc.id,
          title: planDoc.title,
          yearFrom: rocToGregorianOrNull(planDoc.rocYearFrom),
          yearTo: rocToGregorianOrNull(planDoc.rocYearTo),
          goal: goal ? strip(goal) : null,
        }
      : null,
    visions,
    lights,
    headline: { departments, agendaItems, budget },
    latestReports,
    recentProgress: recent.map((r) => ({
      id: r.id,
      status: r.status,
      percent: r.percent,
      narrative: r.narrative,
      updatedAt: r.updatedAt.toISOString(),
      node: strip(r.node),
      department: r.node.department,
    })),
  };
}

/**
 * The lights of every item tracked by a set covering today, rolled up for the city, by department
 * and by vision (a vision's items: its strategies tracked themselves, and the items confirmed to
 * serve them).
 */
async function cityLights(
  db: Db,
  today: string,
  nodesOfVision: (vision: Ref) => Set<number>,
  visions: readonly Ref[],
): Promise<HomeDashboard["lights"]> {
  const items = await trackedItemLights(db, trackedOn(today), today);
  if (items.length === 0) return null;
  const { departments, cityWide } = await lightsByDepartment(db, items);
  const latest = await db.progressEntry.findFirst({
    where: { ...PUBLIC_ENTRY, nodeId: { in: [...new Set(items.map((i) => i.nodeId))] } },
    orderBy: { publishedAt: "desc" },
    select: { publishedAt: true },
  });
  const byVision = visions.flatMap((vision) => {
    const nodeIds = nodesOfVision(vision);
    const own = items.filter((i) => nodeIds.has(i.nodeId));
    return own.length > 0
      ? [
          {
            vision: {
              id: vision.id,
              numberLabel: vision.numberLabel,
              title: vision.title,
              text: vision.text,
            },
            lights: rollUpLights(own),
          },
        ]
      : [];
  });
  return {
    city: rollUpLights(items),
    byDepartment: departments,
    cityWide,
    byVision,
    dataAsOf: latest?.publishedAt?.toISOString() ?? null,
  };
}
