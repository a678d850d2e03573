// The app's own pipeline, measured: (1) CSV -> JSONL -> S3 (what submitting does, through
// convertToJsonl and lib/storage's multipart upload), beside `cp`; (2) reading a 50,000-record
// job output into the database (lib/results/ingest) on PGlite and on PostgreSQL.
import { execFileSync } from "node:child_process";
import { createReadStream, rmSync, statSync } from "node:fs";
import { compileLineTemplate, convertToJsonl } from "@/lib/jsonl";
import { buildModelInput } from "@/lib/prompts/model-input";
import { DEFAULT_TEMPLATE, renderTemplate } from "@/lib/prompts/template";
import { openObjectWriter, uploadFile, type ObjectWriter } from "@/lib/storage/objects";
import { ingestJobResults } from "@/lib/results/ingest";
import { createPgliteTestDb, createPostgresTestDb, postgresTestUrl, type TestDb } from "@/test/db";
import path from "node:path";
import { startTestS3, tempDir } from "@/test/stack";
import { createS3Client } from "@/lib/storage/s3-client";
import { startLocalS3Process } from "@/scripts/stack/local-s3-process";
import { buildBenchCsv } from "./convert";

const round = (x: number) => Math.round(x * 10) / 10;

function peakSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  return { stop: () => (clearInterval(timer), round(Math.max(peak, process.memoryUsage().rss) / 1e6)) };
}

export async function benchConvertUpload() {
  const file = await buildBenchCsv();
  // s3rver in its own process, as `npm start` runs it: the measurement is the app's side.
  const s3dir = tempDir("bench-s3");
  const s3server = await startLocalS3Process({ root: path.resolve(__dirname, ".."), directory: s3dir, port: 0, buckets: ["recap"] });
  const s3 = { client: createS3Client({ region: "us-east-1", endpoint: s3server.endpoint }), bucket: "recap", close: async () => { await s3server.close(); rmSync(s3dir, { recursive: true, force: true }); } };
  const template = compileLineTemplate(
    buildModelInput("anthropic", { prompt: renderTemplate(DEFAULT_TEMPLATE.body, { transcript: "{{transcript}}" }), maxTokens: 1024, temperature: 0.2 }),
  );
  global.gc?.();
  const mem = peakSampler();
  const start = performance.now();
  const { lines, summary } = convertToJsonl(createReadStream(file), { fileName: file, lineTemplate: template, quotas: { minRecordsPerJob: 1, maxRecordsPerJob: 50_000, maxFileBytes: 200e6, maxJobBytes: 1e9 } });
  let part = 0;
  let out: ObjectWriter | undefined;
  let outBytes = 0;
  for await (const l of lines) {
    if (l.part !== part) {
      await out?.close();
      part = l.part;
      out = openObjectWriter({ client: s3.client, bucket: s3.bucket, key: `bench/part-${part}.jsonl` });
    }
    outBytes += l.bytes;
    await out!.write(l.line + "\n");
  }
  await out?.close();
  const seconds = (performance.now() - start) / 1000;
  const peakRssMb = mem.stop();
  // The store's own ceiling: the same CSV uploaded as it is, with no conversion.
  const rawStart = performance.now();
  await uploadFile({ client: s3.client, bucket: s3.bucket, key: "bench/raw.csv", path: file });
  const rawSeconds = (performance.now() - rawStart) / 1000;
  await s3.close();
  const inputMb = statSync(file).size / 1e6;
  const cpStart = performance.now();
  execFileSync("cp", [file, file + ".copy"]);
  const cpSeconds = (performance.now() - cpStart) / 1000;
  rmSync(file + ".copy");
  return {
    name: "CSV -> JSONL -> S3 (s3rver in its own process), redaction on",
    records: summary.accepted, parts: part, inputMb: round(inputMb), outputMb: round(outBytes / 1e6),
    seconds: round(seconds), mbPerSecond: round(inputMb / seconds), peakRssMb, cpMbPerSecond: round(inputMb / cpSeconds),
    rawUploadMbPerSecond: round(inputMb / rawSeconds),
  };
}

