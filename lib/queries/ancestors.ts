import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NodeKind } from "@/lib/generated/prisma/enums";

/** One node of a path from a document's root: what the node page, the API and cache expiry need. */
export type PathNode = {
  id: number;
  parentId: number | null;
  documentId: number;
  kind: NodeKind;
  numberLabel: string | null;
  title: string | null;
  text: string;
  /** The owner stored at import (lib/domain/nodes.ts). */
  departmentId: number | null;
  departmentSlug: string | null;
};

/** Far deeper than any document nests (about six levels): only stops a corrupt parent cycle. */
const MAX_DEPTH = 64;

/**
 * The node and its ancestors, root first (the node itself last); empty when there is no such node.
 * One recursive query, whatever the depth: cheap inside a write transaction too. Plain SQL that
 * PostgreSQL 15 and PGlite both run.
 */
export async function pathToNode(db: Db | Prisma.TransactionClient, nodeId: number): Promise<PathNode[]> {
  return db.$queryRaw<PathNode[]>`
    WITH RECURSIVE chain AS (
      SELECT n.id, n."parentId", 0 AS distance FROM "PlanNode" n WHERE n.id = ${nodeId}::int
      UNION ALL
      SELECT p.id, p."parentId", c.distance + 1
      FROM "PlanNode" p JOIN chain c ON p.id = c."parentId"
      WHERE c.distance < ${MAX_DEPTH}::int
    )
    SELECT n.id, n."parentId", n."documentId", n.kind::text AS kind, n."numberLabel", n.title, n.text,
           n."departmentId", d.slug AS "departmentSlug"
    FROM chain c
    JOIN "PlanNode" n ON n.id = c.id
    LEFT JOIN "Department" d ON d.id = n."departmentId"
    ORDER BY c.distance DESC`;
}

/** A node's ancestors, root first, without the node itself. */
export async function ancestorsOf(db: Db | Prisma.TransactionClient, nodeId: number): Promise<PathNode[]> {
  return (await pathToNode(db, nodeId)).slice(0, -1);
}
