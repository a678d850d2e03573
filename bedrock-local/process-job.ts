// InProgress: every record of every input file through the model, in input order, with
// bounded concurrency; lines go to a local checkpoint, each finished file is uploaded once.
import { createHash } from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import type { S3Client } from "@aws-sdk/client-s3";
import { CheckpointWriter, recoverCheckpoint } from "./checkpoint";
import type { Quotas } from "./catalog";
import { stableId, type Family } from "./families/family";
import { addCounts, tagValue, type JobRecord } from "./job";
import { parseS3Uri, putText, readObjectLines, uploadFile } from "./s3-io";
import { RecordError, type TextModel } from "./text-model";

export type ProcessOutcome = { kind: "completed" } | { kind: "partial"; message: string } | { kind: "stopped" };

export type ProcessDeps = {
  s3: S3Client;
  quotas: Quotas;
  model: TextModel;
  family: Family;
  workDir: string;
  now: () => number;
  saveProgress: () => void;
  logEvent: (event: string, detail?: Record<string, unknown>) => void;
};

/** Share of records (0..1) that a recordId falls into; the same id always lands in the same place. */
export function recordShare(recordId: string): number {
  return createHash("sha1").update(recordId).digest().readUInt32BE(0) / 0x1_0000_0000;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(t), resolve()), { once: true });
  });

export function outputBase(job: JobRecord): { bucket: string; prefix: string } {
  const { bucket, key } = parseS3Uri(job.outputDataConfig.s3OutputDataConfig.s3Uri);
  return { bucket, prefix: `${key === "" || key.endsWith("/") ? key : `${key}/`}${job.jobId}/` };
}

export async function writeManifest(s3: S3Client, job: JobRecord): Promise<void> {
  const { bucket, prefix } = outputBase(job);
  const c = job.counts;
  const manifest = {
    totalRecordCount: job.totalRecords ?? 0,
    processedRecordCount: c.processed,
    successRecordCount: c.success,
    errorRecordCount: c.error,
    inputTokenCount: c.inputTokens,
    outputTokenCount: c.outputTokens,
  };
  await putText(s3, bucket, `${prefix}manifest.json.out`, JSON.stringify(manifest));
}

/** Uploads the partly written file (stop, time-out) so the records done so far are readable. */
export async function flushCurrentFile(deps: ProcessDeps, job: JobRecord): Promise<void> {
  const file = job.files?.[job.filesDone];
  const checkpoint = path.join(deps.workDir, `${job.filesDone}.out.partial`);
  if (file && (await fsp.stat(checkpoint).catch(() => undefined))) {
    const { bucket, prefix } = outputBase(job);
    await uploadFile(deps.s3, bucket, `${prefix}${file.outName}.out`, checkpoint);
  }
  await writeManifest(deps.s3, job);
}

