-- Optimistic concurrency for reviewers editing a set's due days (tracking.update-set).
-- AlterTable
ALTER TABLE "TrackedSet" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
