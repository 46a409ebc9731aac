-- CreateEnum
CREATE TYPE "Cadence" AS ENUM ('monthly', 'quarterly', 'half_yearly');

-- CreateEnum
CREATE TYPE "TrackingState" AS ENUM ('tracking', 'closed');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "Role" ADD VALUE 'supervisor';
ALTER TYPE "Role" ADD VALUE 'reviewer';

-- CreateTable
CREATE TABLE "TrackedSet" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "cadence" "Cadence" NOT NULL DEFAULT 'quarterly',
    "fromDay" DATE NOT NULL,
    "toDay" DATE NOT NULL,
    "staffDueDays" INTEGER NOT NULL DEFAULT 10,
    "supervisorDueDays" INTEGER NOT NULL DEFAULT 15,
    "reviewDueDays" INTEGER NOT NULL DEFAULT 20,
    "graceDays" INTEGER NOT NULL DEFAULT 5,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrackedSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrackedItem" (
    "id" SERIAL NOT NULL,
    "setId" INTEGER NOT NULL,
    "nodeId" INTEGER NOT NULL,
    "leadDepartmentId" INTEGER,
    "coDepartmentIds" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "state" "TrackingState" NOT NULL DEFAULT 'tracking',
    "closedReason" TEXT,
    "closedAt" TIMESTAMP(3),
    "closedById" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrackedItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportingCycle" (
    "id" SERIAL NOT NULL,
    "setId" INTEGER NOT NULL,
    "periodKey" TEXT NOT NULL,
    "periodFrom" DATE NOT NULL,
    "periodTo" DATE NOT NULL,
    "staffDue" DATE NOT NULL,
    "supervisorDue" DATE NOT NULL,
    "reviewDue" DATE NOT NULL,
    "lateAfter" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportingCycle_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TrackedItem_leadDepartmentId_state_idx" ON "TrackedItem"("leadDepartmentId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "TrackedItem_setId_nodeId_key" ON "TrackedItem"("setId", "nodeId");

-- CreateIndex
CREATE INDEX "ReportingCycle_staffDue_idx" ON "ReportingCycle"("staffDue");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingCycle_setId_periodKey_key" ON "ReportingCycle"("setId", "periodKey");

-- AddForeignKey
ALTER TABLE "TrackedSet" ADD CONSTRAINT "TrackedSet_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrackedItem" ADD CONSTRAINT "TrackedItem_setId_fkey" FOREIGN KEY ("setId") REFERENCES "TrackedSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrackedItem" ADD CONSTRAINT "TrackedItem_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "PlanNode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrackedItem" ADD CONSTRAINT "TrackedItem_leadDepartmentId_fkey" FOREIGN KEY ("leadDepartmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrackedItem" ADD CONSTRAINT "TrackedItem_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportingCycle" ADD CONSTRAINT "ReportingCycle_setId_fkey" FOREIGN KEY ("setId") REFERENCES "TrackedSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

