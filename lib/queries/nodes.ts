import "server-only";
import { PUBLIC_ENTRY } from "@/lib/domain/updates";
import { type CyclePeriod, periodsBetween } from "@/lib/domain/cycles";
import type { Light } from "@/lib/domain/lights";
import { plannedAt, readPlanPoints } from "@/lib/domain/planned";
import { calendarDay } from "@/lib/domain/time";
import { trackedItemLights, trackedUnder, type TrackedLights } from "./lights";
import type { Db } from "@/lib/db/client";
import { kindFromDb, type DocumentKindSlug } from "@/lib/domain/document-kind";
import { rocToGregorianOrNull } from "@/lib/domain/years";
import type { LinkOrigin, NodeKind, ProgressStatus, UpdateLight } from "@/lib/generated/prisma/enums";
import { rankRelated } from "@/lib/links/related";
import { type Figure, readEvidenceLinks, readFigures } from "@/lib/progress/history";
import { ancestorsOf } from "./ancestors";
import type { DepartmentRef } from "./documents";

export type NodeRef = {
  id: number;
  kind: NodeKind;
  numberLabel: string | null;
  title: string | null;
  text: string;
};

export type LinkedNode = NodeRef & {
  origin: LinkOrigin;
  score: number | null;
  document: { id: number; title: string; kind: DocumentKindSlug; year: number | null };
  department: DepartmentRef | null;
};

export type ProgressTimelineEntry = {
  id: number;
  status: ProgressStatus;
  percent: number | null;
  narrative: string;
  /** What staff reported as figures and evidence; links only to web pages (http/https). */
  figures: Figure[];
  evidence: Array<{ url: string; title: string | null; site: string }>;
  publishedAt: string | null;
  /** The light it was published with, and what the rule gave when a supervisor set another. */
  light: UpdateLight | null;
  computedLight: UpdateLight | null;
  plannedPercent: number | null;
  lightOverrideReason: string | null;
  /** When behind: 落後原因, 因應對策, 預計改善日期; and why the % went down. */
  delayCause: string | null;
  remedy: string | null;
  catchUpDate: string | null;
  percentDropReason: string | null;
  periodFrom: string;
  periodTo: string;
  updatedAt: string;
  version: number;
  authorDepartments: DepartmentRef[];
};

export type NodePage = NodeRef & {
  lineFrom: number;
  lineTo: number;
  retired: boolean;
  document: {
    id: number;
    title: string;
    kind: DocumentKindSlug;
    yearFrom: number | null;
    yearTo: number | null;
  };
  department: DepartmentRef | null;
  /** Root first, not including this node. */
  ancestors: NodeRef[];
  children: NodeRef[];
  /** The source text of the node's lines, numbered. */
  excerpt: Array<{ line: number; text: string }>;
  /** Strategies this item serves, and items serving this strategy; rejected suggestions left out. */
  serves: LinkedNode[];
  servedBy: LinkedNode[];
  progress: ProgressTimelineEntry[];
  /** When the node is tracked: its light today and its planned vs actual % per period. */
  tracking: {
    light: Light;
    /** The lead department (主辦) of the first set tracking it, when one is assigned. */
    lead: DepartmentRef | null;
    periods: Array<CyclePeriod & { planned: number | null; actual: number | null }>;
  } | null;
  /** For a strategy or vision: the lights of the tracked items under it this year. */
  rollUp: TrackedLights | null;
  figures: Array<{ id: number; valueText: string; unit: string; label: string | null; sentence: string }>;
  /** For plan items: figures from the department's council reports that speak to the item, best first. */
  relatedFigures: Array<{
    id: number;
    valueText: string;
    unit: string;
    sentence: string;
    report: { id: number; title: string; presentedOn: string | null };
  }>;
};

