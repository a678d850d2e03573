import "server-only";
import {
  CreateModelInvocationJobCommand,
  GetModelInvocationJobCommand,
  StopModelInvocationJobCommand,
  type BedrockClient,
} from "@aws-sdk/client-bedrock";
import type { Db } from "@/lib/db";
import { ACTIVE_STATUSES, TERMINAL_STATUSES, isIngestible, isTerminal } from "@/lib/bedrock/statuses";
import type { StorageTarget } from "@/lib/storage";
import { mendBatchInput } from "./batch-input";
import { jobTags } from "./job-options";

export type TrackerDeps = {
  prisma: Db;
  storage: StorageTarget;
  bedrock: BedrockClient;
  /** this process's name on the leases it takes */
  owner: string;
  leaseMs?: number;
  /** first poll delay; doubles per unchanged poll up to maxPollMs */
  basePollMs?: number;
  maxPollMs?: number;
  log?: (msg: string) => void;
  /** reads a finished job's output into the database; results come later in the data flow, so it is handed in */
  ingest: (jobId: string) => Promise<unknown>;
  /** one pass of an on-demand job (lib/ondemand, later in the flow); returns the delay before the next */
  onDemand?: (jobId: string) => Promise<number>;
};

type Job = NonNullable<Awaited<ReturnType<typeof loadJob>>>;

const terminalList = TERMINAL_STATUSES.map((s) => `'${s}'`).join(",");
const ingestibleList = ["Completed", "PartiallyCompleted", "Stopped"].map((s) => `'${s}'`).join(",");

/**
 * Claim up to `limit` due jobs with a lease: the same statement on PGlite and PostgreSQL, and
 * SKIP LOCKED lets several server instances share the queue; a dead one's lease just expires.
 */
export async function claimDueJobs(prisma: Db, owner: string, limit: number, leaseMs: number): Promise<string[]> {
  const now = new Date();
  const until = new Date(now.getTime() + leaseMs);
  const rows = await prisma.$queryRawUnsafe<{ id: string }[]>(
    `UPDATE "Job" SET "leaseOwner" = $1, "leaseUntil" = $2
     WHERE id IN (
       SELECT id FROM "Job"
       WHERE (status NOT IN (${terminalList}) OR ("ingestedAt" IS NULL AND status IN (${ingestibleList})))
         AND "nextPollAt" <= $3 AND ("leaseUntil" IS NULL OR "leaseUntil" < $3)
       ORDER BY "nextPollAt" LIMIT $4 FOR UPDATE SKIP LOCKED)
     RETURNING id`,
    owner, until, now, limit,
  );
  return rows.map((r) => r.id);
}

function loadJob(prisma: Db, id: string) {
  return prisma.job.findUnique({
    where: { id },
    include: {
      batch: {
        select: { id: true, status: true, mode: true, modelConfig: true, serviceRole: true, timeoutHours: true, tags: true, createdBy: { select: { email: true } } },
      },
    },
  });
}

/** One pass: mend batches whose input was never written, then advance every due job. */
export async function trackOnce(deps: TrackerDeps, limit = 10): Promise<number> {
  const { prisma } = deps;
  const stale = await prisma.batch.findMany({
    where: { status: "submitting", createdAt: { lt: new Date(Date.now() - 60_000) } },
    select: { id: true, createdAt: true },
    take: 3,
  });
  for (const b of stale) await mendBatchInput({ prisma, storage: deps.storage, batch: b });
  const ids = await claimDueJobs(prisma, deps.owner, limit, deps.leaseMs ?? 120_000);
  for (const id of ids) await advanceJob(deps, id);
  return ids.length;
}

/** Move one claimed job forward: submit it, poll it, stop it, or read its results. */
export async function advanceJob(deps: TrackerDeps, id: string): Promise<void> {
  const job = await loadJob(deps.prisma, id);
  if (!job) return;
  let delay = pollDelay(deps, job.pollCount);
  try {
    if (job.batch.mode === "ondemand") {
      // Runs its calls itself and stores each result; there is no output file to read.
      delay = deps.onDemand ? await deps.onDemand(id) : delay;
      return;
    }
    if (job.status === "Pending") delay = await submit(deps, job);
    else if (!isTerminal(job.status)) delay = await poll(deps, job);
    const now = await deps.prisma.job.findUniqueOrThrow({ where: { id }, select: { status: true, ingestedAt: true } });
    if (isIngestible(now.status) && !now.ingestedAt) {
      await deps.ingest(id);
    }
  } catch (e) {
    deps.log?.(`[tracker] job ${id}: ${(e as Error).message}`);
    delay = Math.min(deps.maxPollMs ?? 60_000, delay * 2);
  } finally {
    await deps.prisma.job.update({
      where: { id },
      data: { leaseOwner: null, leaseUntil: null, nextPollAt: new Date(Date.now() + delay) },
    });
  }
}

