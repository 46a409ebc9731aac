-- AlterTable
ALTER TABLE "User" ADD COLUMN     "remindersOff" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "JobKey" (
    "queue" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "jobId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobKey_pkey" PRIMARY KEY ("queue","key")
);