const refSelect = { id: true, kind: true, numberLabel: true, title: true, text: true } as const;
const toRef = ({ id, kind, numberLabel, title, text }: NodeRef): NodeRef => ({
  id,
  kind,
  numberLabel,
  title,
  text,
});
const deptSelect = { select: { slug: true, nameZh: true, nameEn: true } } as const;
const linkedSelect = {
  ...refSelect,
  department: deptSelect,
  document: { select: { id: true, title: true, kind: true, rocYearFrom: true } },
} as const;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Evidence as stored, shown only when it is a web address, with its site named (never a script URL). */
function publicEvidence(json: unknown): ProgressTimelineEntry["evidence"] {
  return readEvidenceLinks(json).flatMap((link) => {
    try {
      const url = new URL(link.url);
      return url.protocol === "https:" || url.protocol === "http:"
        ? [{ url: url.href, title: link.title, site: url.hostname.replace(/^www\./u, "") }]
        : [];
    } catch {
      return [];
    }
  });
}
const yearOf = rocToGregorianOrNull;

/** Everything an agenda item's, strategy's or section's page shows. Null when unknown. */
export async function getNodePage(db: Db, id: number, today: string): Promise<NodePage | null> {
  const node = await db.planNode.findUnique({
    where: { id },
    select: {
      ...refSelect,
      parentId: true,
      lineFrom: true,
      lineTo: true,
      retiredAt: true,
      departmentId: true,
      department: deptSelect,
      document: {
        select: { id: true, title: true, kind: true, rocYearFrom: true, rocYearTo: true, rawText: true },
      },
      children: { select: refSelect, orderBy: { position: "asc" } },
      linksFrom: {
        where: { origin: { not: "rejected" } },
        select: { origin: true, score: true, toNode: { select: linkedSelect } },
        orderBy: [{ origin: "asc" }, { score: { sort: "desc", nulls: "last" } }],
      },
      linksTo: {
        where: { origin: { not: "rejected" } },
        select: { origin: true, score: true, fromNode: { select: linkedSelect } },
        orderBy: [{ origin: "asc" }, { score: { sort: "desc", nulls: "last" } }],
      },
      progressEntries: {
        where: PUBLIC_ENTRY,
        orderBy: [{ periodFrom: "desc" }, { updatedAt: "desc" }],
        select: {
          id: true,
          status: true,
          percent: true,
          narrative: true,
          figures: true,
          evidenceLinks: true,
          publishedAt: true,
          light: true,
          computedLight: true,
          plannedPercent: true,
          lightOverrideReason: true,
          delayCause: true,
          remedy: true,
          catchUpDate: true,
          percentDropReason: true,
          periodFrom: true,
          periodTo: true,
          updatedAt: true,
          version: true,
          author: { select: { memberships: { select: { department: deptSelect } } } },
        },
      },
      figures: {
        select: { id: true, valueText: true, unit: true, label: true, sentence: true },
        orderBy: { lineFrom: "asc" },
      },
    },
  });
  if (!node) return null;

  const ancestors: NodeRef[] = (await ancestorsOf(db, node.id)).map(toRef);

  const relatedFigures = await findRelatedFigures(db, node);

  const lines = node.document.rawText.split("\n");
  const excerpt = [];
  for (let line = node.lineFrom; line <= Math.min(node.lineTo, node.lineFrom + 40); line++) {
    const text = lines[line - 1] ?? "";
    if (text.trim()) excerpt.push({ line, text });
  }

  const linked = (
    l: { origin: LinkOrigin; score: number | null },
    n: NodeRef & {
      department: DepartmentRef | null;
      document: {
        id: number;
        title: string;
        kind: Parameters<typeof kindFromDb>[0];
        rocYearFrom: number | null;
      };
    },
  ): LinkedNode => ({
    id: n.id,
    kind: n.kind,
    numberLabel: n.numberLabel,
    title: n.title,
    text: n.text,
    origin: l.origin,
    score: l.score,
    department: n.department,
    document: {
      id: n.document.id,
      title: n.document.title,
      kind: kindFromDb(n.document.kind),
      year: yearOf(n.document.rocYearFrom),
    },
  });

  return {
    id: node.id,
    kind: node.kind,
    numberLabel: node.numberLabel,
    title: node.title,
    text: node.text,
    lineFrom: node.lineFrom,
    lineTo: node.lineTo,
    retired: node.retiredAt !== null,
    department: node.department,
    document: {
      id: node.document.id,
      title: node.document.title,
      kind: kindFromDb(node.document.kind),
      yearFrom: yearOf(node.document.rocYearFrom),
      yearTo: yearOf(node.document.rocYearTo),
    },
    ancestors,
    children: node.children,
    excerpt,
    serves: node.linksFrom.map((l) => linked(l, l.toNode)),
    servedBy: node.linksTo.map((l) => linked(l, l.fromNode)),
    progress: node.progressEntries.map((e) => ({
      id: e.id,
      status: e.status,
      percent: e.percent,
      narrative: e.narrative,
      figures: readFigures(e.figures),
      evidence: publicEvidence(e.evidenceLinks),
      publishedAt: e.publishedAt?.toISOString() ?? null,
      light: e.light,
      computedLight: e.computedLight,
      plannedPercent: e.plannedPercent,
      lightOverrideReason: e.lightOverrideReason,
      delayCause: e.delayCause,
      remedy: e.remedy,
      catchUpDate: e.catchUpDate ? isoDay(e.catchUpDate) : null,
      percentDropReason: e.percentDropReason,
      periodFrom: isoDay(e.periodFrom),
      periodTo: isoDay(e.periodTo),
      updatedAt: e.updatedAt.toISOString(),
      version: e.version,
      authorDepartments: e.author.memberships.map((m) => m.department),
    })),
    tracking: await trackingOf(db, node.id, node.progressEntries, today),
    rollUp: await trackedUnder(db, node.id, today),
    figures: node.figures,
    relatedFigures,
  };
}

