-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('policy_outline', 'mid_term_plan', 'department_plan', 'council_report');

-- CreateEnum
CREATE TYPE "NodeKind" AS ENUM ('goal', 'vision', 'strategy', 'policy_area', 'agenda_item', 'key_point', 'program', 'section', 'point');

-- CreateEnum
CREATE TYPE "LinkKind" AS ENUM ('serves', 'related');

-- CreateEnum
CREATE TYPE "LinkOrigin" AS ENUM ('suggested', 'confirmed', 'rejected');

-- CreateEnum
CREATE TYPE "ProgressStatus" AS ENUM ('not_started', 'on_track', 'delayed', 'completed', 'cancelled');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'staff', 'councillor');

-- CreateTable
CREATE TABLE "Department" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DepartmentAlias" (
    "id" SERIAL NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DepartmentAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceDocument" (
    "id" SERIAL NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "title" TEXT NOT NULL,
    "documentKey" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "checksum" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "rocYearFrom" INTEGER,
    "rocYearTo" INTEGER,
    "periodFrom" DATE,
    "periodTo" DATE,
    "departmentId" INTEGER,
    "presenter" TEXT,
    "presentedOn" DATE,
    "councilSession" TEXT,
    "rawText" TEXT NOT NULL,
    "lineCount" INTEGER NOT NULL,
    "importedById" INTEGER,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SourceDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanNode" (
    "id" SERIAL NOT NULL,
    "documentId" INTEGER NOT NULL,
    "parentId" INTEGER,
    "kind" "NodeKind" NOT NULL,
    "numberLabel" TEXT,
    "ordinal" INTEGER,
    "position" INTEGER NOT NULL,
    "depth" INTEGER NOT NULL,
    "stableKey" TEXT NOT NULL,
    "title" TEXT,
    "text" TEXT NOT NULL,
    "departmentId" INTEGER,
    "lineFrom" INTEGER NOT NULL,
    "lineTo" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanNode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetLine" (
    "id" SERIAL NOT NULL,
    "documentId" INTEGER NOT NULL,
    "departmentId" INTEGER,
    "nodeId" INTEGER,
    "parentId" INTEGER,
    "fiscalYear" INTEGER NOT NULL,
    "label" TEXT,
    "name" TEXT NOT NULL,
    "amountThousands" INTEGER NOT NULL,
    "note" TEXT,
    "position" INTEGER NOT NULL,
    "lineFrom" INTEGER NOT NULL,
    "lineTo" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BudgetLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportFigure" (
    "id" SERIAL NOT NULL,
    "documentId" INTEGER NOT NULL,
    "nodeId" INTEGER,
    "value" DOUBLE PRECISION NOT NULL,
    "valueText" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "label" TEXT,
    "sentence" TEXT NOT NULL,
    "asOf" DATE,
    "lineFrom" INTEGER NOT NULL,
    "lineTo" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportFigure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NodeLink" (
    "id" SERIAL NOT NULL,
    "fromNodeId" INTEGER NOT NULL,
    "toNodeId" INTEGER NOT NULL,
    "kind" "LinkKind" NOT NULL DEFAULT 'serves',
    "origin" "LinkOrigin" NOT NULL DEFAULT 'suggested',
    "score" DOUBLE PRECISION,
    "confirmedById" INTEGER,
    "confirmedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NodeLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressEntry" (
    "id" SERIAL NOT NULL,
    "nodeId" INTEGER NOT NULL,
    "periodYear" INTEGER NOT NULL,
    "periodQuarter" INTEGER,
    "periodFrom" DATE NOT NULL,
    "periodTo" DATE NOT NULL,
    "status" "ProgressStatus" NOT NULL,
    "percent" INTEGER,
    "narrative" TEXT NOT NULL,
    "figures" JSONB NOT NULL DEFAULT '[]',
    "evidenceLinks" JSONB NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 1,
    "withdrawnAt" TIMESTAMP(3),
    "withdrawnReason" TEXT,
    "authorId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProgressEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressEntryVersion" (
    "id" SERIAL NOT NULL,
    "entryId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "ProgressStatus" NOT NULL,
    "percent" INTEGER,
    "narrative" TEXT NOT NULL,
    "figures" JSONB NOT NULL DEFAULT '[]',
    "evidenceLinks" JSONB NOT NULL DEFAULT '[]',
    "periodFrom" DATE NOT NULL,
    "periodTo" DATE NOT NULL,
    "withdrawnAt" TIMESTAMP(3),
    "withdrawnReason" TEXT,
    "authorId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgressEntryVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "failedSignIns" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DepartmentMembership" (
    "userId" INTEGER NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DepartmentMembership_pkey" PRIMARY KEY ("userId","departmentId")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Department_slug_key" ON "Department"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Department_nameZh_key" ON "Department"("nameZh");

-- CreateIndex
CREATE UNIQUE INDEX "DepartmentAlias_alias_key" ON "DepartmentAlias"("alias");

-- CreateIndex
CREATE INDEX "DepartmentAlias_departmentId_idx" ON "DepartmentAlias"("departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "SourceDocument_documentKey_key" ON "SourceDocument"("documentKey");

-- CreateIndex
CREATE UNIQUE INDEX "SourceDocument_checksum_key" ON "SourceDocument"("checksum");

-- CreateIndex
CREATE INDEX "SourceDocument_kind_periodFrom_idx" ON "SourceDocument"("kind", "periodFrom");

-- CreateIndex
CREATE INDEX "SourceDocument_departmentId_idx" ON "SourceDocument"("departmentId");

-- CreateIndex
CREATE INDEX "PlanNode_documentId_parentId_position_idx" ON "PlanNode"("documentId", "parentId", "position");

-- CreateIndex
CREATE INDEX "PlanNode_departmentId_kind_idx" ON "PlanNode"("departmentId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "PlanNode_documentId_stableKey_key" ON "PlanNode"("documentId", "stableKey");

-- CreateIndex
CREATE INDEX "BudgetLine_departmentId_fiscalYear_idx" ON "BudgetLine"("departmentId", "fiscalYear");

-- CreateIndex
CREATE INDEX "BudgetLine_documentId_parentId_position_idx" ON "BudgetLine"("documentId", "parentId", "position");

-- CreateIndex
CREATE INDEX "ReportFigure_documentId_idx" ON "ReportFigure"("documentId");

-- CreateIndex
CREATE INDEX "ReportFigure_nodeId_idx" ON "ReportFigure"("nodeId");

-- CreateIndex
CREATE INDEX "NodeLink_toNodeId_idx" ON "NodeLink"("toNodeId");

-- CreateIndex
CREATE UNIQUE INDEX "NodeLink_fromNodeId_toNodeId_kind_key" ON "NodeLink"("fromNodeId", "toNodeId", "kind");

-- CreateIndex
CREATE INDEX "ProgressEntry_nodeId_periodFrom_idx" ON "ProgressEntry"("nodeId", "periodFrom");

-- CreateIndex
CREATE INDEX "ProgressEntry_updatedAt_idx" ON "ProgressEntry"("updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProgressEntryVersion_entryId_version_key" ON "ProgressEntryVersion"("entryId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "DepartmentMembership_departmentId_idx" ON "DepartmentMembership"("departmentId");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- AddForeignKey
ALTER TABLE "DepartmentAlias" ADD CONSTRAINT "DepartmentAlias_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceDocument" ADD CONSTRAINT "SourceDocument_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceDocument" ADD CONSTRAINT "SourceDocument_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanNode" ADD CONSTRAINT "PlanNode_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "SourceDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanNode" ADD CONSTRAINT "PlanNode_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "PlanNode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanNode" ADD CONSTRAINT "PlanNode_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "SourceDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "PlanNode"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "BudgetLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportFigure" ADD CONSTRAINT "ReportFigure_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "SourceDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportFigure" ADD CONSTRAINT "ReportFigure_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "PlanNode"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NodeLink" ADD CONSTRAINT "NodeLink_fromNodeId_fkey" FOREIGN KEY ("fromNodeId") REFERENCES "PlanNode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NodeLink" ADD CONSTRAINT "NodeLink_toNodeId_fkey" FOREIGN KEY ("toNodeId") REFERENCES "PlanNode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NodeLink" ADD CONSTRAINT "NodeLink_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressEntry" ADD CONSTRAINT "ProgressEntry_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "PlanNode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressEntry" ADD CONSTRAINT "ProgressEntry_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressEntryVersion" ADD CONSTRAINT "ProgressEntryVersion_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "ProgressEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressEntryVersion" ADD CONSTRAINT "ProgressEntryVersion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentMembership" ADD CONSTRAINT "DepartmentMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentMembership" ADD CONSTRAINT "DepartmentMembership_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

