-- AlterTable
ALTER TABLE "SourceDocument" ADD COLUMN     "parserVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "PlanNode" ADD COLUMN     "retiredAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "BudgetLine" ADD COLUMN     "stableKey" TEXT NOT NULL,
ADD COLUMN     "tableName" TEXT NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "BudgetLine_documentId_stableKey_key" ON "BudgetLine"("documentId", "stableKey");

