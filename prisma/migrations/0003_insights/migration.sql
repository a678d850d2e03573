-- Call metadata as columns, denormalised Result columns, a topic table and rollups (issue 10).
-- AlterTable
ALTER TABLE "Transcript" ADD COLUMN     "agent" TEXT,
ADD COLUMN     "callStartAt" TIMESTAMP(3),
ADD COLUMN     "customerId" TEXT,
ADD COLUMN     "direction" TEXT,
ADD COLUMN     "durationSec" INTEGER,
ADD COLUMN     "language" TEXT,
ADD COLUMN     "team" TEXT;

-- AlterTable
ALTER TABLE "Result" ADD COLUMN     "agent" TEXT,
ADD COLUMN     "callAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "costUsd" DOUBLE PRECISION,
ADD COLUMN     "durationSec" INTEGER,
ADD COLUMN     "modelConfigId" TEXT,
ADD COLUMN     "ownerId" TEXT,
ADD COLUMN     "team" TEXT;

-- CreateTable
CREATE TABLE "ResultTopic" (
    "resultId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "callAt" TIMESTAMP(3) NOT NULL,
    "sentiment" TEXT,
    "agent" TEXT,
    "team" TEXT,

    CONSTRAINT "ResultTopic_pkey" PRIMARY KEY ("resultId","topic")
);

-- CreateTable
CREATE TABLE "RollupDay" (
    "day" DATE NOT NULL,
    "ownerId" TEXT NOT NULL,
    "modelConfigId" TEXT NOT NULL,
    "team" TEXT NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "positive" INTEGER NOT NULL DEFAULT 0,
    "neutral" INTEGER NOT NULL DEFAULT 0,
    "negative" INTEGER NOT NULL DEFAULT 0,
    "mixed" INTEGER NOT NULL DEFAULT 0,
    "durationSum" BIGINT NOT NULL DEFAULT 0,
    "durationCount" INTEGER NOT NULL DEFAULT 0,
    "costUsd" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "RollupDay_pkey" PRIMARY KEY ("day","ownerId","modelConfigId","team")
);

-- CreateTable
CREATE TABLE "RollupAgentDay" (
    "day" DATE NOT NULL,
    "ownerId" TEXT NOT NULL,
    "team" TEXT NOT NULL,
    "agent" TEXT NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "positive" INTEGER NOT NULL DEFAULT 0,
    "neutral" INTEGER NOT NULL DEFAULT 0,
    "negative" INTEGER NOT NULL DEFAULT 0,
    "mixed" INTEGER NOT NULL DEFAULT 0,
    "durationSum" BIGINT NOT NULL DEFAULT 0,
    "durationCount" INTEGER NOT NULL DEFAULT 0,
    "costUsd" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "RollupAgentDay_pkey" PRIMARY KEY ("day","ownerId","team","agent")
);

-- CreateTable
CREATE TABLE "RollupTopicDay" (
    "day" DATE NOT NULL,
    "ownerId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "positive" INTEGER NOT NULL DEFAULT 0,
    "neutral" INTEGER NOT NULL DEFAULT 0,
    "negative" INTEGER NOT NULL DEFAULT 0,
    "mixed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RollupTopicDay_pkey" PRIMARY KEY ("day","ownerId","topic")
);

-- CreateIndex
CREATE INDEX "ResultTopic_topic_callAt_resultId_idx" ON "ResultTopic"("topic", "callAt" DESC, "resultId" DESC);

-- CreateIndex
CREATE INDEX "ResultTopic_ownerId_topic_callAt_resultId_idx" ON "ResultTopic"("ownerId", "topic", "callAt" DESC, "resultId" DESC);

-- CreateIndex
CREATE INDEX "ResultTopic_agent_callAt_idx" ON "ResultTopic"("agent", "callAt");

-- CreateIndex
CREATE INDEX "ResultTopic_team_callAt_idx" ON "ResultTopic"("team", "callAt");

