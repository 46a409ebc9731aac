import "server-only";
import type { Db } from "@/lib/db/client";
import { PROGRESS_STATUSES, type StatusOrNone } from "@/lib/domain/progress";
import { documentCoversYear, planYears, yearsOf } from "@/lib/domain/plan-years";
import { rocToGregorianOrNull } from "@/lib/domain/years";
import type { NodeKind } from "@/lib/generated/prisma/enums";
import { ITEM_KINDS, type ItemsQuery } from "@/lib/validation/items-query";
import type { DepartmentRef } from "./documents";
import { latestProgressEntry } from "./fragments";

export type ItemRow = {
  id: number;
  kind: NodeKind;
  numberLabel: string | null;
  title: string;
  department: DepartmentRef | null;
  document: { id: number; title: string };
  year: number | null;
  status: StatusOrNone;
  percent: number | null;
  updatedAt: string | null;
};

export type ItemsPage = {
  rows: ItemRow[];
  total: number;
  page: number;
  pageCount: number;
  /** What the filters can be set to, from what exists. */
  options: { years: number[]; departments: DepartmentRef[] };
};

const STATUS_ORDER: StatusOrNone[] = [
  "delayed",
  "on_track",
  "not_started",
  "completed",
  "cancelled",
  "no_update",
];

/**
 * The filterable list of everything departments promised (agenda items, key points, programs,
 * strategies). Status is the latest entry's, so it is filtered and sorted after loading the rows
 * that match the other filters: fine for the city's few thousand items; a stored current status
 * would be the next step at far larger scale.
 */
export async function listItems(
  db: Db,
  query: ItemsQuery,
  options: { all?: boolean } = {},
): Promise<ItemsPage> {
  const where = {
    kind: { in: query.kind ? [query.kind] : [...ITEM_KINDS] },
    retiredAt: null,
    department: query.department ? { slug: query.department } : undefined,
    document: query.year ? documentCoversYear(query.year) : undefined,
  };
  const [nodes, years, departments] = await Promise.all([
    db.planNode.findMany({
      where,
      select: {
        id: true,
        kind: true,
        numberLabel: true,
        title: true,
        text: true,
        department: { select: { slug: true, nameZh: true, nameEn: true, sortOrder: true } },
        document: { select: { id: true, title: true, rocYearFrom: true } },
        progressEntries: latestProgressEntry,
      },
      orderBy: [{ document: { rocYearFrom: "desc" } }, { documentId: "asc" }, { lineFrom: "asc" }],
    }),
    db.sourceDocument.findMany({
      where: { kind: { in: ["policy_outline", "mid_term_plan", "department_plan"] } },
      select: { rocYearFrom: true, rocYearTo: true },
    }),
    db.department.findMany({
      where: { nodes: { some: { kind: { in: [...ITEM_KINDS] } } } },
      select: { slug: true, nameZh: true, nameEn: true },
      orderBy: { sortOrder: "asc" },
    }),
  ]);

  let rows: Array<ItemRow & { sortOrder: number }> = nodes.map((n) => {
    const latest = n.progressEntries[0];
    return {
      id: n.id,
      kind: n.kind,
      numberLabel: n.numberLabel,
      title: n.title ?? n.text,
      department: n.department
        ? { slug: n.department.slug, nameZh: n.department.nameZh, nameEn: n.department.nameEn }
        : null,
      sortOrder: n.department?.sortOrder ?? Number.MAX_SAFE_INTEGER,
      document: { id: n.document.id, title: n.document.title },
      year: rocToGregorianOrNull(n.document.rocYearFrom),
      status: latest?.status ?? "no_update",
      percent: latest?.percent ?? null,
      updatedAt: latest?.updatedAt.toISOString() ?? null,
    };
  });
  if (query.status) rows = rows.filter((r) => r.status === query.status);
  // Array.prototype.sort is stable: ties keep the document order.
  if (query.sort === "department") rows.sort((a, b) => a.sortOrder - b.sortOrder);
  if (query.sort === "status")
    rows.sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
  if (query.sort === "updated") rows.sort((a, b) => (b.updatedAt ?? "").localeCompare(a.updatedAt ?? ""));

  const total = rows.length;
  const pageCount = Math.max(1, Math.ceil(total / query.size));
  const page = Math.min(query.page, pageCount);
  const shown = options.all ? rows : rows.slice((page - 1) * query.size, page * query.size);

  const yearSet = new Set<number>();
  for (const d of years) for (const y of yearsOf(planYears(d))) yearSet.add(y);
  return {
    rows: shown.map(({ sortOrder: _sortOrder, ...r }) => r),
    total,
    page,
    pageCount,
    options: { years: [...yearSet].sort((a, b) => b - a), departments },
  };
}

export const ITEM_STATUS_FILTERS: StatusOrNone[] = [...PROGRESS_STATUSES, "no_update"];
