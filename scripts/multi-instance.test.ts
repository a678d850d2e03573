// Several instances on one PostgreSQL server: two worker processes (scripts/worker.ts, the
// background half of `npm start`) share 20 batches; one is killed with SIGKILL while results are
// being read and started again. Every job must be created in the engine once and every result
// stored once. Needs DATABASE_URL_TEST; without a PostgreSQL server it is skipped, saying why.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { ListModelInvocationJobsCommand, type ModelInvocationJobSummary } from "@aws-sdk/client-bedrock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { startBedrockLocal } from "@/bedrock-local/server";
import { createBedrockClient } from "@/lib/bedrock/client";
import { ingestUpload } from "@/lib/datasets/ingest";
import { createBatch } from "@/lib/jobs/submit";
import { DEFAULT_TEMPLATE } from "@/lib/prompts/template";
import type { StorageTarget } from "@/lib/storage";
import { postgresTestUrl } from "@/test/db";
import { startTestS3, tempDir } from "@/test/stack";
import { syntheticCalls, toCsv } from "@/test/synthetic";
import { migrateDatabase } from "./stack/migrate";

const BATCHES = 20;
const CALLS = 30;
const root = path.resolve(__dirname, "..");
const server = await postgresTestUrl();
if (!server.url) console.warn(`[multi-instance] skipped: ${server.reason} (set DATABASE_URL_TEST=postgresql://postgres@127.0.0.1:5432/test)`);

