import "server-only";
import { PUBLIC_ENTRY } from "@/lib/domain/updates";
/**
 * Query fragments that encode a rule, so every page applies it the same way.
 */

/**
 * An item's public status is its latest published entry's: the newest period, then the newest save;
 * withdrawn ones and updates still in sign-off never count.
 */
export const latestProgressEntry = {
  where: PUBLIC_ENTRY,
  orderBy: [{ periodFrom: "desc" as const }, { updatedAt: "desc" as const }],
  take: 1,
  select: { status: true, percent: true, updatedAt: true },
};

/** What budgetBreakdown needs of a budget line, in the order that keeps siblings as printed. */
export const budgetLineSelect = {
  id: true,
  parentId: true,
  tableName: true,
  label: true,
  name: true,
  amountThousands: true,
} as const;

export const budgetLineOrder = [
  { parentId: { sort: "asc" as const, nulls: "first" as const } },
  { position: "asc" as const },
];
