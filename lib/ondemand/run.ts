import "server-only";
import type { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import type { Db } from "@/lib/db";
import { isTerminal } from "@/lib/bedrock/statuses";
import { insertResults, insertTarget, type InsertTarget } from "@/lib/results/ingest";
import { invokeOne, type CallResult } from "./invoke";

export type OnDemandDeps = {
  prisma: Db;
  runtime: BedrockRuntimeClient;
  /** the tracker's lease owner; the lease is renewed after every call and the run stops if it was lost */
  owner: string;
  leaseMs: number;
  /** calls in flight at once per job (the SDK's adaptive retries pace them further) */
  concurrency?: number;
  /** calls per tracker pass; the next pass goes on where this one stopped */
  sliceSize?: number;
  log?: (msg: string) => void;
};

const DEFAULT_CONCURRENCY = 4;
const DEFAULT_SLICE = 40;
/** Next pass soon while calls remain; later when the model is throttling us. */
const NEXT_SLICE_MS = 0;
const THROTTLED_MS = 5_000;

/**
 * One tracker pass over an on-demand job: up to `sliceSize` of its transcripts that have no
 * Result row yet go through InvokeModel, each result stored as soon as it is back (keyed by
 * (job, recordId) like batch output, so no call is stored twice and a restart goes on with the
 * calls that have none). Returns the delay before the next pass.
 */
export async function runOnDemandSlice(deps: OnDemandDeps, jobId: string): Promise<number> {
  const { prisma } = deps;
  const job = await prisma.job.findUniqueOrThrow({
    where: { id: jobId },
    include: { batch: { select: { datasetId: true, transcriptIds: true, modelConfig: true, templateVersion: { select: { body: true, expectsJson: true } } } } },
  });
  if (isTerminal(job.status)) {
    if (!job.ingestedAt) await prisma.job.update({ where: { id: job.id }, data: { ingestedAt: new Date() } });
    return NEXT_SLICE_MS;
  }
  if (job.stopRequested) {
    await finish(deps, job.id, "Stopped", "Stopped on request; the calls done so far are kept.");
    return NEXT_SLICE_MS;
  }
  const scope = { datasetId: job.batch.datasetId, ...(job.batch.transcriptIds.length ? { id: { in: job.batch.transcriptIds } } : {}) };
  if (job.status === "Pending") await setStatus(prisma, job.id, "InProgress", null, { submitTime: new Date(), ...(await counters(prisma, job.id, scope)) });

  const todo = await prisma.transcript.findMany({
    where: { ...scope, results: { none: { jobId: job.id } } },
    orderBy: { recordId: "asc" },
    take: deps.sliceSize ?? DEFAULT_SLICE,
    select: { id: true, recordId: true, callId: true, text: true },
  });
  if (todo.length === 0) {
    await finish(deps, job.id, "Completed", null);
    return NEXT_SLICE_MS;
  }

  const model = job.batch.modelConfig;
  const target = await insertTarget(prisma, job.id);
  let halt: { delay: number } | { fatal: string } | undefined;
  let next = 0;
  const worker = async () => {
    while (!halt && next < todo.length) {
      const t = todo[next++]!;
      const out = await invokeOne({ runtime: deps.runtime, model, template: job.batch.templateVersion, transcript: t });
      if (out.kind === "later") {
        deps.log?.(`[ondemand] job ${job.id}: ${out.message}; going on later`);
        halt ??= { delay: THROTTLED_MS };
        return;
      }
      if (out.kind === "fatal") {
        halt ??= { fatal: out.message };
        return;
      }
      await storeResult(prisma, target, t, out);
      if (!(await renewLease(deps, job.id, out.kind === "ok"))) halt ??= { delay: NEXT_SLICE_MS };
    }
  };
  await Promise.all(Array.from({ length: Math.min(deps.concurrency ?? DEFAULT_CONCURRENCY, todo.length) }, worker));
  if (halt && "fatal" in halt) {
    await finish(deps, job.id, "Failed", halt.fatal);
    return NEXT_SLICE_MS;
  }
  await prisma.job.update({ where: { id: job.id }, data: await counters(prisma, job.id, scope) });
  return halt?.delay ?? NEXT_SLICE_MS;
}

/**
 * One call's answer, stored the way batch output is (lib/results/ingest insertResults): the call's
 * metadata, owner, model and cost on the row, the rollups and topics kept, and ON CONFLICT on
 * (job, recordId), so a second runner that raced for the same call (an expired lease) adds nothing.
 */
async function storeResult(prisma: Db, target: InsertTarget, t: { id: string; recordId: string }, out: Exclude<CallResult, { kind: "later" | "fatal" }>) {
  const base = { jobId: target.jobId, recordId: t.recordId };
  await insertResults(prisma, target, [
    out.kind === "ok"
      ? { ...base, ok: true, summary: out.summary, fields: out.fields ?? undefined, sentiment: out.sentiment, inputTokens: out.inputTokens, outputTokens: out.outputTokens, errorCode: null, errorMessage: null }
      : { ...base, ok: false, summary: null, sentiment: null, inputTokens: null, outputTokens: null, errorCode: out.errorCode, errorMessage: out.errorMessage },
  ]);
}

/**
 * Keeps the tracker's lease while calls go on and moves the progress counters on by one call
 * (the slice's end recounts them from the Result rows); false when another instance holds the
 * lease now, or a stop was asked for.
 */
async function renewLease(deps: OnDemandDeps, jobId: string, ok: boolean): Promise<boolean> {
  const { count } = await deps.prisma.job.updateMany({
    where: { id: jobId, leaseOwner: deps.owner, stopRequested: false },
    data: {
      leaseUntil: new Date(Date.now() + deps.leaseMs),
      processedRecordCount: { increment: 1 },
      ...(ok ? { successRecordCount: { increment: 1 } } : { errorRecordCount: { increment: 1 } }),
    },
  });
  return count === 1;
}

/** The job's counters as a manifest would give them, from its Result rows. */
async function counters(prisma: Db, jobId: string, scope: object) {
  const [total, byOk, tokens] = await Promise.all([
    prisma.transcript.count({ where: scope }),
    prisma.result.groupBy({ by: ["ok"], where: { jobId }, _count: { _all: true } }),
    prisma.result.aggregate({ where: { jobId }, _sum: { inputTokens: true, outputTokens: true } }),
  ]);
  const success = byOk.find((g) => g.ok)?._count._all ?? 0;
  const error = byOk.find((g) => !g.ok)?._count._all ?? 0;
  return {
    totalRecordCount: total, processedRecordCount: success + error, successRecordCount: success, errorRecordCount: error,
    inputTokenCount: BigInt(tokens._sum.inputTokens ?? 0), outputTokenCount: BigInt(tokens._sum.outputTokens ?? 0),
    lastModifiedTime: new Date(),
  };
}

async function finish(deps: OnDemandDeps, jobId: string, status: "Completed" | "Stopped" | "Failed", message: string | null) {
  const job = await deps.prisma.job.findUniqueOrThrow({ where: { id: jobId }, select: { batch: { select: { datasetId: true, transcriptIds: true } } } });
  const scope = { datasetId: job.batch.datasetId, ...(job.batch.transcriptIds.length ? { id: { in: job.batch.transcriptIds } } : {}) };
  const now = new Date();
  await setStatus(deps.prisma, jobId, status, message, { ...(await counters(deps.prisma, jobId, scope)), endTime: now, ingestedAt: now });
}

async function setStatus(prisma: Db, jobId: string, status: string, message: string | null, data: Record<string, unknown> = {}) {
  await prisma.$transaction([
    prisma.job.update({ where: { id: jobId }, data: { status, message, pollCount: 0, ...data } }),
    prisma.jobEvent.create({ data: { jobId, status, message } }),
  ]);
}