/**
 * A tracked node's light today and its curve: the first set tracking it (by id), its latest
 * approved planned progress, and the % of the newest published update of each period.
 */
async function trackingOf(
  db: Db,
  nodeId: number,
  published: ReadonlyArray<{ periodTo: Date; percent: number | null }>,
  today: string,
): Promise<NodePage["tracking"]> {
  const item = await db.trackedItem.findFirst({
    where: { nodeId },
    orderBy: { id: "asc" },
    select: {
      id: true,
      leadDepartment: deptSelect,
      set: { select: { cadence: true, fromDay: true, toDay: true } },
      plans: {
        where: { state: "approved" },
        orderBy: { version: "desc" },
        take: 1,
        select: { points: true },
      },
    },
  });
  if (!item) return null;
  const [lightNow] = await trackedItemLights(db, { id: item.id }, today);
  const points = readPlanPoints(item.plans[0]?.points ?? []);
  const periods = periodsBetween(
    item.set.cadence,
    calendarDay(item.set.fromDay),
    calendarDay(item.set.toDay),
  );
  return {
    light: lightNow?.light ?? "unrated",
    lead: item.leadDepartment,
    periods: periods.map((p) => ({
      ...p,
      planned: plannedAt(points, p.to),
      // Entries come newest first: the first reaching this period's end is its latest word.
      actual: published.find((e) => calendarDay(e.periodTo) === p.to)?.percent ?? null,
    })),
  };
}

/** A plan item's department's report figures, ranked by how much their sentence is like the item. */
async function findRelatedFigures(
  db: Db,
  node: { departmentId: number | null; title: string | null; text: string; document: { kind: string } },
): Promise<NodePage["relatedFigures"]> {
  if (node.departmentId === null || node.document.kind === "council_report") return [];
  const figures = await db.reportFigure.findMany({
    where: { document: { kind: "council_report", departmentId: node.departmentId } },
    select: {
      id: true,
      valueText: true,
      unit: true,
      sentence: true,
      document: { select: { id: true, title: true, presentedOn: true } },
    },
  });
  const byId = new Map(figures.map((f) => [f.id, f]));
  const subject = `${node.title ?? ""}${node.text}`;
  return rankRelated(
    subject,
    figures.map((f) => ({ id: f.id, text: f.sentence })),
  ).flatMap(({ id }) => {
    const f = byId.get(id);
    if (!f) return [];
    const presentedOn = f.document.presentedOn?.toISOString().slice(0, 10) ?? null;
    return [
      {
        id: f.id,
        valueText: f.valueText,
        unit: f.unit,
        sentence: f.sentence,
        report: { id: f.document.id, title: f.document.title, presentedOn },
      },
    ];
  });
}
