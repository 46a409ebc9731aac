
-- CreateEnum
CREATE TYPE "PlanState" AS ENUM ('proposed', 'approved', 'returned');

-- AlterTable
ALTER TABLE "ProgressEntry" ADD COLUMN     "catchUpDate" DATE,
ADD COLUMN     "delayCause" TEXT,
ADD COLUMN     "percentDropReason" TEXT,
ADD COLUMN     "remedy" TEXT;

-- AlterTable
ALTER TABLE "ProgressEntryVersion" ADD COLUMN     "catchUpDate" DATE,
ADD COLUMN     "delayCause" TEXT,
ADD COLUMN     "percentDropReason" TEXT,
ADD COLUMN     "remedy" TEXT;

-- AlterTable
ALTER TABLE "TrackedSet" ADD COLUMN     "greenThreshold" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "yellowThreshold" INTEGER NOT NULL DEFAULT 10;

-- CreateTable
CREATE TABLE "PlannedProgress" (
    "id" SERIAL NOT NULL,
    "trackedItemId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "points" JSONB NOT NULL,
    "reason" TEXT,
    "state" "PlanState" NOT NULL DEFAULT 'proposed',
    "proposedById" INTEGER NOT NULL,
    "proposedAt" TIMESTAMP(3) NOT NULL,
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "returnComment" TEXT,

    CONSTRAINT "PlannedProgress_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PlannedProgress_state_idx" ON "PlannedProgress"("state");

-- CreateIndex
CREATE UNIQUE INDEX "PlannedProgress_trackedItemId_version_key" ON "PlannedProgress"("trackedItemId", "version");

-- AddForeignKey
ALTER TABLE "PlannedProgress" ADD CONSTRAINT "PlannedProgress_trackedItemId_fkey" FOREIGN KEY ("trackedItemId") REFERENCES "TrackedItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlannedProgress" ADD CONSTRAINT "PlannedProgress_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlannedProgress" ADD CONSTRAINT "PlannedProgress_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

