-- CreateEnum
CREATE TYPE "UpdateLight" AS ENUM ('green', 'yellow', 'red', 'unrated', 'completed');

-- AlterTable
ALTER TABLE "ProgressEntry" ADD COLUMN     "computedLight" "UpdateLight",
ADD COLUMN     "light" "UpdateLight",
ADD COLUMN     "lightOverriddenAt" TIMESTAMP(3),
ADD COLUMN     "lightOverriddenById" INTEGER,
ADD COLUMN     "lightOverride" "UpdateLight",
ADD COLUMN     "lightOverrideReason" TEXT,
ADD COLUMN     "plannedPercent" INTEGER;

-- AlterTable
ALTER TABLE "TrackedItem" ADD COLUMN     "weight" INTEGER NOT NULL DEFAULT 1;

-- AddForeignKey
ALTER TABLE "ProgressEntry" ADD CONSTRAINT "ProgressEntry_lightOverriddenById_fkey" FOREIGN KEY ("lightOverriddenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

