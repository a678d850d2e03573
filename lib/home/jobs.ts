import "server-only";
// The home page's reads of Job and Batch rows. Both tables hold one row per Bedrock job or
// submission (about a thousand at contact-center scale), never one per call, so none of these
// touches the Result table; every read is limited by batchScope.
import { db, type Db } from "@/lib/db";
import { batchScope, type Actor } from "@/lib/auth/permissions";
import { ACTIVE_STATUSES, INGESTIBLE_STATUSES } from "@/lib/bedrock/statuses";
import { jobSelect, toJobRow } from "@/lib/jobs/queries";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BatchInProgress, JobsInFlight } from "./types";

/** Not yet created, with Bedrock, or ended with output that is still being read into Result rows. */
export const IN_FLIGHT: Prisma.JobWhereInput = {
  OR: [{ status: { in: ["Pending", ...ACTIVE_STATUSES] } }, { status: { in: [...INGESTIBLE_STATUSES] }, ingestedAt: null }],
};

/** The caller's jobs in flight, newest first, with the records done across all of them. */
export async function jobsInFlight(opts: { user: Actor; limit?: number; prisma?: Db }): Promise<JobsInFlight> {
  const prisma = opts.prisma ?? (await db());
  const where: Prisma.JobWhereInput = { AND: [IN_FLIGHT, { batch: batchScope(opts.user) }] };
  const [jobs, sums] = await Promise.all([
    prisma.job.findMany({ where, select: jobSelect, orderBy: [{ createdAt: "desc" }, { part: "asc" }], take: opts.limit ?? 10 }),
    prisma.job.aggregate({ where, _count: { _all: true }, _sum: { processedRecordCount: true, recordCount: true } }),
  ]);
  return {
    jobs: jobs.map(toJobRow),
    total: sums._count._all,
    recordsDone: sums._sum.processedRecordCount ?? 0,
    records: sums._sum.recordCount ?? 0,
  };
}

/** The caller's batches with a job in flight (or still submitting its parts), newest first. */
export async function batchesInProgress(opts: { user: Actor; limit?: number; prisma?: Db }): Promise<BatchInProgress[]> {
  const prisma = opts.prisma ?? (await db());
  const batches = await prisma.batch.findMany({
    where: { ...batchScope(opts.user), OR: [{ status: "submitting" }, { jobs: { some: IN_FLIGHT } }] },
    orderBy: { createdAt: "desc" },
    take: opts.limit ?? 10,
    select: {
      id: true, name: true, createdAt: true, recordCount: true,
      modelConfig: { select: { name: true } },
      jobs: { select: { status: true, ingestedAt: true, recordCount: true, totalRecordCount: true, processedRecordCount: true } },
    },
  });
  const running = new Set<string>([...ACTIVE_STATUSES]);
  return batches.map((b) => ({
    id: b.id,
    name: b.name,
    modelName: b.modelConfig.name,
    createdAt: b.createdAt.toISOString(),
    jobCount: b.jobs.length,
    jobsRunning: b.jobs.filter((j) => running.has(j.status)).length,
    recordsDone: b.jobs.reduce((n, j) => n + (j.processedRecordCount ?? 0), 0),
    records: Math.max(b.recordCount, b.jobs.reduce((n, j) => n + (j.totalRecordCount ?? j.recordCount), 0)),
  }));
}