function pollDelay(deps: TrackerDeps, pollCount: number): number {
  return Math.min(deps.maxPollMs ?? 60_000, (deps.basePollMs ?? 2000) * 2 ** Math.min(pollCount, 10));
}

async function setStatus(deps: TrackerDeps, job: Job, status: string, message: string | null, data: Record<string, unknown> = {}) {
  await deps.prisma.$transaction([
    deps.prisma.job.update({ where: { id: job.id }, data: { status, message, pollCount: 0, ...data } }),
    deps.prisma.jobEvent.create({ data: { jobId: job.id, status, message } }),
  ]);
}

async function submit(deps: TrackerDeps, job: Job): Promise<number> {
  const { prisma } = deps;
  const base = deps.basePollMs ?? 2000;
  if (job.stopRequested) {
    await setStatus(deps, job, "Stopped", "Stopped before it was submitted to Bedrock.", { endTime: new Date() });
    return base;
  }
  if (job.batch.status !== "ready") return base;
  const model = job.batch.modelConfig;
  const active = await prisma.job.count({
    where: { status: { in: [...ACTIVE_STATUSES] }, batch: { modelConfigId: model.id } },
  });
  if (active >= model.maxConcurrentJobs) {
    await prisma.job.update({
      where: { id: job.id },
      data: { message: `Queued: ${model.name} already has ${active} of ${model.maxConcurrentJobs} concurrent batch jobs.` },
    });
    return base * 4;
  }
  if (!job.batch.serviceRole) {
    await setStatus(deps, job, "Failed", "No IAM service role is set for this batch. An admin must add one under Admin → Service roles.");
    return base;
  }
  try {
    const out = await deps.bedrock.send(
      new CreateModelInvocationJobCommand({
        jobName: job.jobName,
        roleArn: job.batch.serviceRole.roleArn,
        modelId: model.modelId,
        clientRequestToken: job.clientRequestToken,
        timeoutDurationInHours: job.batch.timeoutHours ?? model.defaultTimeoutHours,
        tags: jobTags({ batchId: job.batch.id, userEmail: job.batch.createdBy.email, tags: job.batch.tags }),
        inputDataConfig: { s3InputDataConfig: { s3Uri: job.inputS3Uri, s3InputFormat: "JSONL" } },
        outputDataConfig: {
          s3OutputDataConfig: { s3Uri: job.outputS3Uri, ...(deps.storage.kmsKeyId ? { s3EncryptionKeyId: deps.storage.kmsKeyId } : {}) },
        },
      }),
    );
    await setStatus(deps, job, "Submitted", null, { jobArn: out.jobArn, submitTime: new Date() });
    return base;
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === "ServiceQuotaExceededException") {
      // Bedrock's own concurrency quota: stay queued and try again later.
      await prisma.job.update({ where: { id: job.id }, data: { message: `Queued: Bedrock says ${(e as Error).message}` } });
      return base * 8;
    }
    if (name === "ValidationException" || name === "AccessDeniedException" || name === "ResourceNotFoundException") {
      await setStatus(deps, job, "Failed", `Bedrock refused the job (${name}): ${(e as Error).message}`, { endTime: new Date() });
      return base;
    }
    throw e;
  }
}

async function poll(deps: TrackerDeps, job: Job): Promise<number> {
  if (!job.jobArn) throw new Error("job has a status but no ARN");
  if (job.stopRequested && job.status !== "Stopping") {
    await deps.bedrock.send(new StopModelInvocationJobCommand({ jobIdentifier: job.jobArn })).catch((e) => {
      if ((e as { name?: string }).name !== "ValidationException" && (e as { name?: string }).name !== "ConflictException") throw e;
    });
  }
  const out = await deps.bedrock.send(new GetModelInvocationJobCommand({ jobIdentifier: job.jobArn }));
  const o = out as typeof out & Partial<Record<"totalRecordCount" | "processedRecordCount" | "successRecordCount" | "errorRecordCount", number>>;
  const data = {
    lastModifiedTime: out.lastModifiedTime ?? null,
    endTime: out.endTime ?? null,
    jobExpirationTime: out.jobExpirationTime ?? null,
    submitTime: out.submitTime ?? job.submitTime,
    ...(o.totalRecordCount !== undefined ? { totalRecordCount: o.totalRecordCount } : {}),
    ...(o.processedRecordCount !== undefined ? { processedRecordCount: o.processedRecordCount } : {}),
    ...(o.successRecordCount !== undefined ? { successRecordCount: o.successRecordCount } : {}),
    ...(o.errorRecordCount !== undefined ? { errorRecordCount: o.errorRecordCount } : {}),
  };
  const status = out.status ?? job.status;
  if (status !== job.status) {
    await setStatus(deps, job, status, out.message ?? null, data);
    return deps.basePollMs ?? 2000;
  }
  await deps.prisma.job.update({ where: { id: job.id }, data: { ...data, pollCount: { increment: 1 } } });
  return pollDelay(deps, job.pollCount + 1);
}
