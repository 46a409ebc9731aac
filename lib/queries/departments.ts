import "server-only";
import type { Db } from "@/lib/db/client";
import { type BudgetBreakdown, budgetBreakdown } from "@/lib/domain/budget";
import { groupBy } from "@/lib/domain/collections";
import { countStatuses, type StatusCounts } from "@/lib/domain/progress";
import { rocToGregorianOrNull } from "@/lib/domain/years";
import { ACCOUNTABLE_KINDS } from "@/lib/domain/nodes";
import type { NodeKind, ProgressStatus } from "@/lib/generated/prisma/enums";
import { type DocumentSummary, listDocuments } from "./documents";
import { departmentTracking, type TrackedLights } from "./lights";
import { budgetLineOrder, budgetLineSelect, latestProgressEntry } from "./fragments";

/** The kinds of node a department is accountable for: what it promised to do. */

export type DepartmentListing = {
  slug: string;
  nameZh: string;
  nameEn: string;
  aliases: string[];
  itemCount: number;
  documentCount: number;
};

/** The directory: every department with its other names and how much the tracker holds on it. */
export async function listDepartments(db: Db): Promise<DepartmentListing[]> {
  const rows = await db.department.findMany({
    orderBy: { sortOrder: "asc" },
    select: {
      slug: true,
      nameZh: true,
      nameEn: true,
      aliases: { select: { alias: true }, orderBy: { alias: "asc" } },
      _count: { select: { documents: true, nodes: { where: { kind: { in: ACCOUNTABLE_KINDS } } } } },
    },
  });
  return rows.map((d) => ({
    slug: d.slug,
    nameZh: d.nameZh,
    nameEn: d.nameEn,
    aliases: d.aliases.map((a) => a.alias),
    itemCount: d._count.nodes,
    documentCount: d._count.documents,
  }));
}

export type DepartmentItem = {
  id: number;
  kind: NodeKind;
  numberLabel: string | null;
  title: string | null;
  text: string;
  status: ProgressStatus | null;
  percent: number | null;
};

export type DepartmentPage = {
  slug: string;
  nameZh: string;
  nameEn: string;
  aliases: string[];
  /** Newest year first; each group is one document's items for that department. */
  itemsByYear: Array<{
    year: number | null;
    document: { id: number; title: string };
    items: DepartmentItem[];
  }>;
  budgets: Array<{ year: number; document: { id: number; title: string }; breakdown: BudgetBreakdown }>;
  reports: DocumentSummary[];
  progress: StatusCounts;
  /** Its items tracked this year, with their lights; null when it tracks nothing now. */
  tracking: TrackedLights | null;
};

/** A department's page: its items across years, its budgets, its reports and its progress. */
export async function getDepartmentPage(db: Db, slug: string, today: string): Promise<DepartmentPage | null> {
  const dept = await db.department.findUnique({
    where: { slug },
    select: { id: true, slug: true, nameZh: true, nameEn: true, aliases: { select: { alias: true } } },
  });
  if (!dept) return null;

  const [items, budgetLines, documents, tracking] = await Promise.all([
    db.planNode.findMany({
      where: { departmentId: dept.id, kind: { in: ACCOUNTABLE_KINDS }, retiredAt: null },
      select: {
        id: true,
        kind: true,
        numberLabel: true,
        title: true,
        text: true,
        document: { select: { id: true, title: true, rocYearFrom: true } },
        // The latest entry decides an item's status.
        progressEntries: latestProgressEntry,
      },
      orderBy: [{ document: { rocYearFrom: "desc" } }, { documentId: "asc" }, { lineFrom: "asc" }],
    }),
    db.budgetLine.findMany({
      where: { departmentId: dept.id },
      select: { ...budgetLineSelect, fiscalYear: true, document: { select: { id: true, title: true } } },
      orderBy: [{ fiscalYear: "desc" }, ...budgetLineOrder],
    }),
    listDocuments(db, { kinds: ["council-report"], departmentSlug: slug }),
    departmentTracking(db, dept.id, today),
  ]);

  const groups = new Map<number, DepartmentPage["itemsByYear"][number]>();
  for (const item of items) {
    const group = groups.get(item.document.id) ?? {
      year: rocToGregorianOrNull(item.document.rocYearFrom),
      document: { id: item.document.id, title: item.document.title },
      items: [],
    };
    const latest = item.progressEntries[0];
    group.items.push({
      id: item.id,
      kind: item.kind,
      numberLabel: item.numberLabel,
      title: item.title,
      text: item.text,
      status: latest?.status ?? null,
      percent: latest?.percent ?? null,
    });
    groups.set(item.document.id, group);
  }

  const budgets = [...groupBy(budgetLines, (l) => l.document.id).values()].flatMap((lines) => {
    const first = lines[0];
    const breakdown = budgetBreakdown(lines);
    return first && breakdown ? [{ year: first.fiscalYear, document: first.document, breakdown }] : [];
  });

  return {
    slug: dept.slug,
    nameZh: dept.nameZh,
    nameEn: dept.nameEn,
    aliases: dept.aliases.map((a) => a.alias),
    itemsByYear: [...groups.values()],
    budgets,
    reports: documents,
    progress: countStatuses(items.map((i) => i.progressEntries[0]?.status ?? null)),
    tracking,
  };
}