const CLAUDE_TEXT = JSON.stringify({
  summary: "The customer called about a late refund; the agent confirmed it was issued and gave a reference.",
  reason_for_call: "Refund not received", resolution: "Refund confirmed, reference given", customer_sentiment: "positive",
  action_items: ["Email the refund reference"], topics: ["refund", "billing"],
});

function outputLine(recordId: string, ok: boolean): string {
  const modelInput = { anthropic_version: "bedrock-2023-05-31", max_tokens: 1024, messages: [{ role: "user", content: [{ type: "text", text: "Summarize the call ..." }] }] };
  if (!ok) return JSON.stringify({ modelInput, error: { errorCode: 400, errorMessage: "Malformed input request" }, recordId });
  const modelOutput = {
    id: `msg_bdrk_${recordId}`, type: "message", role: "assistant", model: "claude-3-haiku-20240307",
    content: [{ type: "text", text: CLAUDE_TEXT }], stop_reason: "end_turn", stop_sequence: null, usage: { input_tokens: 1300, output_tokens: 120 },
  };
  return JSON.stringify({ modelInput, modelOutput, recordId });
}

export async function benchIngest(kind: "pglite" | "postgres", records = 50_000) {
  let db: TestDb;
  if (kind === "postgres") {
    const pg = await postgresTestUrl();
    if (!pg.url) return { name: `ingest ${records} records (PostgreSQL)`, skipped: pg.reason };
    db = await createPostgresTestDb(pg.url);
  } else db = await createPgliteTestDb();
  const s3 = await startTestS3();
  const { prisma } = db;
  const user = await prisma.user.create({ data: { id: "u", name: "u", email: "u@x.io" } });
  const model = await prisma.modelConfig.create({ data: { modelId: "anthropic.claude-3-haiku-20240307-v1:0", name: "Haiku", family: "anthropic", inputPricePerMTok: 0.125, outputPricePerMTok: 0.625 } });
  const tpl = await prisma.promptTemplate.create({ data: { name: "t", versions: { create: { version: 1, body: "{{transcript}}" } } }, include: { versions: true } });
  const ds = await prisma.dataset.create({ data: { name: "d", fileName: "d.csv", format: "csv", sizeBytes: 1n, sha256: "x", createdById: user.id, recordCount: records } });
  for (let i = 0; i < records; i += 5000) {
    await prisma.transcript.createMany({
      data: Array.from({ length: Math.min(5000, records - i) }, (_, k) => ({ datasetId: ds.id, callId: `c${i + k}`, recordId: `RC${String(i + k + 1).padStart(9, "0")}`, text: "Customer: hi", charCount: 12 })),
    });
  }
  const batch = await prisma.batch.create({ data: { name: "b", datasetId: ds.id, modelConfigId: model.id, templateVersionId: tpl.versions[0].id, createdById: user.id, recordCount: records } });
  const job = await prisma.job.create({ data: { batchId: batch.id, part: 1, jobName: "j", clientRequestToken: "t", jobArn: "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/abcdefghijkl", status: "Completed", inputS3Uri: "s3://recap/in/", outputS3Uri: "s3://recap/out/", recordCount: records } });
  const out = openObjectWriter({ client: s3.client, bucket: s3.bucket, key: "out/abcdefghijkl/records.jsonl.out" });
  for (let i = 1; i <= records; i++) await out.write(outputLine(`RC${String(i).padStart(9, "0")}`, i % 50 !== 0) + "\n");
  await out.close();
  global.gc?.();
  const mem = peakSampler();
  const start = performance.now();
  const report = await ingestJobResults({ prisma, storage: { client: s3.client, bucket: s3.bucket }, jobId: job.id });
  const seconds = (performance.now() - start) / 1000;
  const peakRssMb = mem.stop();
  await s3.close();
  await db.close();
  return { name: `ingest ${records} records (${kind === "pglite" ? "PGlite" : "PostgreSQL"})`, records: report.inserted, seconds: round(seconds), recordsPerSecond: Math.round(report.inserted / seconds), peakRssMb };
}

if (process.argv[1]?.endsWith("pipeline.ts")) {
  (async () => {
    console.log(await benchConvertUpload());
    console.log(await benchIngest("pglite"));
    console.log(await benchIngest("postgres"));
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
