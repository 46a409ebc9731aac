import "server-only";
import { PUBLIC_ENTRY } from "@/lib/domain/updates";
import { assertCan, type SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { type BudgetBreakdown, budgetBreakdown } from "@/lib/domain/budget";
import { groupBy } from "@/lib/domain/collections";
import { DOCUMENT_KIND_SLUGS, type DocumentKindSlug, kindFromDb } from "@/lib/domain/document-kind";
import { ACCOUNTABLE_KINDS } from "@/lib/domain/nodes";
import { documentCoversYear } from "@/lib/domain/plan-years";
import { countStatuses, type StatusCounts, type StatusOrNone } from "@/lib/domain/progress";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DocumentKind, ProgressStatus } from "@/lib/generated/prisma/enums";
import type { DepartmentRef } from "@/lib/queries/documents";
import { budgetLineOrder, budgetLineSelect } from "@/lib/queries/fragments";
import {
  type BudgetComparison,
  compareBudgets,
  compareFigures,
  type FigureSide,
  statusChanges,
} from "./compare";
import {
  assertCouncilYear,
  gregorianToRoc,
  periodEnd,
  periodStart,
  planYears,
  reportYear,
  yearsOf,
} from "./periods";
import { excerpt, progressAsOfQuery } from "./progress";
import { type ReportSection, reportSections } from "./sections";

/*
 * Read models of the council area (issue 7): per department and period (a Gregorian year), what was
 * planned, budgeted, reported and recorded, and how that changed between two periods. Councillors and
 * administrators only: every function asks `can(user, { action: "council.read" })` before anything
 * else and throws PermissionDeniedError otherwise. Results are plain objects (Dates included).
 */

export type CouncilPeriod = {
  year: number;
  /** Kinds of document that cover the year, in DOCUMENT_KIND_SLUGS order. */
  kinds: DocumentKindSlug[];
  documentCount: number;
};

export type CouncilDepartmentSummary = {
  department: DepartmentRef;
  itemCount: number;
  /** Each item's latest status as of the period end. */
  statusCounts: StatusCounts;
  /** Total of the year's department-plan budget (its authoritative table), NT$ thousands; null if none. */
  budgetTotalThousands: number | null;
  reportCount: number;
  figureCount: number;
};

export type CouncilOverview = { year: number; departments: CouncilDepartmentSummary[] };

export type CouncilItemProgress = {
  status: ProgressStatus;
  percent: number | null;
  /** At most 120 characters. */
  narrativeExcerpt: string;
  periodYear: number;
  periodQuarter: number | null;
  updatedAt: Date;
};

export type CouncilStrategyRef = { id: number; numberLabel: string | null; title: string | null };

export type CouncilItem = {
  id: number;
  numberLabel: string | null;
  /** Null for most agenda items and key points: show `text` then. */
  title: string | null;
  text: string;
  document: { id: number; title: string; kind: DocumentKindSlug };
  /** The latest non-withdrawn entry whose period began by the period end. */
  latest: CouncilItemProgress | null;
  noUpdate: boolean;
  /** Strategies served (links of kind serves not rejected), confirmed ones first. */
  serves: Array<CouncilStrategyRef & { confirmed: boolean }>;
};

export type CouncilBudget = BudgetBreakdown & { document: { id: number; title: string } };

export type CouncilFigure = {
  id: number;
  value: number;
  valueText: string;
  unit: string;
  label: string | null;
  sentence: string;
  nodeId: number | null;
};

export type CouncilReport = {
  document: {
    id: number;
    title: string;
    presenter: string | null;
    presentedOn: Date | null;
    councilSession: string | null;
    periodFrom: Date | null;
    periodTo: Date | null;
  };
  sections: ReportSection[];
  figures: CouncilFigure[];
};

export type DepartmentReport = {
  department: DepartmentRef;
  year: number;
  items: CouncilItem[];
  statusCounts: StatusCounts;
  budget: CouncilBudget | null;
  reports: CouncilReport[];
  strategies: Array<CouncilStrategyRef & { confirmed: boolean; itemIds: number[] }>;
};

export type CouncilItemRef = { id: number; numberLabel: string | null; title: string | null; text: string };

export type CouncilStatusChange = { item: CouncilItemRef; from: StatusOrNone; to: StatusOrNone };

export type DepartmentComparison = {
  department: DepartmentRef;
  /** The earlier year, whichever order the years were asked in. */
  a: number;
  /** The later year. */
  b: number;
  /** Items of plans covering both years whose status at the end of A differs from that at the end of B. */
  statusChanges: CouncilStatusChange[];
  newlyDelayed: CouncilStatusChange[];
  newlyDone: CouncilStatusChange[];
  budget: BudgetComparison;
  figures: {
    changed: Array<{ label: string; unit: string; a: FigureSide; b: FigureSide }>;
    unchanged: number;
    onlyA: number;
    onlyB: number;
  };
};

