import "server-only";
import type { Db } from "@/lib/db";
import { emitEvent, type WebhookEvent } from "./events";

// Only work that ended recently is announced: finished history from before this feature stays quiet.
const RECENT_MS = 24 * 3600_000;

const JOB_EVENT: Record<string, WebhookEvent> = {
  Completed: "job.completed", PartiallyCompleted: "job.partially_completed", Failed: "job.failed", Expired: "job.failed", Stopped: "job.stopped",
};

/** A batch's outcome from its jobs' final statuses. */
export function batchOutcome(statuses: string[]): "completed" | "partially_completed" | "failed" | "stopped" {
  if (statuses.every((s) => s === "Completed")) return "completed";
  if (statuses.some((s) => s === "Stopped")) return "stopped";
  if (statuses.every((s) => s === "Failed" || s === "Expired")) return "failed";
  return "partially_completed";
}

type Ended = { id: string };

/**
 * Announce every job and batch that has ended (terminal, and its results read where there are
 * any) and was not announced yet. Each announcement is keyed, so any instance may run this.
 */
export async function announceEndedWork(prisma: Db, now = new Date()): Promise<{ jobs: number; batches: number }> {
  const since = new Date(now.getTime() - RECENT_MS);
  const jobs = await prisma.$queryRawUnsafe<Ended[]>(
    `SELECT j.id FROM "Job" j
     WHERE (j.status IN ('Failed','Expired') OR (j.status IN ('Completed','PartiallyCompleted','Stopped') AND j."ingestedAt" IS NOT NULL))
       AND COALESCE(j."ingestedAt", j."endTime", j."createdAt") >= $1
       AND NOT EXISTS (SELECT 1 FROM "EventLog" e WHERE e.key = 'job:' || j.id || ':ended')
     LIMIT 200`, since);
  let jobCount = 0;
  for (const { id } of jobs) {
    const job = await prisma.job.findUniqueOrThrow({
      where: { id }, select: { id: true, part: true, status: true, message: true, jobArn: true, batchId: true, successRecordCount: true, errorRecordCount: true },
    });
    if (await emitEvent(prisma, { key: `job:${id}:ended`, event: JOB_EVENT[job.status], data: { job } })) jobCount++;
  }

  const batches = await prisma.$queryRawUnsafe<Ended[]>(
    `SELECT b.id FROM "Batch" b
     WHERE (b.status = 'failed' OR EXISTS (SELECT 1 FROM "Job" j WHERE j."batchId" = b.id))
       AND NOT EXISTS (SELECT 1 FROM "Job" j WHERE j."batchId" = b.id AND NOT (
         j.status IN ('Failed','Expired') OR (j.status IN ('Completed','PartiallyCompleted','Stopped') AND j."ingestedAt" IS NOT NULL)))
       AND b."createdAt" >= $1
       AND NOT EXISTS (SELECT 1 FROM "EventLog" e WHERE e.key = 'batch:' || b.id || ':ended')
     LIMIT 100`, new Date(now.getTime() - 30 * RECENT_MS));
  let batchCount = 0;
  for (const { id } of batches) {
    const batch = await prisma.batch.findUniqueOrThrow({
      where: { id },
      select: { id: true, name: true, createdById: true, recordCount: true, jobs: { select: { status: true, successRecordCount: true, errorRecordCount: true, ingestedAt: true, endTime: true } } },
    });
    const last = Math.max(0, ...batch.jobs.map((j) => (j.ingestedAt ?? j.endTime)?.getTime() ?? 0));
    if (batch.jobs.length && last < since.getTime()) continue;
    const outcome = batchOutcome(batch.jobs.length ? batch.jobs.map((j) => j.status) : ["Failed"]);
    const succeeded = batch.jobs.reduce((n, j) => n + (j.successRecordCount ?? 0), 0);
    const failed = batch.jobs.reduce((n, j) => n + (j.errorRecordCount ?? 0), 0);
    const words = { completed: "completed", partially_completed: "partially completed", failed: "failed", stopped: "stopped" }[outcome];
    const ok = await emitEvent(prisma, {
      key: `batch:${id}:ended`, event: `batch.${outcome}`,
      data: { batch: { id, name: batch.name, outcome, recordCount: batch.recordCount, succeeded, failed, jobs: batch.jobs.length } },
      notify: { userId: batch.createdById, title: `Batch "${batch.name}" ${words}`, body: `${succeeded} of ${batch.recordCount} summaries${failed ? `, ${failed} failed records` : ""}.`, href: `/batches/${id}` },
    });
    if (ok) batchCount++;
  }
  return { jobs: jobCount, batches: batchCount };
}
