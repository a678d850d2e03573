-- Batches remember the form's one-time key and their own submission status.
ALTER TABLE "Batch" ADD COLUMN     "message" TEXT,
ADD COLUMN     "requestKey" TEXT,
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'submitting';

CREATE UNIQUE INDEX "Batch_requestKey_key" ON "Batch"("requestKey");

-- Full-text search over summaries with PostgreSQL's own tsvector (same on PGlite and PostgreSQL).
ALTER TABLE "Result" ADD COLUMN "search" tsvector
  GENERATED ALWAYS AS (
    to_tsvector('english', coalesce("summary", '') || ' ' || coalesce("fields"::text, ''))
  ) STORED;

CREATE INDEX "Result_search_idx" ON "Result" USING GIN ("search");
