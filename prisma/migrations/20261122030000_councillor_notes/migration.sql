-- CreateTable
CREATE TABLE "CouncillorNote" (
    "id" SERIAL NOT NULL,
    "authorId" INTEGER NOT NULL,
    "nodeId" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CouncillorNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CouncillorNote_authorId_nodeId_idx" ON "CouncillorNote"("authorId", "nodeId");

-- AddForeignKey
ALTER TABLE "CouncillorNote" ADD CONSTRAINT "CouncillorNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncillorNote" ADD CONSTRAINT "CouncillorNote_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "PlanNode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

