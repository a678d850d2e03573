-- A job's errors in record order (the job page's "Errors" filter, its count and the failed-record
-- count): keyset pages and counts read this small index instead of every result of the job.
-- Partial, so successes (most rows) add nothing to ingestion; Prisma's schema cannot say WHERE.
CREATE INDEX "Result_errors_jobId_recordId_idx" ON "Result" ("jobId", "recordId") WHERE NOT "ok";
