import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/guards";
import { ownsOrOversees } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/log";
import { isTerminal } from "@/lib/bedrock/statuses";

/** Ask for a job to stop; the tracker calls StopModelInvocationJob and records Stopping, then Stopped. */
export async function stopJob(opts: { prisma: Db; jobId: string; user: SessionUser }): Promise<void> {
  const { prisma, user } = opts;
  const job = await prisma.job.findUnique({ where: { id: opts.jobId }, include: { batch: { select: { createdById: true } } } });
  if (!job || !ownsOrOversees(user, job.batch.createdById)) {
    throw new AppError("NOT_FOUND", "That job does not exist or is not yours.");
  }
  if (isTerminal(job.status)) throw new AppError("CONFLICT", `The job has already ended (${job.status}).`);
  if (job.stopRequested) return;
  await prisma.job.update({ where: { id: job.id }, data: { stopRequested: true, nextPollAt: new Date() } });
  await audit({ actor: user, action: "job.stop", targetType: "Job", targetId: job.id, before: { status: job.status } });
}
