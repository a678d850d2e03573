import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { planJobs, type JobPlan, type Quotas } from "@/lib/jsonl";
import { bedrockMinRecordsPerJob } from "@/lib/bedrock/quotas";
import { estimateBatchCost, estimateCost, onDemandPrices, type BatchCost } from "@/lib/results/cost";
import { inputLimitOf } from "./context-limits";

/** A call summary in the seed template's JSON runs ~250-350 tokens; capped by the model's max. */
const TYPICAL_SUMMARY_TOKENS = 350;
/** JSON framing around each prompt in a JSONL line (recordId, keys, model parameters). */
const LINE_OVERHEAD_BYTES = 240;

export function quotasOf(m: { minRecordsPerJob: number; maxRecordsPerJob: number; maxFileBytes: bigint; maxJobBytes: bigint }): Quotas {
  return {
    minRecordsPerJob: m.minRecordsPerJob,
    maxRecordsPerJob: m.maxRecordsPerJob,
    maxFileBytes: Number(m.maxFileBytes),
    maxJobBytes: Number(m.maxJobBytes),
  };
}

/** Transcripts whose prompt (template + transcript) is above the chosen model's input limit. */
export type OverContext = { count: number; limitTokens: number; contextTokens?: number; modelName: string; callIds: string[] };

/**
 * The same calls run one by one (InvokeModel): offered below the model's minimum records per
 * job, where a batch job cannot run; priced at on-demand rates.
 */
export type OnDemandOption = { available: boolean; costUsd: number };

/** The model's minimum records per job in Recap's settings and the one Bedrock enforces. */
export type Minimums = { recap: number; bedrock: number };

export type BatchEstimate = BatchCost & { plan: JobPlan; overContext: OverContext; onDemand: OnDemandOption; minimums: Minimums };

const EXAMPLES = 5;

/**
 * Tokens, cost at batch prices and the split into jobs, before anything is submitted. A
 * comparison's batch covers only the comparison's calls (`comparisonId`); `sampleSize` estimates
 * a sample of that many calls before it is drawn (at the dataset's average length).
 */
export async function estimateBatch(opts: {
  prisma: Db;
  datasetId: string;
  modelConfigId: string;
  templateVersionId: string;
  comparisonId?: string;
  sampleSize?: number;
  /** only these records of the dataset (a retry of failed records) */
  recordIds?: string[];
}): Promise<BatchEstimate> {
  const { prisma } = opts;
  const inSample = opts.comparisonId
    ? { comparisonCalls: { some: { comparisonId: opts.comparisonId } } }
    : opts.recordIds ? { recordId: { in: opts.recordIds } } : {};
  const [dataset, model, template, chars] = await Promise.all([
    prisma.dataset.findUnique({ where: { id: opts.datasetId }, select: { recordCount: true } }),
    prisma.modelConfig.findUnique({ where: { id: opts.modelConfigId } }),
    prisma.promptTemplateVersion.findUnique({ where: { id: opts.templateVersionId }, select: { body: true } }),
    prisma.transcript.aggregate({ where: { datasetId: opts.datasetId, ...inSample }, _sum: { charCount: true }, _count: true }),
  ]);
  if (!dataset) throw new AppError("NOT_FOUND", "That dataset does not exist.", "datasetId");
  if (!model || !model.enabled) throw new AppError("VALIDATION", "Choose a model that an admin has enabled.", "modelConfigId");
  if (!template) throw new AppError("VALIDATION", "Choose a prompt template.", "templateVersionId");
  const all = opts.comparisonId || opts.recordIds ? chars._count : dataset.recordCount;
  const records = opts.sampleSize === undefined ? all : Math.min(all, opts.sampleSize);
  const transcriptChars = Math.round(((chars._sum.charCount ?? 0) * records) / Math.max(1, all));
  const promptChars = transcriptChars + records * template.body.length;
  const cost = estimateBatchCost({
    records,
    inputChars: promptChars,
    expectedOutputTokensPerRecord: Math.min(model.maxTokens, TYPICAL_SUMMARY_TOKENS),
    prices: { inputPricePerMTok: model.inputPricePerMTok, outputPricePerMTok: model.outputPricePerMTok },
  });
  // Escaping adds a little to transcript bytes; the planner keeps headroom below the file limit.
  const approxBytes = Math.ceil(promptChars * 1.05) + records * LINE_OVERHEAD_BYTES;
  const minimums = { recap: model.minRecordsPerJob, bedrock: bedrockMinRecordsPerJob(model.modelId) };
  const onDemand = {
    // Below either minimum a batch job cannot run (or Bedrock would fail it in Validating).
    available: records > 0 && records < Math.max(minimums.recap, minimums.bedrock),
    costUsd: estimateCost({ inputTokens: cost.inputTokens, outputTokens: cost.outputTokens, ...onDemandPrices(model) }),
  };
  let plan = planJobs(records, approxBytes, quotasOf(model));
  if (!plan.ok && opts.recordIds && records < model.minRecordsPerJob) {
    // A rerun of failures is small by nature; "add more transcripts" is no advice for it.
    plan = { ok: false, error: { code: "QUOTA", message: `These ${records} records are below ${model.name}'s minimum of ${model.minRecordsPerJob} records per Bedrock batch job, so Bedrock would refuse the job.` } };
  }
  return {
    ...cost, plan, overContext: await overContext(prisma, { datasetId: opts.datasetId, ...inSample }, model, template.body.length),
    onDemand, minimums,
  };
}

// estimateTokens is ceil(chars / 4), so a prompt is over `limit` tokens when its chars exceed 4 * limit.
async function overContext(
  prisma: Db,
  transcripts: Prisma.TranscriptWhereInput,
  model: { name: string; modelId: string; maxTokens: number; maxInputTokens: number },
  templateChars: number,
): Promise<OverContext> {
  const { tokens, contextTokens } = inputLimitOf(model);
  const where = { ...transcripts, charCount: { gt: Math.max(0, tokens * 4 - templateChars) } };
  const [count, longest] = await Promise.all([
    prisma.transcript.count({ where }),
    prisma.transcript.findMany({ where, orderBy: { charCount: "desc" }, take: EXAMPLES, select: { callId: true } }),
  ]);
  return { count, limitTokens: tokens, contextTokens, modelName: model.name, callIds: longest.map((t) => t.callId) };
}