export async function processJob(deps: ProcessDeps, job: JobRecord, signal: AbortSignal): Promise<ProcessOutcome> {
  const files = job.files ?? [];
  const failShare = Number(tagValue(job, "bedrock-local:fail-records") ?? 0);
  const slowMs = Number(tagValue(job, "bedrock-local:slow-ms") ?? 0);
  const recordBudget = Number(tagValue(job, "bedrock-local:timeout-records") ?? Infinity);
  const expiresAt = Date.parse(job.jobExpirationTime);
  const concurrency = Math.max(1, slowMs > 0 ? 1 : deps.model.concurrency);
  const { bucket: inBucket } = parseS3Uri(job.inputDataConfig.s3InputDataConfig.s3Uri);
  const { bucket: outBucket, prefix } = outputBase(job);
  await fsp.mkdir(deps.workDir, { recursive: true });

  for (; job.filesDone < files.length; ) {
    const file = files[job.filesDone]!;
    const checkpoint = path.join(deps.workDir, `${job.filesDone}.out.partial`);
    const recovered = await recoverCheckpoint(checkpoint, deps.family);
    const fileCounts = recovered.counts;
    job.counts = addCounts(job.doneCounts, fileCounts);
    if (recovered.lines > 0) deps.logEvent("resume", { file: file.key, linesKept: recovered.lines });
    const writer = new CheckpointWriter(checkpoint);
    const pending: Promise<Done>[] = [];
    let stopReason: ProcessOutcome | undefined;
    let lastSave = deps.now();

    const takeOne = async () => {
      const done = await pending.shift()!;
      await writer.write(done.line);
      fileCounts.processed++;
      if (done.ok) {
        fileCounts.success++;
        fileCounts.inputTokens += done.inputTokens;
        fileCounts.outputTokens += done.outputTokens;
      } else fileCounts.error++;
      job.counts = addCounts(job.doneCounts, fileCounts);
      if (deps.now() - lastSave > 1000) {
        lastSave = deps.now();
        deps.saveProgress();
      }
    };

    try {
      let index = 0;
      for await (const raw of readObjectLines(deps.s3, inBucket, file.key, deps.quotas.maxLineBytes, signal)) {
        if (raw.trim() === "") continue;
        index++;
        if (index <= recovered.lines) continue;
        if (signal.aborted) {
          stopReason = { kind: "stopped" };
          break;
        }
        if (job.counts.processed + pending.length >= recordBudget || deps.now() >= expiresAt) {
          stopReason = { kind: "partial", message: "Not all of your records could be processed in time." };
          break;
        }
        pending.push(runRecord(raw, { job, deps, failShare, slowMs, signal, fileIndex: job.filesDone, index }));
        if (pending.length >= concurrency) await takeOne();
      }
      while (pending.length > 0) await takeOne();
    } finally {
      await writer.close();
    }
    if (signal.aborted && !stopReason) stopReason = { kind: "stopped" };
    if (stopReason) {
      if (stopReason.kind === "partial") await flushCurrentFile(deps, job);
      return stopReason;
    }
    await uploadFile(deps.s3, outBucket, `${prefix}${file.outName}.out`, checkpoint);
    job.doneCounts = addCounts(job.doneCounts, fileCounts);
    job.counts = job.doneCounts;
    job.filesDone++;
    deps.saveProgress();
    await fsp.rm(checkpoint, { force: true });
  }
  await writeManifest(deps.s3, job);
  return { kind: "completed" };
}

type RecordContext = { job: JobRecord; deps: ProcessDeps; failShare: number; slowMs: number; signal: AbortSignal; fileIndex: number; index: number };

type Done = { line: string; ok: boolean; inputTokens: number; outputTokens: number };

async function runRecord(raw: string, ctx: RecordContext): Promise<Done> {
  const rec = JSON.parse(raw) as { recordId?: string; modelInput: unknown };
  // Bedrock adds a recordId when the input has none; ours is stable across reruns.
  const recordId = rec.recordId ?? stableId(`${ctx.job.jobId}/${ctx.fileIndex}/${ctx.index}`, 11).toUpperCase();
  const modelInput = rec.modelInput;
  const errorLine = (errorCode: number, errorMessage: string): Done => ({
    line: JSON.stringify({ recordId, modelInput, error: { errorCode, errorMessage } }),
    ok: false,
    inputTokens: 0,
    outputTokens: 0,
  });

  if (ctx.slowMs > 0) await sleep(ctx.slowMs, ctx.signal);
  if (ctx.failShare > 0 && recordShare(recordId) < ctx.failShare) {
    ctx.deps.logEvent("fault", { rule: "bedrock-local:fail-records", recordId });
    return errorLine(500, "Injected failure (bedrock-local:fail-records): the model could not process this record.");
  }
  const req = ctx.deps.family.parse(modelInput);
  if ("error" in req) return errorLine(400, req.error);
  try {
    const gen = await ctx.deps.model.generate(req, ctx.signal);
    const modelOutput = ctx.deps.family.respond(gen, { modelId: ctx.job.modelId, recordId, jobId: ctx.job.jobId });
    return { line: JSON.stringify({ modelInput, modelOutput, recordId }), ok: true, inputTokens: gen.inputTokens, outputTokens: gen.outputTokens };
  } catch (err) {
    if (err instanceof RecordError) return errorLine(err.errorCode, err.message);
    return errorLine(500, `Internal error while processing the record: ${(err as Error).message}`);
  }
}