describe.skipIf(!server.url)("two instances on one PostgreSQL server", () => {
  const dbName = `sources_mi_${Date.now().toString(36)}`;
  let url: string;
  let prisma: PrismaClient;
  let s3: Awaited<ReturnType<typeof startTestS3>>;
  let engine: Awaited<ReturnType<typeof startBedrockLocal>>;
  const engineDir = tempDir("mi-engine");
  const workers = new Map<string, ChildProcess>();
  const logs: string[] = [];

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${dbName}"`);
    await admin.end();
    const u = new URL(server.url!);
    u.pathname = `/${dbName}`;
    url = u.toString();
    await migrateDatabase({ root, databaseUrl: url, pgliteDir: "" });
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    s3 = await startTestS3();
    engine = await startBedrockLocal({ port: 0, dataDir: engineDir, s3: { endpoint: s3.endpoint }, minRecordsPerJob: 10, summarizerWorkers: 0, pacing: { mode: "immediate" } });
  });
  afterAll(async () => {
    for (const w of workers.values()) w.kill("SIGKILL");
    await prisma?.$disconnect();
    await engine?.close();
    await s3?.close();
    fs.rmSync(engineDir, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  });

  function startWorker(name: string): ChildProcess {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "worker.ts")], {
      cwd: root,
      env: {
        PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production",
        DATABASE_URL: url, RECAP_DATA_DIR: tempDir(`mi-${name}`),
        RECAP_S3_ENDPOINT: s3.endpoint, RECAP_BEDROCK_ENDPOINT: engine.endpoint, RECAP_S3_BUCKET: s3.bucket,
        AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER", AWS_REGION: "us-east-1",
        RECAP_BEDROCK_ROLE_ARN: "arn:aws:iam::123456789012:role/RecapBatch",
        RECAP_LEASE_MS: "3000", RECAP_TRACKER_INTERVAL_MS: "100", RECAP_TRACKER_POLL_MS: "100",
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (d) => logs.push(`${name}: ${d}`));
    child.stderr!.on("data", (d) => logs.push(`${name}: ${d}`));
    workers.set(name, child);
    return child;
  }

  async function until<T>(what: string, check: () => Promise<T | undefined | false>, limitMs = 240_000): Promise<T> {
    const deadline = Date.now() + limitMs;
    for (;;) {
      const v = await check();
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}\n${logs.slice(-30).join("")}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  it("handles 20 batches: every job created in the engine once, every result stored once, a SIGKILLed instance loses nothing", async () => {
    const user = await prisma.user.create({ data: { id: "sup-1", name: "Sam", email: "sam@example.com", role: "supervisor" } });
    const model = await prisma.modelConfig.create({
      data: { modelId: "anthropic.claude-3-haiku-20240307-v1:0", name: "Claude 3 Haiku", family: "anthropic", inputPricePerMTok: 0.125, outputPricePerMTok: 0.625, minRecordsPerJob: 10, maxConcurrentJobs: 20 },
    });
    const template = await prisma.promptTemplate.create({ data: { name: "Call summary", versions: { create: { version: 1, body: DEFAULT_TEMPLATE.body } } }, include: { versions: true } });
    await prisma.serviceRole.create({ data: { name: "local", roleArn: "arn:aws:iam::123456789012:role/RecapBatch", isDefault: true } });
    await prisma.storageSetting.create({ data: { id: "default", bucket: s3.bucket } });
    const storage: StorageTarget = { client: s3.client, bucket: s3.bucket, inputPrefix: "recap/input", outputPrefix: "recap/output", uploadPrefix: "recap/uploads" };
    const csv = toCsv(await syntheticCalls(CALLS));
    const file = path.join(tempDir("mi-upload"), "calls.csv");
    fs.writeFileSync(file, csv);
    const { datasetId } = await ingestUpload({
      prisma, storage, filePath: file, fileName: "calls.csv", sizeBytes: fs.statSync(file).size,
      sha256: createHash("sha256").update(csv).digest("hex"), userId: user.id,
    });
    const submit = (n: number) => createBatch({
      prisma, storage, user: { id: user.id, email: user.email, name: user.name, role: "supervisor" }, datasetId,
      modelConfigId: model.id, templateVersionId: template.versions[0].id, requestKey: `mi-${n}`, name: `batch ${n}`,
    });

    // Half the batches before the instances start, half while they run.
    for (let n = 0; n < BATCHES / 2; n++) await submit(n);
    const a = startWorker("A");
    startWorker("B");
    for (let n = BATCHES / 2; n < BATCHES; n++) await submit(n);

    // Kill A as soon as results are being read (it or B is in the middle of ingestion then).
    await until("the first results", async () => (await prisma.result.count()) > 0);
    const midIngestion = await prisma.job.count({ where: { status: "Completed", ingestedAt: null } });
    a.kill("SIGKILL");
    await new Promise((r) => a.once("exit", r));
    logs.push(`test: killed A with ${midIngestion} completed job(s) not yet fully read\n`);
    startWorker("A2");

    const total = BATCHES * CALLS;
    await until("every job read", async () => {
      const open = await prisma.job.count({ where: { OR: [{ ingestedAt: null }, { status: { not: "Completed" } }] } });
      return open === 0;
    });

    const jobs = await prisma.job.findMany({ select: { id: true, jobArn: true, recordCount: true, _count: { select: { results: true } } } });
    expect(jobs).toHaveLength(BATCHES);
    expect(new Set(jobs.map((j) => j.jobArn)).size).toBe(BATCHES);
    for (const j of jobs) expect(j._count.results).toBe(j.recordCount);
    expect(await prisma.result.count()).toBe(total);

    const bedrock = createBedrockClient({ region: "us-east-1", endpoint: engine.endpoint });
    const inEngine: ModelInvocationJobSummary[] = [];
    let nextToken: string | undefined;
    do {
      const page = await bedrock.send(new ListModelInvocationJobsCommand({ maxResults: 100, nextToken }));
      inEngine.push(...(page.invocationJobSummaries ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    bedrock.destroy();
    expect(inEngine).toHaveLength(BATCHES);
    expect(new Set(inEngine.map((j) => j.jobArn))).toEqual(new Set(jobs.map((j) => j.jobArn)));

    // Each batch's end is announced once, whichever instance saw it: one notification each.
    await until("every batch announced", async () => (await prisma.notification.count()) === BATCHES);
    expect(await prisma.eventLog.count({ where: { key: { startsWith: "batch:" } } })).toBe(BATCHES);
    console.log(`[multi-instance] ${logs.filter((l) => l.startsWith("test:")).join("").trim()}`);
  }, 300_000);
});
