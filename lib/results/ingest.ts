import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { jobIdFromArn } from "@/lib/bedrock/statuses";
import { keys, listObjects, readObject, type Target } from "@/lib/storage";
import { parseManifest } from "./parse-manifest";
import { parseOutputLine, type LineProblem } from "./parse-output";
import { parseSummary } from "./parse-summary";
import { readLines } from "./read-lines";

const FLUSH_EVERY = 2000;

type ResultRow = {
  jobId: string; recordId: string; transcriptId: string | null; ok: boolean; summary: string | null;
  fields?: object; sentiment: string | null; inputTokens: number | null; outputTokens: number | null;
  errorCode: number | null; errorMessage: string | null;
};

export type IngestReport = { files: number; records: number; inserted: number; problems: LineProblem[]; manifestFound: boolean };

/**
 * Read a finished job's `.out` files and `manifest.json.out` into Result rows and job counters.
 * Keyed by (job, recordId) with skipDuplicates, so running it twice, or again after a crash
 * half-way, adds nothing twice. Files are streamed line by line.
 */
export async function ingestJobResults(opts: { prisma: Db; storage: Target; jobId: string }): Promise<IngestReport> {
  const { prisma, storage } = opts;
  const job = await prisma.job.findUniqueOrThrow({
    where: { id: opts.jobId },
    select: { id: true, jobArn: true, outputS3Uri: true, batch: { select: { datasetId: true, templateVersion: { select: { expectsJson: true } } } } },
  });
  if (!job.jobArn) throw new Error(`job ${job.id} was never created in Bedrock`);
  const prefix = keys.jobOutputDir(job.outputS3Uri, jobIdFromArn(job.jobArn));
  const report: IngestReport = { files: 0, records: 0, inserted: 0, problems: [], manifestFound: false };
  const expectsJson = job.batch.templateVersion.expectsJson;

  // One query for the record -> transcript map (~50 bytes a record), instead of one per flush.
  const transcripts = await prisma.transcript.findMany({ where: { datasetId: job.batch.datasetId }, select: { id: true, recordId: true } });
  const byRecord = new Map(transcripts.map((t) => [t.recordId, t.id]));
  let rows: ResultRow[] = [];
  // One insert in flight while the next rows are parsed: the database and the parser overlap.
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (!rows.length) return;
    const data = rows;
    rows = [];
    for (const r of data) r.transcriptId = byRecord.get(r.recordId) ?? null;
    await inFlight;
    inFlight = insertResults(prisma, data).then((count) => {
      report.inserted += count;
    });
  };

  let manifestKey: string | undefined;
  for await (const obj of listObjects({ ...storage, prefix })) {
    if (obj.key.endsWith("/manifest.json.out")) manifestKey = obj.key;
    if (!obj.key.endsWith(".jsonl.out")) continue;
    report.files++;
    for await (const { line, lineNumber } of readLines(await readObject({ ...storage, key: obj.key }))) {
      const parsed = parseOutputLine(line, lineNumber);
      if (!parsed) continue;
      if (parsed.kind === "problem") {
        report.problems.push(parsed.problem);
        // A damaged line that still names its record is kept as that record's error.
        if (parsed.problem.recordId) rows.push(errorRow(job.id, parsed.problem.recordId, 0, parsed.problem.message));
        continue;
      }
      if (parsed.record.ok) {
        const s = parseSummary(parsed.record.text, expectsJson);
        rows.push({
          jobId: job.id, recordId: parsed.record.recordId, transcriptId: null, ok: true,
          summary: s.fields?.summary || s.summaryText, fields: s.fields ?? undefined, sentiment: s.sentiment,
          inputTokens: parsed.record.inputTokens ?? null, outputTokens: parsed.record.outputTokens ?? null,
          errorCode: null, errorMessage: null,
        });
      } else rows.push(errorRow(job.id, parsed.record.recordId, parsed.record.errorCode, parsed.record.errorMessage));
      report.records++;
      if (rows.length >= FLUSH_EVERY) await flush();
    }
  }
  await flush();
  await inFlight;

  const data: Record<string, unknown> = { ingestedAt: new Date() };
  if (manifestKey) {
    const chunks: Buffer[] = [];
    for await (const c of await readObject({ ...storage, key: manifestKey })) chunks.push(c as Buffer);
    const m = parseManifest(Buffer.concat(chunks).toString("utf8"));
    if (m.ok) {
      report.manifestFound = true;
      Object.assign(data, {
        totalRecordCount: m.manifest.totalRecordCount, processedRecordCount: m.manifest.processedRecordCount,
        successRecordCount: m.manifest.successRecordCount, errorRecordCount: m.manifest.errorRecordCount,
        inputTokenCount: BigInt(m.manifest.inputTokenCount), outputTokenCount: BigInt(m.manifest.outputTokenCount),
      });
    }
  }
  await prisma.job.update({ where: { id: job.id }, data });
  return report;
}

/**
 * One INSERT ... SELECT FROM unnest(arrays) per batch: a dozen array parameters instead of
 * Prisma's createMany with ~25,000 scalar parameters, and ON CONFLICT keeps it idempotent.
 */
async function insertResults(prisma: Db, rows: ResultRow[]): Promise<number> {
  const col = <K extends keyof ResultRow>(k: K) => rows.map((r) => r[k]);
  return prisma.$executeRaw`
    INSERT INTO "Result" ("id", "jobId", "recordId", "transcriptId", "ok", "summary", "fields", "sentiment",
                          "inputTokens", "outputTokens", "errorCode", "errorMessage")
    SELECT * FROM unnest(
      ${rows.map(() => randomUUID())}::text[], ${col("jobId")}::text[], ${col("recordId")}::text[],
      ${col("transcriptId")}::text[], ${col("ok")}::boolean[], ${col("summary")}::text[],
      ${rows.map((r) => (r.fields ? JSON.stringify(r.fields) : null))}::jsonb[], ${col("sentiment")}::text[],
      ${col("inputTokens")}::int[], ${col("outputTokens")}::int[], ${col("errorCode")}::int[], ${col("errorMessage")}::text[])
    ON CONFLICT ("jobId", "recordId") DO NOTHING`;
}

function errorRow(jobId: string, recordId: string, errorCode: number, errorMessage: string): ResultRow {
  return { jobId, recordId, transcriptId: null, ok: false, summary: null, sentiment: null, inputTokens: null, outputTokens: null, errorCode, errorMessage };
}
