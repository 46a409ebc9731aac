-- CreateEnum
CREATE TYPE "IndicatorDirection" AS ENUM ('higher_better', 'lower_better');

-- CreateTable
CREATE TABLE "Indicator" (
    "id" SERIAL NOT NULL,
    "trackedItemId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT,
    "direction" "IndicatorDirection" NOT NULL,
    "baseline" DOUBLE PRECISION,
    "method" TEXT,
    "targets" JSONB NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorVersion" (
    "id" SERIAL NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT,
    "direction" "IndicatorDirection" NOT NULL,
    "baseline" DOUBLE PRECISION,
    "method" TEXT,
    "targets" JSONB NOT NULL DEFAULT '[]',
    "reason" TEXT,
    "authorId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndicatorVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorValue" (
    "id" SERIAL NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "periodEnd" DATE NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "revision" INTEGER NOT NULL,
    "note" TEXT,
    "recordedById" INTEGER NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndicatorValue_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Indicator_trackedItemId_idx" ON "Indicator"("trackedItemId");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorVersion_indicatorId_version_key" ON "IndicatorVersion"("indicatorId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorValue_indicatorId_periodEnd_revision_key" ON "IndicatorValue"("indicatorId", "periodEnd", "revision");

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_trackedItemId_fkey" FOREIGN KEY ("trackedItemId") REFERENCES "TrackedItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorVersion" ADD CONSTRAINT "IndicatorVersion_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorVersion" ADD CONSTRAINT "IndicatorVersion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

