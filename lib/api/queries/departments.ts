import "server-only";
import type { Db } from "@/lib/db/client";
import { ACCOUNTABLE_KINDS } from "@/lib/domain/nodes";
import { type PageRequest, type Paged, skipTake } from "../pagination";
import type { DepartmentDetailRecord, DepartmentRecord } from "../schemas";
import { documentRefSelect, toDocumentRef } from "./shared";

const departmentSelect = {
  slug: true,
  nameZh: true,
  nameEn: true,
  aliases: { select: { alias: true }, orderBy: { alias: "asc" } },
  _count: { select: { documents: true, nodes: { where: { kind: { in: ACCOUNTABLE_KINDS } } } } },
} as const;

type DepartmentRow = {
  slug: string;
  nameZh: string;
  nameEn: string;
  aliases: Array<{ alias: string }>;
  _count: { documents: number; nodes: number };
};

function toRecord(row: DepartmentRow): DepartmentRecord {
  return {
    slug: row.slug,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    aliases: row.aliases.map((a) => a.alias),
    documentCount: row._count.documents,
    itemCount: row._count.nodes,
  };
}

/** Departments in the city's order, with their other names and how much the tracker holds on each. */
export async function listApiDepartments(db: Db, query: PageRequest): Promise<Paged<DepartmentRecord>> {
  const [total, rows] = await Promise.all([
    db.department.count(),
    db.department.findMany({
      select: departmentSelect,
      orderBy: [{ sortOrder: "asc" }, { slug: "asc" }],
      ...skipTake(query),
    }),
  ]);
  return { rows: rows.map(toRecord), total };
}

/** One department with its documents, newest first; null when no department has the slug. */
export async function getApiDepartment(db: Db, slug: string): Promise<DepartmentDetailRecord | null> {
  const row = await db.department.findUnique({
    where: { slug },
    select: {
      ...departmentSelect,
      documents: {
        select: documentRefSelect,
        orderBy: [
          { rocYearFrom: { sort: "desc", nulls: "last" } },
          { presentedOn: { sort: "desc", nulls: "last" } },
          { id: "asc" },
        ],
      },
    },
  });
  if (!row) return null;
  return { ...toRecord(row), documents: row.documents.map(toDocumentRef) };
}