const PLAN_KINDS: DocumentKind[] = ["policy_outline", "mid_term_plan", "department_plan"];
const departmentSelect = { id: true, slug: true, nameZh: true, nameEn: true } as const;

/** Plans covering the year (lib/domain/plan-years.ts). */
function planCoversYear(year: number): Prisma.SourceDocumentWhereInput {
  return { kind: { in: PLAN_KINDS }, ...documentCoversYear(year) };
}

/** Council reports of the year: the SQL side of periods.ts's reportYear. */
function reportInYear(year: number): Prisma.SourceDocumentWhereInput {
  const within = { gte: periodStart(year), lte: periodEnd(year) };
  return {
    kind: "council_report",
    OR: [
      { periodTo: within },
      { periodTo: null, presentedOn: within },
      { periodTo: null, presentedOn: null, rocYearTo: gregorianToRoc(year) },
    ],
  };
}

/** A department's nodes: the owner stored at import (lib/domain/nodes.ts), read as stored. */
function ownedBy(departmentId: number): Prisma.PlanNodeWhereInput {
  return { departmentId };
}

/** Accountable, current nodes of plans covering every one of the years. */
function itemsOfPlans(years: number[]): Prisma.PlanNodeWhereInput {
  return {
    kind: { in: ACCOUNTABLE_KINDS },
    retiredAt: null,
    document: { AND: years.map(planCoversYear) },
  };
}

/** Documents then lines, parents before their children on the same line. */
const itemOrder: Prisma.PlanNodeOrderByWithRelationInput[] = [
  { document: { rocYearFrom: { sort: "asc", nulls: "last" } } },
  { documentId: "asc" },
  { lineFrom: "asc" },
  { depth: "asc" },
  { position: "asc" },
];

async function findDepartment(db: Db, slug: string) {
  return db.department.findUnique({ where: { slug }, select: departmentSelect });
}

const deptRef = (d: { slug: string; nameZh: string; nameEn: string }): DepartmentRef => ({
  slug: d.slug,
  nameZh: d.nameZh,
  nameEn: d.nameEn,
});

/**
 * The year's budget of a department: the newest department plan's lines for that fiscal year (a
 * corrected plan replaces, never adds), as budgetBreakdown reads them.
 */
async function loadBudget(db: Db, departmentId: number, year: number): Promise<CouncilBudget | null> {
  const where = { departmentId, fiscalYear: year, document: { kind: "department_plan" as const } };
  const latest = await db.budgetLine.findFirst({
    where,
    orderBy: [{ document: { importedAt: "desc" } }, { documentId: "desc" }],
    select: { document: { select: { id: true, title: true } } },
  });
  if (!latest) return null;
  const lines = await db.budgetLine.findMany({
    where: { ...where, documentId: latest.document.id },
    select: budgetLineSelect,
    orderBy: budgetLineOrder,
  });
  const breakdown = budgetBreakdown(lines);
  return breakdown ? { ...breakdown, document: latest.document } : null;
}

/** The years that have any plan or council report, newest first, with the kinds of document covering each. */
export async function listCouncilPeriods(db: Db, user: SessionUser | null): Promise<CouncilPeriod[]> {
  assertCan(user, { action: "council.read" });
  const documents = await db.sourceDocument.findMany({
    select: {
      kind: true,
      rocYearFrom: true,
      rocYearTo: true,
      periodFrom: true,
      periodTo: true,
      presentedOn: true,
    },
  });
  const years = new Map<number, { kinds: Set<DocumentKindSlug>; documentCount: number }>();
  for (const doc of documents) {
    const covered =
      doc.kind === "council_report"
        ? [reportYear(doc)].filter((y): y is number => y !== null)
        : yearsOf(planYears(doc));
    for (const year of covered) {
      const entry = years.get(year) ?? { kinds: new Set<DocumentKindSlug>(), documentCount: 0 };
      entry.kinds.add(kindFromDb(doc.kind));
      entry.documentCount += 1;
      years.set(year, entry);
    }
  }
  return [...years.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, { kinds, documentCount }]) => ({
      year,
      kinds: DOCUMENT_KIND_SLUGS.filter((k) => kinds.has(k)),
      documentCount,
    }));
}

