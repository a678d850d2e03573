import "server-only";
import type { Db } from "@/lib/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/guards";
import { ownsOrOversees } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/log";
import { bedrockMinRecordsPerJob } from "@/lib/bedrock/quotas";
import { clientRequestToken, jobName } from "@/lib/jobs/names";
import { estimateBatchCost, onDemandPrices } from "@/lib/results/cost";

/** A call summary in the seed template's JSON runs ~250-350 tokens (as lib/jobs/estimate assumes). */
const TYPICAL_SUMMARY_TOKENS = 350;

export type CreateOnDemandInput = {
  prisma: Db;
  user: SessionUser;
  datasetId: string;
  modelConfigId: string;
  templateVersionId: string;
  /** only these transcripts (e.g. one call re-summarized); unset: the whole dataset, which must be under the batch minimum */
  transcriptIds?: string[];
  name?: string;
  requestKey: string;
};

/**
 * A batch whose one job runs its calls through InvokeModel instead of a Bedrock batch job. No
 * input file, no service role: the tracker hands the job to lib/ondemand/run, which stores
 * each call's result in the same Result rows a batch job's output becomes.
 */
export async function createOnDemandBatch(input: CreateOnDemandInput): Promise<{ batchId: string; jobId: string }> {
  const { prisma, user } = input;
  const existing = await prisma.batch.findUnique({ where: { requestKey: input.requestKey }, select: { id: true, createdById: true, jobs: { select: { id: true } } } });
  if (existing) return sameUser(existing, user);

  const dataset = await prisma.dataset.findUnique({ where: { id: input.datasetId }, select: { id: true, name: true, createdById: true } });
  if (!dataset || !ownsOrOversees(user, dataset.createdById)) throw new AppError("NOT_FOUND", "That dataset does not exist or is not yours.", "datasetId");
  const [model, template] = await Promise.all([
    prisma.modelConfig.findUnique({ where: { id: input.modelConfigId } }),
    prisma.promptTemplateVersion.findUnique({ where: { id: input.templateVersionId }, select: { id: true, body: true } }),
  ]);
  if (!model || !model.enabled) throw new AppError("VALIDATION", "Choose a model that an admin has enabled.", "modelConfigId");
  if (!template) throw new AppError("VALIDATION", "Choose a prompt template.", "templateVersionId");

  const ids = input.transcriptIds ?? [];
  const scope = { datasetId: dataset.id, ...(ids.length ? { id: { in: ids } } : {}) };
  const chars = await prisma.transcript.aggregate({ where: scope, _count: { _all: true }, _sum: { charCount: true } });
  const records = chars._count._all;
  if (ids.length && records !== new Set(ids).size) throw new AppError("NOT_FOUND", "Some of those calls are not in this dataset.");
  if (records === 0) throw new AppError("VALIDATION", "There are no transcripts to summarize.");
  // Below either Recap's or Bedrock's minimum a batch job cannot run; above both, a batch costs half.
  const minimum = Math.max(model.minRecordsPerJob, bedrockMinRecordsPerJob(model.modelId));
  if (!ids.length && records >= minimum) {
    throw new AppError(
      "VALIDATION",
      `This dataset has ${records.toLocaleString("en-US")} transcripts, enough for a batch job (at least ${minimum.toLocaleString("en-US")}), which costs about half. Submit it as a batch.`,
    );
  }
  const cost = estimateBatchCost({
    records,
    inputChars: (chars._sum.charCount ?? 0) + records * template.body.length,
    expectedOutputTokensPerRecord: Math.min(model.maxTokens, TYPICAL_SUMMARY_TOKENS),
    prices: onDemandPrices(model),
  });
  const name = input.name?.trim() || dataset.name;

  try {
    return await prisma.$transaction(async (tx) => {
      const batch = await tx.batch.create({
        data: {
          name, requestKey: input.requestKey, mode: "ondemand", transcriptIds: ids, status: "ready",
          datasetId: dataset.id, modelConfigId: model.id, templateVersionId: template.id, createdById: user.id,
          recordCount: records, estInputTokens: BigInt(cost.inputTokens), estOutputTokens: BigInt(cost.outputTokens), estCostUsd: cost.costUsd,
        },
      });
      const job = await tx.job.create({
        data: {
          batchId: batch.id, part: 1, recordCount: records, jobName: jobName(name, batch.id, 1),
          clientRequestToken: clientRequestToken(batch.id, 1), inputS3Uri: "", outputS3Uri: "",
        },
      });
      await audit({ actor: user, action: "batch.submit", targetType: "Batch", targetId: batch.id, after: { name, mode: "ondemand", datasetId: dataset.id, records, transcriptIds: ids, modelConfigId: model.id, templateVersionId: template.id } }, tx);
      return { batchId: batch.id, jobId: job.id };
    });
  } catch (e) {
    // Two requests with one key raced: the other one made the batch.
    if (isUniqueViolation(e)) {
      const winner = await prisma.batch.findUniqueOrThrow({ where: { requestKey: input.requestKey }, select: { id: true, createdById: true, jobs: { select: { id: true } } } });
      return sameUser(winner, user);
    }
    throw e;
  }
}

function sameUser(batch: { id: string; createdById: string; jobs: { id: string }[] }, user: SessionUser) {
  if (batch.createdById !== user.id) throw new AppError("CONFLICT", "That form was already used by someone else. Reload the page.");
  return { batchId: batch.id, jobId: batch.jobs[0]?.id ?? "" };
}
