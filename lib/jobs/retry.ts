import "server-only";
// Which records of a batch (or of one of its jobs) did not come back as summaries: error lines,
// and records a Stopped, PartiallyCompleted, Expired or Failed job never processed. A retry
// batch runs exactly these, under their own recordIds, so results map back to the same calls.
import type { Db } from "@/lib/db";
import { isIngestible, isTerminal } from "@/lib/bedrock/statuses";
import { ordinalOf, recordIdFor } from "@/lib/jsonl";
import { batchScope, type Actor } from "@/lib/auth/permissions";

export type FailedRecords = {
  recordIds: string[];
  /** error lines among them */
  errors: number;
  /** records a job ended without processing */
  unprocessed: number;
  /** jobs still running (or not yet read): their records are not counted yet */
  pendingJobs: number;
};

type JobPart = { id: string; part: number; status: string; recordCount: number; ingestedAt: Date | null; jobArn: string | null };

/** The failed records of a batch, or of one job of it; in recordId order. */
export async function failedRecords(opts: { prisma: Db; batchId: string; jobId?: string }): Promise<FailedRecords> {
  const { prisma } = opts;
  const batch = await prisma.batch.findUniqueOrThrow({
    where: { id: opts.batchId },
    select: {
      datasetId: true, recordIds: true,
      jobs: { select: { id: true, part: true, status: true, recordCount: true, ingestedAt: true, jobArn: true }, orderBy: { part: "asc" } },
    },
  });
  const out: FailedRecords = { recordIds: [], errors: 0, unprocessed: 0, pendingJobs: 0 };
  // A job's records are its slice of the batch's records in order (parts are filled in order).
  let offset = 0;
  for (const job of batch.jobs) {
    const start = offset;
    offset += job.recordCount;
    if (opts.jobId && job.id !== opts.jobId) continue;
    if (!settled(job)) {
      out.pendingJobs++;
      continue;
    }
    // A whole-dataset batch sent the calls in upload order, whose recordIds are their ordinals.
    const sent = batch.recordIds.length
      ? batch.recordIds.slice(start, start + job.recordCount)
      : Array.from({ length: job.recordCount }, (_, i) => recordIdFor(start + i + 1));
    const slice = await stillStored(prisma, batch.datasetId, sent);
    const results = await prisma.result.findMany({ where: { jobId: job.id }, select: { recordId: true, ok: true } });
    const ok = new Set(results.filter((r) => r.ok).map((r) => r.recordId));
    const errored = new Set(results.filter((r) => !r.ok).map((r) => r.recordId));
    for (const recordId of slice) {
      if (ok.has(recordId)) continue;
      out.recordIds.push(recordId);
      if (errored.has(recordId)) out.errors++;
      else out.unprocessed++;
    }
  }
  out.recordIds.sort();
  return out;
}

/**
 * How many records failedRecords returns for one job, counted in the database: the job page shows
 * it on every render, and reading a 50,000-record job's results and calls into memory took seconds.
 */
