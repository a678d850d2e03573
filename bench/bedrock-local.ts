// Benchmark: a 50,000-record batch job end to end through bedrock-local with the built-in
// model (s3rver on loopback, the real SDK), and a 5,000-record job to show that memory does
// not grow with the job size. Run: npx tsx bench/bedrock-local.ts
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { BedrockClient, CreateModelInvocationJobCommand, GetModelInvocationJobCommand } from "@aws-sdk/client-bedrock";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import yauzl from "yauzl";
import { startBedrockLocal } from "../bedrock-local/server";
import { startLocalS3 } from "../scripts/stack/local-s3";

const ZIP = path.resolve(__dirname, "../../shared/data/aws-bedrock-samples-synthetic-calls/synthetic_call_transcript_data.zip");
const PROMPT = `You summarize customer-support calls. Respond with JSON only, with the keys "summary", "reason_for_call", "resolution", "customer_sentiment" (positive, neutral or negative), "action_items" (array) and "topics" (array).`;

export type BedrockLocalBenchResult = {
  name: string;
  records: number;
  seconds: number;
  recordsPerSecond: number;
  peakRssMb: number;
  baselineRssMb: number;
  inputMb: number;
  peakHeapUsedMb: number;
  peakArrayBuffersMb: number;
  /** Only with node --expose-gc: heap after a full collection, sampled every second. */
  peakLiveHeapMb?: number;
  small: { records: number; recordsPerSecond: number; peakRssMb: number; peakHeapUsedMb: number; peakArrayBuffersMb: number; peakLiveHeapMb?: number };
};

async function readTranscripts(): Promise<string[]> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(ZIP, { lazyEntries: true }, (err, z) => (err ? reject(err) : resolve(z!))));
  const out: string[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      if (!entry.fileName.endsWith(".txt")) return zip.readEntry();
      zip.openReadStream(entry, async (err, stream) => {
        if (err) return reject(err);
        const chunks: Buffer[] = [];
        for await (const c of stream!) chunks.push(c as Buffer);
        out.push(Buffer.concat(chunks).toString("utf8"));
        zip.readEntry();
      });
    });
    zip.on("end", () => resolve());
    zip.on("error", reject);
    zip.readEntry();
  });
  return out;
}

function* jsonl(from: number, to: number, calls: string[]): Generator<string> {
  for (let i = from; i < to; i++) {
    const text = `${PROMPT}\n<transcript>\n${calls[i % calls.length]}\n</transcript>`;
    yield JSON.stringify({ recordId: `CALL${String(i).padStart(7, "0")}`, modelInput: { anthropic_version: "bedrock-2023-05-31", max_tokens: 1024, messages: [{ role: "user", content: [{ type: "text", text }] }] } }) + "\n";
  }
}

async function runJob(opts: { records: number; calls: string[]; s3: S3Client; bedrock: BedrockClient; name: string }) {
  // ~5.3 KB a record: 50,000 records are 264 MB, over the 200 MB file quota, so the input
  // is split into files of at most 25,000 records, as Recap splits it.
  let inputBytes = 0;
  for (let from = 0, part = 0; from < opts.records; from += 25_000, part++) {
    const to = Math.min(opts.records, from + 25_000);
    const body = Readable.from((function* () {
      for (const line of jsonl(from, to, opts.calls)) {
        inputBytes += Buffer.byteLength(line);
        yield line;
      }
    })());
    await new Upload({ client: opts.s3, params: { Bucket: "bench", Key: `${opts.name}/part-${part}.jsonl`, Body: body }, partSize: 16 * 1024 * 1024, queueSize: 2 }).done();
  }
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  let peakHeap = 0;
  let peakBuffers = 0;
  let peakLive = 0;
  // With --expose-gc, a full collection every second measures live heap, not uncollected garbage.
  const liveSampler = setInterval(() => {
    if (!global.gc) return;
    global.gc();
    peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
  }, 1000);
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakBuffers = Math.max(peakBuffers, m.arrayBuffers);
  }, 50);
  const started = performance.now();
  const { jobArn } = await opts.bedrock.send(
    new CreateModelInvocationJobCommand({
      jobName: opts.name,
      roleArn: "arn:aws:iam::123456789012:role/RecapBench",
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      inputDataConfig: { s3InputDataConfig: { s3Uri: `s3://bench/${opts.name}/` } },
      outputDataConfig: { s3OutputDataConfig: { s3Uri: `s3://bench/${opts.name}-out/` } },
    }),
  );
  let status: string | undefined;
  for (;;) {
    const job = await opts.bedrock.send(new GetModelInvocationJobCommand({ jobIdentifier: jobArn }));
    status = job.status;
    if (status === "Completed" || status === "Failed" || status === "PartiallyCompleted") {
      if (status !== "Completed") throw new Error(`bench job ${status}: ${job.message}`);
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  clearInterval(liveSampler);
  const manifest = JSON.parse(await (await opts.s3.send(new GetObjectCommand({ Bucket: "bench", Key: `${opts.name}-out/${jobArn!.slice(-12)}/manifest.json.out` }))).Body!.transformToString());
  if (manifest.successRecordCount !== opts.records) throw new Error(`expected ${opts.records} successes, manifest says ${JSON.stringify(manifest)}`);
  const mb = (n: number) => Math.round(n / 1048576);
  return { seconds, recordsPerSecond: Math.round(opts.records / seconds), peakRssMb: mb(peak), baselineRssMb: mb(baseline), peakHeapUsedMb: mb(peakHeap), peakArrayBuffersMb: mb(peakBuffers), ...(global.gc ? { peakLiveHeapMb: mb(peakLive) } : {}), inputMb: Math.round(inputBytes / 104857.6) / 10 };
}

export async function benchBedrockLocal(records = 50_000, smallRecords = 5_000): Promise<BedrockLocalBenchResult> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "bench-bedrock-local-"));
  const localS3 = await startLocalS3({ directory: path.join(root, "s3"), port: 0, buckets: ["bench"] });
  const service = await startBedrockLocal({ port: 0, dataDir: path.join(root, "bedrock"), s3: { endpoint: localS3.endpoint }, quotas: { minRecordsPerJob: 1 } });
  const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
  const s3 = new S3Client({ region: "us-east-1", endpoint: localS3.endpoint, forcePathStyle: true, credentials, requestChecksumCalculation: "WHEN_REQUIRED", responseChecksumValidation: "WHEN_REQUIRED" });
  const bedrock = new BedrockClient({ region: "us-east-1", endpoint: service.endpoint, credentials });
  try {
    const calls = await readTranscripts();
    const small = await runJob({ records: smallRecords, calls, s3, bedrock, name: "small" });
    const large = await runJob({ records, calls, s3, bedrock, name: "large" });
    return {
      name: "bedrock-local batch job, built-in model",
      records,
      ...large,
      small: { records: smallRecords, recordsPerSecond: small.recordsPerSecond, peakRssMb: small.peakRssMb, peakHeapUsedMb: small.peakHeapUsedMb, peakArrayBuffersMb: small.peakArrayBuffersMb, peakLiveHeapMb: small.peakLiveHeapMb },
    };
  } finally {
    bedrock.destroy();
    s3.destroy();
    await service.close();
    await localS3.close();
    await fs.rm(root, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchBedrockLocal(Number(process.argv[2] ?? 50_000)).then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
