import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { convertToJsonl, type ConvertedLine } from "@/lib/jsonl";
import { lineFromModelInput } from "@/lib/jsonl/line-template";
import { utf8Length } from "@/lib/jsonl/byte-length";
import { modelLines } from "@/lib/jsonl/model-lines";
import { openObjectWriter, parseS3Uri, readObject, type StorageTarget } from "@/lib/storage";

/**
 * Convert a dataset's normalised transcripts into one JSONL file per job part, streamed to S3.
 * Deterministic: the same batch always writes the same keys with the same bytes, so a crash
 * half-way is mended by running it again.
 */
export async function writeBatchInput(opts: { prisma: Db; storage: StorageTarget; batchId: string }): Promise<void> {
  const { prisma, storage } = opts;
  const batch = await prisma.batch.findUniqueOrThrow({
    where: { id: opts.batchId },
    include: { dataset: true, modelConfig: true, templateVersion: true, jobs: { orderBy: { part: "asc" } } },
  });
  const build = modelLines(batch.modelConfig, batch.templateVersion.body);
  let lines: AsyncIterable<Pick<ConvertedLine, "line" | "bytes">>;
  let summary = { accepted: 0 };
  // A retry runs its failed records; a comparison's arm only the comparison's calls. Record ids stay the dataset's own.
  const subset = batch.recordIds.length ? batch.recordIds : batch.comparisonId ? [...(await sampleRecordIds(prisma, batch.comparisonId))].sort() : null;
  if (subset) {
    lines = subsetLines(prisma, batch.datasetId, subset, build);
    summary = { accepted: subset.length };
  } else {
    if (!batch.dataset.sourceKey) throw new AppError("NOT_FOUND", "The dataset's transcripts are missing from storage.");
    const source = await readObject({ ...storage, key: batch.dataset.sourceKey });
    ({ lines, summary } = convertToJsonl(source, {
      format: "jsonl",
      fileName: "transcripts.jsonl",
      redact: false, // redacted once, at upload
      ...build,
    }));
  }

  const iterator = lines[Symbol.asyncIterator]();
  for (const job of batch.jobs) {
    const key = parseS3Uri(job.inputS3Uri).key + "records.jsonl";
    const out = openObjectWriter({ ...storage, key, contentType: "application/jsonl" });
    let bytes = 0;
    try {
      for (let n = 0; n < job.recordCount; n++) {
        const next = await iterator.next();
        if (next.done) throw new Error(`dataset ended after ${summary.accepted} records; part ${job.part} expected more`);
        bytes += next.value.bytes;
        await out.write(next.value.line + "\n");
      }
    } catch (e) {
      await out.abort();
      throw e;
    }
    await out.close();
    await prisma.job.update({ where: { id: job.id }, data: { inputBytes: BigInt(bytes) } });
  }
  await prisma.batch.update({ where: { id: batch.id }, data: { status: "ready", message: null } });
}

async function sampleRecordIds(prisma: Db, comparisonId: string): Promise<Set<string>> {
  const rows = await prisma.comparisonCall.findMany({ where: { comparisonId }, select: { transcript: { select: { recordId: true } } } });
  return new Set(rows.map((r) => r.transcript.recordId));
}

const SUBSET_PAGE = 200;

/**
 * A retry's lines, from the Transcript rows (the same redacted text as the normalised copy), under
 * each call's own recordId so its result lands on the same call; in recordId order, a page at a time.
 */
async function* subsetLines(prisma: Db, datasetId: string, recordIds: string[], build: ReturnType<typeof modelLines>): AsyncIterable<Pick<ConvertedLine, "line" | "bytes">> {
  for (let i = 0; i < recordIds.length; i += SUBSET_PAGE) {
    const page = recordIds.slice(i, i + SUBSET_PAGE);
    const rows = await prisma.transcript.findMany({ where: { datasetId, recordId: { in: page } }, select: { recordId: true, callId: true, text: true, lineNumber: true } });
    const byId = new Map(rows.map((r) => [r.recordId, r]));
    for (const recordId of page) {
      const t = byId.get(recordId);
      if (!t) throw new Error(`record ${recordId} is no longer in the dataset (deleted?)`);
      if (build.lineTemplate) {
        const { line, bytes } = build.lineTemplate.buildLineWithBytes(recordId, t.text);
        yield { line, bytes: bytes + 1 };
      } else {
        const line = lineFromModelInput(recordId, build.buildModelInput!({ callId: t.callId, text: t.text, line: t.lineNumber ?? 0 }));
        yield { line, bytes: utf8Length(line) + 1 };
      }
    }
  }
}

/** How long a batch whose input cannot be written keeps being retried before it is failed. */
const GIVE_UP_MS = 15 * 60_000;

/** Write a batch's input again (the tracker calls this for batches left "submitting"); give up after a while. */
export async function mendBatchInput(opts: { prisma: Db; storage: StorageTarget; batch: { id: string; createdAt: Date } }): Promise<void> {
  const { prisma, batch } = opts;
  try {
    await writeBatchInput({ prisma, storage: opts.storage, batchId: batch.id });
  } catch (e) {
    const message = `Writing the batch input to S3 failed: ${(e as Error).message}`;
    if (Date.now() - batch.createdAt.getTime() < GIVE_UP_MS) {
      await prisma.batch.update({ where: { id: batch.id }, data: { message } });
      return;
    }
    // Nothing was sent to Bedrock: fail the batch and its jobs so nobody waits on them.
    const failed = `${message}. Check the storage settings and submit the dataset again.`;
    const jobs = await prisma.job.findMany({ where: { batchId: batch.id, status: "Pending" }, select: { id: true } });
    await prisma.$transaction([
      prisma.batch.update({ where: { id: batch.id }, data: { status: "failed", message: failed } }),
      prisma.job.updateMany({ where: { batchId: batch.id, status: "Pending" }, data: { status: "Failed", message: failed, endTime: new Date() } }),
      prisma.jobEvent.createMany({ data: jobs.map((j) => ({ jobId: j.id, status: "Failed", message: failed })) }),
    ]);
  }
}