export async function countFailedRecords(opts: { prisma: Db; jobId: string }): Promise<number> {
  const { prisma, jobId } = opts;
  const [job] = await prisma.$queryRaw<(JobPart & { batchId: string; datasetId: string; listed: number; start: number })[]>`
    SELECT j.id, j.part, j.status, j."recordCount", j."ingestedAt", j."jobArn", j."batchId", b."datasetId",
           cardinality(b."recordIds") AS listed,
           (SELECT coalesce(sum(e."recordCount"), 0) FROM "Job" e WHERE e."batchId" = j."batchId" AND e.part < j.part)::int AS start
    FROM "Job" j JOIN "Batch" b ON b.id = j."batchId" WHERE j.id = ${jobId}`;
  if (!job || !settled(job) || job.recordCount === 0) return 0;
  const end = job.start + job.recordCount;
  if (job.listed > 0) {
    // The batch's own list (a retry, or a dataset with deleted calls): its slice for this job.
    const [{ n }] = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM unnest((SELECT "recordIds"[${job.start + 1}:${end}] FROM "Batch" WHERE id = ${job.batchId})) AS s("recordId")
      WHERE EXISTS (SELECT 1 FROM "Transcript" t WHERE t."datasetId" = ${job.datasetId} AND t."recordId" = s."recordId")
        AND NOT EXISTS (SELECT 1 FROM "Result" r WHERE r."jobId" = ${jobId} AND r."recordId" = s."recordId" AND r.ok)`;
    return n;
  }
  // A whole-dataset job sent the ordinals start+1..end, a range of fixed-width recordIds. Its
  // successes are its results less its errors (index-only counts); a deleted call takes its results
  // with it (lib/retention), so every result in the range is of a stored call.
  const [from, to] = [recordIdFor(job.start + 1), recordIdFor(end)];
  const [{ n }] = await prisma.$queryRaw<{ n: number }[]>`
    SELECT ((SELECT count(*) FROM "Transcript" WHERE "datasetId" = ${job.datasetId} AND "recordId" BETWEEN ${from} AND ${to})
          - (SELECT count(*) FROM "Result" WHERE "jobId" = ${jobId} AND "recordId" BETWEEN ${from} AND ${to})
          + (SELECT count(*) FROM "Result" WHERE "jobId" = ${jobId} AND NOT ok AND "recordId" BETWEEN ${from} AND ${to}))::int AS n`;
  return n;
}

/**
 * The records a new whole-dataset batch runs: undefined while the dataset is as uploaded (the
 * normalised copy in S3 is converted as it is), or every remaining recordId once a call was
 * deleted, since the copy no longer holds it and its ordinals no longer match the recordIds.
 */
export async function remainingRecords(prisma: Db, datasetId: string): Promise<string[] | undefined> {
  const [count, last] = await Promise.all([
    prisma.transcript.count({ where: { datasetId } }),
    prisma.transcript.findFirst({ where: { datasetId }, orderBy: { recordId: "desc" }, select: { recordId: true } }),
  ]);
  if (!last || ordinalOf(last.recordId) === count) return undefined;
  const rows = await prisma.transcript.findMany({ where: { datasetId }, orderBy: { recordId: "asc" }, select: { recordId: true } });
  return rows.map((r) => r.recordId);
}

/** The records of `recordIds` whose call has not been deleted since. */
async function stillStored(prisma: Db, datasetId: string, recordIds: string[]): Promise<string[]> {
  const kept = new Set<string>();
  for (let i = 0; i < recordIds.length; i += 5000) {
    const rows = await prisma.transcript.findMany({ where: { datasetId, recordId: { in: recordIds.slice(i, i + 5000) } }, select: { recordId: true } });
    for (const r of rows) kept.add(r.recordId);
  }
  return recordIds.filter((r) => kept.has(r));
}

function settled(job: JobPart): boolean {
  if (!isTerminal(job.status)) return false;
  // stopped before it reached Bedrock: no output to wait for
  return !isIngestible(job.status) || job.ingestedAt !== null || job.jobArn === null;
}

export type RetryChain = {
  /** the first batch's records */
  records: number;
  /** of them, calls with a successful result in the first batch or any retry of it */
  summarized: number;
  /** calls still without one, once every job has ended */
  stillFailed: number;
  batches: { id: string; name: string; records: number; ok: number; failed: number }[];
};

/** A batch and every retry made from it (and from those): how the counts add up across them. */
export async function retryChain(opts: { prisma: Db; batchId: string }): Promise<RetryChain> {
  const { prisma } = opts;
  let root = await prisma.batch.findUniqueOrThrow({ where: { id: opts.batchId }, select: { id: true, retryOfId: true } });
  while (root.retryOfId) {
    const parent = await prisma.batch.findUnique({ where: { id: root.retryOfId }, select: { id: true, retryOfId: true } });
    if (!parent) break;
    root = parent;
  }
  const ids = [root.id];
  for (let i = 0; i < ids.length; i++) {
    const children = await prisma.batch.findMany({ where: { retryOfId: ids[i] }, select: { id: true }, orderBy: { createdAt: "asc" } });
    ids.push(...children.map((c) => c.id));
  }
  const rows = await prisma.batch.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, recordCount: true, datasetId: true, createdAt: true }, orderBy: { createdAt: "asc" } });
  const batches = [];
  for (const b of rows) {
    const [ok, failed] = await Promise.all([
      prisma.result.count({ where: { job: { batchId: b.id }, ok: true } }),
      failedRecords({ prisma, batchId: b.id }).then((f) => f.recordIds.length),
    ]);
    batches.push({ id: b.id, name: b.name, records: b.recordCount, ok, failed });
  }
  const first = rows.find((b) => b.id === root.id)!;
  const summarized = await prisma.transcript.count({
    where: { datasetId: first.datasetId, results: { some: { ok: true, job: { batchId: { in: ids } } } } },
  });
  const rootFailed = await failedRecords({ prisma, batchId: root.id });
  const retried = await prisma.result.findMany({
    where: { ok: true, recordId: { in: rootFailed.recordIds }, job: { batchId: { in: ids.slice(1) } } }, select: { recordId: true }, distinct: ["recordId"],
  });
  return { records: first.recordCount, summarized, stillFailed: rootFailed.recordIds.length - retried.length, batches };
}

/** What the retry page needs: the batch (in the caller's scope, else null) and its failed records. */
export async function retryView(opts: { prisma: Db; user: Actor; batchId: string; jobId?: string }) {
  const batch = await opts.prisma.batch.findFirst({
    where: { id: opts.batchId, ...batchScope(opts.user) },
    select: { id: true, name: true, datasetId: true, modelConfigId: true, templateVersionId: true, timeoutHours: true, jobs: { select: { id: true, part: true, jobName: true } } },
  });
  if (!batch) return null;
  const job = opts.jobId ? batch.jobs.find((j) => j.id === opts.jobId) : undefined;
  if (opts.jobId && !job) return null;
  return { batch, job, failed: await failedRecords({ prisma: opts.prisma, batchId: batch.id, jobId: job?.id }) };
}

/** The batch page's retry and job-option facts; null outside the caller's scope. */
export async function batchOperations(opts: { prisma: Db; user: Actor; batchId: string }) {
  const b = await opts.prisma.batch.findFirst({
    where: { id: opts.batchId, ...batchScope(opts.user) },
    select: {
      id: true, timeoutHours: true, tags: true, createdById: true, createdBy: { select: { email: true } },
      retryOf: { select: { id: true, name: true } },
      retries: { select: { id: true, name: true, recordCount: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!b) return null;
  const [failed, chain] = await Promise.all([
    failedRecords({ prisma: opts.prisma, batchId: b.id }),
    b.retryOf || b.retries.length ? retryChain({ prisma: opts.prisma, batchId: b.id }) : Promise.resolve(null),
  ]);
  const tags = Array.isArray(b.tags) ? (b.tags as { key: string; value: string }[]) : [];
  return { ...b, tags, failed, chain };
}
