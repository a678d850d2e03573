import "server-only";
import type { Db } from "@/lib/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/guards";
import { ownsOrOversees } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/log";
import { keys, s3Uri, type StorageTarget } from "@/lib/storage";
import { estimateBatch } from "./estimate";
import { writeBatchInput } from "./batch-input";
import { clientRequestToken, jobName } from "./names";
import type { JobTag } from "./job-options";
import { failedRecords, remainingRecords } from "./retry";

export type CreateBatchInput = {
  prisma: Db;
  storage: StorageTarget;
  user: SessionUser;
  datasetId: string;
  modelConfigId: string;
  templateVersionId: string;
  serviceRoleId?: string;
  name?: string;
  /** one per rendered form: a double click or a retried request returns the same batch */
  requestKey: string;
  /** one arm of a comparison: the batch runs only the comparison's calls */
  comparison?: { id: string; arm: "A" | "B" };
  /** CreateModelInvocationJob's timeoutDurationInHours (default: the model's) */
  timeoutHours?: number;
  /** the user's own job tags; Recap adds its batch id and user when it creates each job */
  tags?: JobTag[];
  /** rerun the failed records of this batch (or of one job of it) instead of the whole dataset */
  retryOf?: { batchId: string; jobId?: string };
};

/**
 * Create a batch and its job parts (each with its deterministic clientRequestToken), then write
 * the JSONL input to S3. The tracker submits the parts as the model's concurrency quota allows.
 */
export async function createBatch(input: CreateBatchInput): Promise<{ batchId: string }> {
  const { prisma, user } = input;
  const existing = await prisma.batch.findUnique({ where: { requestKey: input.requestKey }, select: { id: true, createdById: true } });
  if (existing) return sameUser(existing, user);

  const retry = input.retryOf ? await retrySource(prisma, user, input.retryOf) : null;
  const datasetId = retry?.datasetId ?? input.datasetId;
  const dataset = await prisma.dataset.findUnique({ where: { id: datasetId }, select: { id: true, name: true, createdById: true } });
  if (!dataset || !ownsOrOversees(user, dataset.createdById)) {
    throw new AppError("NOT_FOUND", "That dataset does not exist or is not yours.", "datasetId");
  }
  const model = await prisma.modelConfig.findUnique({ where: { id: input.modelConfigId }, select: { defaultTimeoutHours: true } });
  const role = input.serviceRoleId
    ? await prisma.serviceRole.findUnique({ where: { id: input.serviceRoleId } })
    : await prisma.serviceRole.findFirst({ orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }] });
  if (!role) throw new AppError("VALIDATION", "No IAM service role is configured. An admin must add one under Admin → Service roles.", "serviceRoleId");

  const recordIds = retry?.recordIds ?? (await remainingRecords(prisma, dataset.id));
  const estimate = await estimateBatch({
    prisma, datasetId: dataset.id, modelConfigId: input.modelConfigId, templateVersionId: input.templateVersionId,
    comparisonId: input.comparison?.id, recordIds,
  });
  if (!estimate.plan.ok) throw new AppError("QUOTA", estimate.plan.error.message);
  const parts = estimate.plan.parts;
  const name = input.name?.trim() || (retry ? `Retry of ${retry.name}` : dataset.name);
  const timeoutHours = input.timeoutHours ?? model?.defaultTimeoutHours ?? 168;
  const tags = input.tags ?? [];

  let batchId: string;
  try {
    batchId = await prisma.$transaction(async (tx) => {
      const batch = await tx.batch.create({
        data: {
          name, requestKey: input.requestKey, datasetId: dataset.id, modelConfigId: input.modelConfigId,
          templateVersionId: input.templateVersionId, serviceRoleId: role.id, createdById: user.id,
          recordCount: estimate.records, estInputTokens: BigInt(estimate.inputTokens),
          estOutputTokens: BigInt(estimate.outputTokens), estCostUsd: estimate.costUsd,
          comparisonId: input.comparison?.id, comparisonArm: input.comparison?.arm,
          timeoutHours, tags, retryOfId: retry?.batchId ?? null, recordIds: recordIds ?? [],
        },
      });
      const { bucket, inputPrefix, outputPrefix } = input.storage;
      await tx.job.createMany({
        data: parts.map((p) => ({
          batchId: batch.id, part: p.part, recordCount: p.records,
          jobName: jobName(name, batch.id, p.part),
          clientRequestToken: clientRequestToken(batch.id, p.part),
          inputS3Uri: s3Uri(bucket, keys.batchPart(inputPrefix, batch.id, p.part)),
          outputS3Uri: s3Uri(bucket, keys.batchPart(outputPrefix, batch.id, p.part)),
        })),
      });
      await audit({
        actor: user, action: retry ? "batch.retry" : "batch.submit", targetType: "Batch", targetId: batch.id,
        after: { name, datasetId: dataset.id, records: estimate.records, parts: parts.length, modelConfigId: input.modelConfigId, templateVersionId: input.templateVersionId, timeoutHours, tags, ...(retry ? { retryOf: retry.batchId, jobId: input.retryOf?.jobId } : {}) },
      }, tx);
      return batch.id;
    });
  } catch (e) {
    // Two requests with one key raced: the other one made the batch.
    if (isUniqueViolation(e)) {
      const winner = await prisma.batch.findUniqueOrThrow({ where: { requestKey: input.requestKey }, select: { id: true, createdById: true } });
      return sameUser(winner, user);
    }
    throw e;
  }

  try {
    await writeBatchInput({ prisma, storage: input.storage, batchId });
  } catch (e) {
    // Left "submitting": the tracker writes the input again (deterministically) and goes on.
    console.error(`[submit] writing input for batch ${batchId} failed; the tracker will retry`, e);
  }
  return { batchId };
}

/** The batch a retry comes from, and its failed records; NOT_FOUND outside the user's scope. */
async function retrySource(prisma: Db, user: SessionUser, from: { batchId: string; jobId?: string }) {
  const batch = await prisma.batch.findUnique({ where: { id: from.batchId }, select: { id: true, name: true, datasetId: true, createdById: true } });
  if (!batch || !ownsOrOversees(user, batch.createdById)) throw new AppError("NOT_FOUND", "That batch does not exist or is not yours.");
  if (from.jobId && !(await prisma.job.count({ where: { id: from.jobId, batchId: batch.id } }))) throw new AppError("NOT_FOUND", "That job is not part of the batch.");
  const failed = await failedRecords({ prisma, batchId: batch.id, jobId: from.jobId });
  if (failed.recordIds.length === 0) {
    throw new AppError("VALIDATION", failed.pendingJobs ? "No failed records yet: wait until the jobs have ended." : "Every record has a summary: there is nothing to rerun.");
  }
  return { batchId: batch.id, name: batch.name, datasetId: batch.datasetId, recordIds: failed.recordIds };
}

function sameUser(batch: { id: string; createdById: string }, user: SessionUser): { batchId: string } {
  if (batch.createdById !== user.id) throw new AppError("CONFLICT", "That form was already used by someone else. Reload the page.");
  return { batchId: batch.id };
}
