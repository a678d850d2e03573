import "server-only";
// A supervisor's latest results: the jobs whose output was read most recently, and the first few
// results of each. The Result rows are reached through their (jobId, recordId) index, a handful
// per job, so the cost does not grow with the number of results stored.
import { db, type Db } from "@/lib/db";
import { batchScope, type Actor } from "@/lib/auth/permissions";
import type { LatestJobResults } from "./types";

/** The caller's most recently ingested jobs (at most `jobs`), each with its first `perJob` results. */
export async function latestResults(opts: { user: Actor; jobs?: number; perJob?: number; prisma?: Db }): Promise<LatestJobResults[]> {
  const prisma = opts.prisma ?? (await db());
  const jobs = await prisma.job.findMany({
    where: { batch: batchScope(opts.user), ingestedAt: { not: null } },
    orderBy: [{ ingestedAt: "desc" }, { id: "asc" }],
    take: opts.jobs ?? 3,
    select: { id: true, jobName: true, ingestedAt: true, successRecordCount: true, errorRecordCount: true, batch: { select: { name: true } } },
  });
  return Promise.all(
    jobs.map(async (j) => {
      const rows = await prisma.result.findMany({
        where: { jobId: j.id },
        orderBy: { recordId: "asc" },
        take: opts.perJob ?? 5,
        select: { id: true, ok: true, summary: true, sentiment: true, errorMessage: true, transcript: { select: { callId: true } } },
      });
      return {
        jobId: j.id,
        jobName: j.jobName,
        batchName: j.batch.name,
        ingestedAt: j.ingestedAt!.toISOString(),
        successRecordCount: j.successRecordCount,
        errorRecordCount: j.errorRecordCount,
        results: rows.map(({ transcript, ...r }) => ({ ...r, callId: transcript?.callId ?? null })),
      };
    }),
  );
}