/** Every department with items, a budget or a council report in the year, in the departments' order. */
export async function getCouncilOverview(
  db: Db,
  user: SessionUser | null,
  year: number,
): Promise<CouncilOverview> {
  assertCan(user, { action: "council.read" });
  assertCouncilYear(year);
  const end = periodEnd(year);
  const [departments, items, budgetLines, reports] = await Promise.all([
    db.department.findMany({ select: departmentSelect, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] }),
    db.planNode.findMany({
      where: itemsOfPlans([year]),
      select: {
        departmentId: true,
        progressEntries: { ...progressAsOfQuery(end), select: { status: true } },
      },
    }),
    db.budgetLine.findMany({
      where: { fiscalYear: year, departmentId: { not: null }, document: { kind: "department_plan" } },
      select: {
        ...budgetLineSelect,
        departmentId: true,
        documentId: true,
        document: { select: { importedAt: true } },
      },
      orderBy: budgetLineOrder,
    }),
    db.sourceDocument.findMany({
      where: { ...reportInYear(year), departmentId: { not: null } },
      select: { departmentId: true, _count: { select: { figures: true } } },
    }),
  ]);

  const statuses = new Map<number, Array<ProgressStatus | null>>();
  for (const item of items) {
    const departmentId = item.departmentId;
    if (departmentId === null) continue;
    const list = statuses.get(departmentId) ?? [];
    list.push(item.progressEntries[0]?.status ?? null);
    statuses.set(departmentId, list);
  }

  const budgetTotals = new Map<number, number>();
  for (const [departmentId, lines] of groupBy(budgetLines, (l) => l.departmentId as number)) {
    // The newest plan's lines only, as loadBudget does for one department.
    const newest = [...lines].sort(
      (x, y) =>
        y.document.importedAt.getTime() - x.document.importedAt.getTime() || y.documentId - x.documentId,
    )[0];
    const breakdown = budgetBreakdown(lines.filter((l) => l.documentId === newest?.documentId));
    if (breakdown) budgetTotals.set(departmentId, breakdown.total);
  }

  const reportCounts = new Map<number, { reports: number; figures: number }>();
  for (const report of reports) {
    if (report.departmentId === null) continue;
    const counts = reportCounts.get(report.departmentId) ?? { reports: 0, figures: 0 };
    counts.reports += 1;
    counts.figures += report._count.figures;
    reportCounts.set(report.departmentId, counts);
  }

  return {
    year,
    departments: departments.flatMap((d) => {
      const latest = statuses.get(d.id) ?? [];
      const budgetTotal = budgetTotals.get(d.id) ?? null;
      const counts = reportCounts.get(d.id);
      if (latest.length === 0 && budgetTotal === null && !counts) return [];
      return [
        {
          department: deptRef(d),
          itemCount: latest.length,
          statusCounts: countStatuses(latest),
          budgetTotalThousands: budgetTotal,
          reportCount: counts?.reports ?? 0,
          figureCount: counts?.figures ?? 0,
        },
      ];
    }),
  };
}

/** A department's council reports of the year, oldest first, with their outline and figures. */
async function loadReports(db: Db, departmentId: number, year: number): Promise<CouncilReport[]> {
  const rows = await db.sourceDocument.findMany({
    where: { ...reportInYear(year), departmentId },
    select: {
      id: true,
      title: true,
      presenter: true,
      presentedOn: true,
      councilSession: true,
      periodFrom: true,
      periodTo: true,
      nodes: {
        where: { retiredAt: null },
        select: { id: true, parentId: true, kind: true, numberLabel: true, title: true },
        orderBy: [{ lineFrom: "asc" }, { depth: "asc" }, { position: "asc" }],
      },
      figures: {
        select: {
          id: true,
          value: true,
          valueText: true,
          unit: true,
          label: true,
          sentence: true,
          nodeId: true,
        },
        orderBy: [{ lineFrom: "asc" }, { id: "asc" }],
      },
    },
    orderBy: [
      { periodTo: { sort: "asc", nulls: "last" } },
      { presentedOn: { sort: "asc", nulls: "last" } },
      { id: "asc" },
    ],
  });
  return rows.map(({ nodes, figures, ...document }) => ({
    document,
    sections: reportSections(nodes, figures),
    figures,
  }));
}

/**
 * What a department planned, budgeted, reported and recorded for a year. Null for an unknown
 * department; a RangeError for a year that is not one.
 */
