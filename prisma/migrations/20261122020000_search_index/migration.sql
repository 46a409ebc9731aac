-- Search index (issue 5, docs/decisions/004-chinese-search.md).
-- pg_trgm serves quoted phrases (a LIKE on the folded text). It ships with PostgreSQL contrib and with
-- PGlite (loaded in lib/db/embedded.ts), and is a trusted extension: the database owner may create it.
-- (No semicolons or quotes in these comments: the migration engine splits the script on them.)
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateTable
CREATE TABLE "SearchEntry" (
    "id" SERIAL NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "documentId" INTEGER NOT NULL,
    "nodeId" INTEGER,
    "departmentId" INTEGER,
    "yearFrom" INTEGER,
    "yearTo" INTEGER,
    "status" TEXT,
    "retired" BOOLEAN NOT NULL DEFAULT false,
    "boost" REAL NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "folded" TEXT NOT NULL,
    "vector" tsvector NOT NULL,
    "indexVersion" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SearchEntry_documentId_idx" ON "SearchEntry"("documentId");

-- CreateIndex
CREATE INDEX "SearchEntry_vector_idx" ON "SearchEntry" USING GIN ("vector");

-- CreateIndex
CREATE INDEX "SearchEntry_folded_idx" ON "SearchEntry" USING GIN ("folded" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "SearchEntry_entityType_entityId_key" ON "SearchEntry"("entityType", "entityId");

