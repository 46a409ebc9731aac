import "server-only";
import type { Db } from "@/lib/db/client";
import { type PageRequest, type Paged, skipTake } from "../pagination";
import type { BudgetLineRecord } from "../schemas";
import { departmentRefSelect, documentRefSelect, toDocumentRef } from "./shared";

export type BudgetLineFilter = { department?: string; year?: number; document?: number };

/** Budget lines as published, in each document's printed order. */
export async function listApiBudgetLines(
  db: Db,
  query: BudgetLineFilter & PageRequest,
): Promise<Paged<BudgetLineRecord>> {
  const where = {
    department: query.department ? { slug: query.department } : undefined,
    fiscalYear: query.year,
    documentId: query.document,
  };
  const [total, rows] = await Promise.all([
    db.budgetLine.count({ where }),
    db.budgetLine.findMany({
      where,
      select: {
        id: true,
        document: { select: documentRefSelect },
        department: departmentRefSelect,
        nodeId: true,
        parentId: true,
        tableName: true,
        stableKey: true,
        fiscalYear: true,
        label: true,
        name: true,
        amountThousands: true,
        note: true,
        position: true,
        lineFrom: true,
        lineTo: true,
      },
      orderBy: [{ documentId: "asc" }, { lineFrom: "asc" }, { id: "asc" }],
      ...skipTake(query),
    }),
  ]);
  return { rows: rows.map((r) => ({ ...r, document: toDocumentRef(r.document) })), total };
}
