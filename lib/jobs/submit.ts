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
};

/**
 * Create a batch and its job parts (each with its deterministic clientRequestToken), then write
 * the JSONL input to S3. The tracker submits the parts as the model's concurrency quota allows.
 */
export async function createBatch(input: CreateBatchInput): Promise<{ batchId: string }> {
  const { prisma, user } = input;
  const existing = await prisma.batch.findUnique({ where: { requestKey: input.requestKey }, select: { id: true, createdById: true } });
  if (existing) return sameUser(existing, user);

  const dataset = await prisma.dataset.findUnique({ where: { id: input.datasetId }, select: { id: true, name: true, createdById: true } });
  if (!dataset || !ownsOrOversees(user, dataset.createdById)) {
    throw new AppError("NOT_FOUND", "That dataset does not exist or is not yours.", "datasetId");
  }
  const role = input.serviceRoleId
    ? await prisma.serviceRole.findUnique({ where: { id: input.serviceRoleId } })
    : await prisma.serviceRole.findFirst({ orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }] });
  if (!role) throw new AppError("VALIDATION", "No IAM service role is configured. An admin must add one under Admin → Service roles.", "serviceRoleId");

  const estimate = await estimateBatch({
    prisma, datasetId: dataset.id, modelConfigId: input.modelConfigId, templateVersionId: input.templateVersionId, comparisonId: input.comparison?.id,
  });
  if (!estimate.plan.ok) throw new AppError("QUOTA", estimate.plan.error.message);
  const parts = estimate.plan.parts;
  const name = input.name?.trim() || dataset.name;

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
      await audit({ actor: user, action: "batch.submit", targetType: "Batch", targetId: batch.id, after: { name, datasetId: dataset.id, records: estimate.records, parts: parts.length, modelConfigId: input.modelConfigId, templateVersionId: input.templateVersionId } }, tx);
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

function sameUser(batch: { id: string; createdById: string }, user: SessionUser): { batchId: string } {
  if (batch.createdById !== user.id) throw new AppError("CONFLICT", "That form was already used by someone else. Reload the page.");
  return { batchId: batch.id };
}