export async function getDepartmentReport(
  db: Db,
  user: SessionUser | null,
  slug: string,
  year: number,
): Promise<DepartmentReport | null> {
  assertCan(user, { action: "council.read" });
  assertCouncilYear(year);
  const department = await findDepartment(db, slug);
  if (!department) return null;
  const end = periodEnd(year);

  const [rows, budget, reports] = await Promise.all([
    db.planNode.findMany({
      where: { AND: [itemsOfPlans([year]), ownedBy(department.id)] },
      select: {
        id: true,
        numberLabel: true,
        title: true,
        text: true,
        document: { select: { id: true, title: true, kind: true } },
        progressEntries: {
          ...progressAsOfQuery(end),
          select: {
            status: true,
            percent: true,
            narrative: true,
            periodYear: true,
            periodQuarter: true,
            updatedAt: true,
          },
        },
        linksFrom: {
          where: { kind: "serves", origin: { not: "rejected" } },
          select: {
            origin: true,
            score: true,
            toNode: { select: { id: true, numberLabel: true, title: true } },
          },
          orderBy: [{ score: { sort: "desc", nulls: "last" } }, { toNodeId: "asc" }],
        },
      },
      orderBy: itemOrder,
    }),
    loadBudget(db, department.id, year),
    loadReports(db, department.id, year),
  ]);

  const items: CouncilItem[] = rows.map((row) => {
    const entry = row.progressEntries[0];
    const serves = [...row.linksFrom]
      .sort((x, y) => Number(y.origin === "confirmed") - Number(x.origin === "confirmed"))
      .map((l) => ({ ...l.toNode, confirmed: l.origin === "confirmed" }));
    return {
      id: row.id,
      numberLabel: row.numberLabel,
      title: row.title,
      text: row.text,
      document: { id: row.document.id, title: row.document.title, kind: kindFromDb(row.document.kind) },
      latest: entry
        ? {
            status: entry.status,
            percent: entry.percent,
            narrativeExcerpt: excerpt(entry.narrative),
            periodYear: entry.periodYear,
            periodQuarter: entry.periodQuarter,
            updatedAt: entry.updatedAt,
          }
        : null,
      noUpdate: !entry,
      serves,
    };
  });

  const strategies = new Map<number, DepartmentReport["strategies"][number]>();
  for (const item of items) {
    for (const s of item.serves) {
      const strategy = strategies.get(s.id) ?? { ...s, confirmed: false, itemIds: [] };
      strategy.confirmed ||= s.confirmed;
      strategy.itemIds.push(item.id);
      strategies.set(s.id, strategy);
    }
  }

  return {
    department: deptRef(department),
    year,
    items,
    statusCounts: countStatuses(items.map((i) => i.latest?.status ?? null)),
    budget,
    reports,
    strategies: [...strategies.values()],
  };
}

/**
 * How a department's two periods differ: statuses of the items both periods share, the budget line
 * by line, and the report figures that count the same thing. The years may come in either order;
 * the result always has `a` the earlier one (from → to, differences b − a). Null for an unknown
 * department.
 */
export async function compareDepartmentPeriods(
  db: Db,
  user: SessionUser | null,
  slug: string,
  yearA: number,
  yearB: number,
): Promise<DepartmentComparison | null> {
  assertCan(user, { action: "council.read" });
  assertCouncilYear(yearA);
  assertCouncilYear(yearB);
  const department = await findDepartment(db, slug);
  if (!department) return null;
  const a = Math.min(yearA, yearB);
  const b = Math.max(yearA, yearB);

  const figureSelect = { id: true, value: true, valueText: true, unit: true, label: true, documentId: true };
  const reportFigures = (year: number) =>
    db.reportFigure.findMany({
      where: { document: { ...reportInYear(year), departmentId: department.id } },
      select: figureSelect,
      orderBy: [
        { document: { periodTo: { sort: "asc", nulls: "last" } } },
        { document: { presentedOn: { sort: "asc", nulls: "last" } } },
        { documentId: "asc" },
        { lineFrom: "asc" },
        { id: "asc" },
      ],
    });

  const [shared, budgetA, budgetB, figuresA, figuresB] = await Promise.all([
    db.planNode.findMany({
      where: { AND: [itemsOfPlans([a, b]), ownedBy(department.id)] },
      select: {
        id: true,
        numberLabel: true,
        title: true,
        text: true,
        progressEntries: {
          where: { ...PUBLIC_ENTRY, periodFrom: { lte: periodEnd(b) } },
          select: { status: true, periodFrom: true, updatedAt: true, withdrawnAt: true },
        },
      },
      orderBy: itemOrder,
    }),
    loadBudget(db, department.id, a),
    loadBudget(db, department.id, b),
    reportFigures(a),
    reportFigures(b),
  ]);

  const changes = statusChanges(
    shared.map(({ progressEntries, ...item }) => ({ item, entries: progressEntries })),
    periodEnd(a),
    periodEnd(b),
  );
  return {
    department: deptRef(department),
    a,
    b,
    statusChanges: changes,
    newlyDelayed: changes.filter((c) => c.to === "delayed"),
    newlyDone: changes.filter((c) => c.to === "completed"),
    budget: compareBudgets(budgetA, budgetB),
    figures: compareFigures(figuresA, figuresB),
  };
}
