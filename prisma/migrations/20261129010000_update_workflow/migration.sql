
-- CreateEnum
CREATE TYPE "UpdateState" AS ENUM ('draft', 'submitted', 'returned', 'approved', 'published');

-- CreateEnum
CREATE TYPE "UpdateStepAction" AS ENUM ('submit', 'approve', 'return', 'publish');

-- AlterTable
ALTER TABLE "Department" ADD COLUMN     "updatesNeedReview" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "ProgressEntry" ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "returnComment" TEXT,
ADD COLUMN     "state" "UpdateState" NOT NULL DEFAULT 'published';

-- Entries written before the workflow existed were public already: they stay published (as of
-- their last save). From now on a new update starts as a draft.
UPDATE "ProgressEntry" SET "publishedAt" = "updatedAt";
ALTER TABLE "ProgressEntry" ALTER COLUMN "state" SET DEFAULT 'draft';

-- CreateTable
CREATE TABLE "UpdateStep" (
    "id" SERIAL NOT NULL,
    "entryId" INTEGER NOT NULL,
    "entryVersion" INTEGER NOT NULL,
    "action" "UpdateStepAction" NOT NULL,
    "fromState" "UpdateState" NOT NULL,
    "toState" "UpdateState" NOT NULL,
    "actorId" INTEGER NOT NULL,
    "comment" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UpdateStep_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UpdateStep_entryId_at_idx" ON "UpdateStep"("entryId", "at");

-- CreateIndex
CREATE INDEX "ProgressEntry_state_idx" ON "ProgressEntry"("state");

-- AddForeignKey
ALTER TABLE "UpdateStep" ADD CONSTRAINT "UpdateStep_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "ProgressEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpdateStep" ADD CONSTRAINT "UpdateStep_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

