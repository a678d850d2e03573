-- AlterTable
ALTER TABLE "Result" ADD COLUMN     "listed" BOOLEAN NOT NULL DEFAULT true;

-- A comparison arm's summaries are read on its comparison page only.
UPDATE "Result" r SET "listed" = false
FROM "Job" j JOIN "Batch" b ON b.id = j."batchId"
WHERE j.id = r."jobId" AND b."comparisonId" IS NOT NULL;

-- A call summarized more than once lists its newest successful summary.
UPDATE "Result" r SET "listed" = false
WHERE r.ok AND r."transcriptId" IS NOT NULL AND EXISTS (
  SELECT 1 FROM "Result" n WHERE n."transcriptId" = r."transcriptId" AND n.ok AND n.listed AND (n."createdAt", n.id) > (r."createdAt", r.id));

-- The summaries page's keyset indexes (0003) cover the rows it lists.
DROP INDEX "Result_ok_callAt_idx";
DROP INDEX "Result_ok_owner_callAt_idx";
DROP INDEX "Result_ok_agent_callAt_idx";
DROP INDEX "Result_ok_team_callAt_idx";
DROP INDEX "Result_ok_sentiment_callAt_idx";
DROP INDEX "Result_ok_model_callAt_idx";
CREATE INDEX "Result_listed_callAt_idx" ON "Result" ("callAt" DESC, "id" DESC) WHERE "ok" AND "listed";
CREATE INDEX "Result_listed_owner_callAt_idx" ON "Result" ("ownerId", "callAt" DESC, "id" DESC) WHERE "ok" AND "listed";
CREATE INDEX "Result_listed_agent_callAt_idx" ON "Result" ("agent", "callAt" DESC, "id" DESC) WHERE "ok" AND "listed";
CREATE INDEX "Result_listed_team_callAt_idx" ON "Result" ("team", "callAt" DESC, "id" DESC) WHERE "ok" AND "listed";
CREATE INDEX "Result_listed_sentiment_callAt_idx" ON "Result" ("sentiment", "callAt" DESC, "id" DESC) WHERE "ok" AND "listed";
CREATE INDEX "Result_listed_model_callAt_idx" ON "Result" ("modelConfigId", "callAt" DESC, "id" DESC) WHERE "ok" AND "listed";
