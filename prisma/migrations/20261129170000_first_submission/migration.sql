-- AlterTable
ALTER TABLE "ProgressEntry" ADD COLUMN     "firstSubmittedAt" TIMESTAMP(3);

-- When each update was first sent for sign-off, from its steps: the 填報情形 read it from here
-- instead of aggregating UpdateStep on every read. Updates that were published before sign-off
-- existed have no submit step and stay null (the read model falls back to their publication).
UPDATE "ProgressEntry" e
SET "firstSubmittedAt" = f.at
FROM (
  SELECT "entryId", min(at) AS at FROM "UpdateStep" WHERE action = 'submit' GROUP BY "entryId"
) f
WHERE f."entryId" = e.id;
