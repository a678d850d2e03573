-- Result ingestion spent a third of its database time stemming each summary twice: the search
-- vector read the summary and then the fields' JSON text, which repeats the summary and adds
-- every key name ("summary", "sentiment", ...) as a word. It now reads the summary once and the
-- string values of the other fields (topics, action items, sentiment), not their keys.
DROP INDEX "Result_search_idx";
ALTER TABLE "Result" DROP COLUMN "search";
ALTER TABLE "Result" ADD COLUMN "search" tsvector
  GENERATED ALWAYS AS (
    to_tsvector('english', coalesce("summary", ''))
      || jsonb_to_tsvector('english', coalesce("fields", '{}'::jsonb) - 'summary', '["string"]')
  ) STORED;
CREATE INDEX "Result_search_idx" ON "Result" USING GIN ("search");

-- Per-agent and per-team top topics now start from the Result keyset indexes; these two were
-- written on every topic row for that one read.
DROP INDEX "ResultTopic_agent_callAt_idx";
DROP INDEX "ResultTopic_team_callAt_idx";