-- AddForeignKey
ALTER TABLE "ResultTopic" ADD CONSTRAINT "ResultTopic_resultId_fkey" FOREIGN KEY ("resultId") REFERENCES "Result"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Keyset pages of successful results, newest call first: one partial index per filter the
-- summaries page offers, so a page reads LIMIT rows of one index, never every row.
CREATE INDEX "Result_ok_callAt_idx" ON "Result" ("callAt" DESC, "id" DESC) WHERE "ok";
CREATE INDEX "Result_ok_owner_callAt_idx" ON "Result" ("ownerId", "callAt" DESC, "id" DESC) WHERE "ok";
CREATE INDEX "Result_ok_agent_callAt_idx" ON "Result" ("agent", "callAt" DESC, "id" DESC) WHERE "ok";
CREATE INDEX "Result_ok_team_callAt_idx" ON "Result" ("team", "callAt" DESC, "id" DESC) WHERE "ok";
CREATE INDEX "Result_ok_sentiment_callAt_idx" ON "Result" ("sentiment", "callAt" DESC, "id" DESC) WHERE "ok";
CREATE INDEX "Result_ok_model_callAt_idx" ON "Result" ("modelConfigId", "callAt" DESC, "id" DESC) WHERE "ok";

-- Backfill what earlier results already hold (their call time is when they were stored).
UPDATE "Result" r SET "ownerId" = b."createdById", "modelConfigId" = b."modelConfigId", "callAt" = r."createdAt",
  "costUsd" = (coalesce(r."inputTokens", 0) * m."inputPricePerMTok" + coalesce(r."outputTokens", 0) * m."outputPricePerMTok") / 1000000.0
FROM "Job" j JOIN "Batch" b ON b.id = j."batchId" JOIN "ModelConfig" m ON m.id = b."modelConfigId"
WHERE j.id = r."jobId";

INSERT INTO "ResultTopic" ("resultId", "topic", "ownerId", "callAt", "sentiment")
SELECT DISTINCT r.id, lower(btrim(x.topic)), r."ownerId", r."callAt", r.sentiment
FROM "Result" r CROSS JOIN LATERAL jsonb_array_elements_text(
  CASE WHEN jsonb_typeof(r.fields->'topics') = 'array' THEN r.fields->'topics' ELSE '[]'::jsonb END) AS x(topic)
WHERE r.ok AND r."ownerId" IS NOT NULL AND btrim(x.topic) <> '';

INSERT INTO "RollupDay" ("day", "ownerId", "modelConfigId", "team", "calls", "positive", "neutral", "negative", "mixed", "durationSum", "durationCount", "costUsd")
SELECT r."callAt"::date, r."ownerId", r."modelConfigId", '', count(*),
  count(*) FILTER (WHERE r.sentiment = 'positive'), count(*) FILTER (WHERE r.sentiment = 'neutral'),
  count(*) FILTER (WHERE r.sentiment = 'negative'), count(*) FILTER (WHERE r.sentiment = 'mixed'), 0, 0, coalesce(sum(r."costUsd"), 0)
FROM "Result" r WHERE r.ok AND r."ownerId" IS NOT NULL GROUP BY 1, 2, 3;

INSERT INTO "RollupAgentDay" ("day", "ownerId", "team", "agent", "calls", "positive", "neutral", "negative", "mixed", "durationSum", "durationCount", "costUsd")
SELECT r."callAt"::date, r."ownerId", '', '', count(*),
  count(*) FILTER (WHERE r.sentiment = 'positive'), count(*) FILTER (WHERE r.sentiment = 'neutral'),
  count(*) FILTER (WHERE r.sentiment = 'negative'), count(*) FILTER (WHERE r.sentiment = 'mixed'), 0, 0, coalesce(sum(r."costUsd"), 0)
FROM "Result" r WHERE r.ok AND r."ownerId" IS NOT NULL GROUP BY 1, 2;

INSERT INTO "RollupTopicDay" ("day", "ownerId", "topic", "calls", "positive", "neutral", "negative", "mixed")
SELECT t."callAt"::date, t."ownerId", t.topic, count(*),
  count(*) FILTER (WHERE t.sentiment = 'positive'), count(*) FILTER (WHERE t.sentiment = 'neutral'),
  count(*) FILTER (WHERE t.sentiment = 'negative'), count(*) FILTER (WHERE t.sentiment = 'mixed')
FROM "ResultTopic" t GROUP BY 1, 2, 3;
