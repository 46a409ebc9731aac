-- A plan node's owner is decided once, at import, and stored on the node: the department it names,
-- else the one it inherits from its parent, else its document's (lib/domain/nodes.ts). Readers now use
-- the stored "departmentId" only. Nodes whose column was left NULL while their document names a
-- department get their document's: the owner every page already showed for them. City-wide nodes (no
-- department on the node or its document) stay NULL. The search index is rebuilt on the next start
-- (SEARCH_INDEX_VERSION 2), which picks up the stored owners.
UPDATE "PlanNode" AS n
SET "departmentId" = d."departmentId",
    "updatedAt" = CURRENT_TIMESTAMP
FROM "SourceDocument" AS d
WHERE n."documentId" = d."id"
  AND n."departmentId" IS NULL
  AND d."departmentId" IS NOT NULL;
