// Issue 11 (ops): what a call delete and a retry's failed-record count cost at job scale.
// - dropLines: rewriting a 50,000-record job output file in s3rver without one record's line
//   (a call delete does this for the upload copy and every job input and output file).
// - failedRecords: the failed records of a 50,000-record job with 1 in 3 errors (PGlite).
import { performance } from "node:perf_hooks";
import { createPgliteTestDb } from "../test/db";
import { startTestS3 } from "../test/stack";
import { dropLines, openObjectWriter } from "../lib/storage";
import { failedRecords } from "../lib/jobs/retry";

const TEXT = "Agent: Thank you for calling Oktank, how can I help? Customer: My router keeps dropping the connection every evening. ".repeat(20);

export async function benchDropLines(records = 50_000) {
  const s3 = await startTestS3();
  const key = "out/abcdefghijkl/records.jsonl.out";
  const out = openObjectWriter({ client: s3.client, bucket: s3.bucket, key });
  let bytes = 0;
  for (let i = 1; i <= records; i++) {
    const line = JSON.stringify({ modelInput: { messages: [{ role: "user", content: TEXT }] }, modelOutput: { content: [{ text: "summary" }] }, recordId: `RC${String(i).padStart(9, "0")}` }) + "\n";
    bytes += line.length;
    await out.write(line);
  }
  await out.close();
  const target = `"RC${String(Math.floor(records / 2)).padStart(9, "0")}"`;
  const start = performance.now();
  const dropped = await dropLines({ client: s3.client, bucket: s3.bucket, key, drop: (l) => l.includes(target) && (JSON.parse(l) as { recordId: string }).recordId === target.slice(1, -1) });
  const seconds = (performance.now() - start) / 1000;
  await s3.close();
  return { name: `dropLines: one record out of ${records}`, mb: +(bytes / 1e6).toFixed(1), seconds: +seconds.toFixed(2), mbPerSecond: +(bytes / 1e6 / seconds).toFixed(1), dropped };
}

export async function benchFailedRecords(records = 50_000) {
  const db = await createPgliteTestDb();
  const { prisma } = db;
  const user = await prisma.user.create({ data: { id: "u", name: "u", email: "u@x.io" } });
  const model = await prisma.modelConfig.create({ data: { modelId: "anthropic.claude-3-haiku-20240307-v1:0", name: "Haiku", family: "anthropic", inputPricePerMTok: 0.125, outputPricePerMTok: 0.625 } });
  const tpl = await prisma.promptTemplate.create({ data: { name: "t", versions: { create: { version: 1, body: "{{transcript}}" } } }, include: { versions: true } });
  const ds = await prisma.dataset.create({ data: { name: "d", fileName: "d.csv", format: "csv", sizeBytes: 1n, sha256: "x", createdById: user.id, recordCount: records } });
  const id = (i: number) => `RC${String(i).padStart(9, "0")}`;
  for (let i = 0; i < records; i += 5000) {
    await prisma.transcript.createMany({ data: Array.from({ length: Math.min(5000, records - i) }, (_, k) => ({ datasetId: ds.id, callId: `c${i + k}`, recordId: id(i + k + 1), text: "x", charCount: 1 })) });
  }
  const batch = await prisma.batch.create({ data: { name: "b", datasetId: ds.id, modelConfigId: model.id, templateVersionId: tpl.versions[0].id, createdById: user.id, recordCount: records } });
  const job = await prisma.job.create({ data: { batchId: batch.id, part: 1, jobName: "j", clientRequestToken: "t", jobArn: "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/abcdefghijkl", status: "Completed", ingestedAt: new Date(), inputS3Uri: "s3://recap/in/", outputS3Uri: "s3://recap/out/", recordCount: records } });
  for (let i = 0; i < records; i += 5000) {
    await prisma.result.createMany({ data: Array.from({ length: Math.min(5000, records - i) }, (_, k) => ({ jobId: job.id, recordId: id(i + k + 1), ok: (i + k) % 3 !== 0 })) });
  }
  const start = performance.now();
  const failed = await failedRecords({ prisma, batchId: batch.id });
  const seconds = (performance.now() - start) / 1000;
  await db.close();
  return { name: `failedRecords: ${records}-record job, 1 in 3 errors (PGlite)`, failed: failed.recordIds.length, seconds: +seconds.toFixed(2) };
}

if (process.argv[1]?.endsWith("retention.ts")) {
  (async () => {
    console.table([await benchDropLines()]);
    console.table([await benchFailedRecords()]);
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
