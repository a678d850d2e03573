// Several instances on one PostgreSQL server: two whole `npm start` processes (web and background
// work in each, RECAP_ROLE=all) take 20 batches through /api/v1, submitted through both; one is
// killed with SIGKILL (its whole process group) while it reads a job's results, and started again
// on the same port. Every job must be created in the engine once, every result stored once, every
// batch announced once. Needs DATABASE_URL_TEST and the production build (`npm test` builds before
// vitest); without a PostgreSQL server it is skipped, saying why, and so is it without a current
// build, except in CI, where that fails.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { ListModelInvocationJobsCommand, type ModelInvocationJobSummary } from "@aws-sdk/client-bedrock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { startBedrockLocal } from "@/bedrock-local/server";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createBedrockClient } from "@/lib/bedrock/client";
import { DEFAULT_TEMPLATE } from "@/lib/prompts/template";
import { postgresTestUrl } from "@/test/db";
import { freePort, killInstance, startInstance, waitForHealth, type Instance } from "@/test/instances";
import { startTestS3, tempDir } from "@/test/stack";
import { syntheticCalls, toCsv } from "@/test/synthetic";
import { migrateDatabase } from "./stack/migrate";
import { buildState } from "./stack/prepare";

const BATCHES = 20;
const CALLS = 30;
const root = path.resolve(__dirname, "..");
const server = await postgresTestUrl();
const build = buildState(root);
let skipped: string | undefined;
if (!server.url) skipped = `${server.reason} (set DATABASE_URL_TEST=postgresql://postgres@127.0.0.1:5432/test)`;
else if (build !== "current") {
  const why = `the production build is ${build} (.next/BUILD_ID ${build === "missing" ? "does not exist" : "is older than the sources"}); run \`npm run build\` first`;
  // `npm test` builds before vitest: in CI a missing build is a broken pipeline, not a reason to skip.
  if (process.env.CI) throw new Error(`[multi-instance] ${why}`);
  skipped = why;
}
if (skipped) console.warn(`[multi-instance] skipped: ${skipped}`);

describe.skipIf(Boolean(skipped))("two `npm start` instances on one PostgreSQL server", () => {
  const dbName = `recap_mi_${Date.now().toString(36)}`;
  let url: string;
  let prisma: PrismaClient;
  let s3: Awaited<ReturnType<typeof startTestS3>>;
  let engine: Awaited<ReturnType<typeof startBedrockLocal>>;
  let dirs: string[] = [];
  const instances: Instance[] = [];
  const logs: string[] = [];
  // what the first test leaves for the second: the token, and the dataset, model and template
  let token = "";
  let choice: { datasetId: string; modelConfigId: string; templateVersionId: string };

  beforeAll(async () => {
    dirs = [tempDir("mi-engine"), tempDir("mi-A"), tempDir("mi-B")];
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
    engine = await startBedrockLocal({ port: 0, dataDir: dirs[0], s3: { endpoint: s3.endpoint }, minRecordsPerJob: 10, summarizerWorkers: 0, pacing: { mode: "immediate" } });
  });
  afterAll(async () => {
    await Promise.all(instances.map(killInstance));
    await prisma?.$disconnect();
    await engine?.close();
    await s3?.close();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  });

  // Both instances get the same settings but their own port and data folder; naming the bucket and
  // both endpoints means start.ts starts no stand-ins of its own.
  const env = (dataDir: string, role: string) => ({
    DATABASE_URL: url, RECAP_ROLE: role, RECAP_DATA_DIR: dataDir,
    RECAP_S3_BUCKET: s3.bucket, RECAP_S3_ENDPOINT: s3.endpoint, RECAP_BEDROCK_ENDPOINT: engine.endpoint,
    AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER", AWS_REGION: "us-east-1",
    RECAP_BEDROCK_ROLE_ARN: "arn:aws:iam::123456789012:role/RecapBatch", BETTER_AUTH_SECRET: "multi-instance-secret-multi-instance-0123",
    RECAP_LEASE_MS: "3000", RECAP_TRACKER_INTERVAL_MS: "100", RECAP_TRACKER_POLL_MS: "100", RECAP_API_RATE_LIMIT: "100000",
  });
  const log = (line: string) => logs.push(line);
  const tail = () => logs.slice(-40).join("");
  const start = (name: string, port: number, dataDir: string, role: "all" | "web" | "worker" = "all") => {
    const i = startInstance({ name, port, env: env(dataDir, role), log });
    instances.push(i);
    return i;
  };

  async function until<T>(what: string, check: () => Promise<T | undefined | false>, limitMs = 150_000): Promise<T> {
    const deadline = Date.now() + limitMs;
    for (;;) {
      const v = await check();
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}\n${tail()}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  const api = async <T>(i: Instance, p: string, init: { method?: string; json?: unknown; body?: Buffer; headers?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...init.headers };
    // A token needs no Origin; one is sent anyway, as a browser would, on every change.
    if (init.method && init.method !== "GET") headers.origin = `http://localhost:${i.port}`;
    let body: BodyInit | undefined = init.body ? new Uint8Array(init.body) : undefined;
    if (init.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(init.json);
    }
    const res = await fetch(`${i.url}${p}`, { method: init.method ?? "GET", headers, body });
    const text = await res.text();
    if (!res.ok) throw new Error(`${init.method ?? "GET"} ${p} via ${i.name}: ${res.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  };

  it("handles 20 batches: every job created in the engine once, every result stored once, a SIGKILLed instance loses nothing", async () => {
    const began = Date.now();
    const user = await prisma.user.create({ data: { id: "sup-1", name: "Sam", email: "sam@example.com", role: "supervisor" } });
    await prisma.modelConfig.create({
      data: { modelId: "anthropic.claude-3-haiku-20240307-v1:0", name: "Claude 3 Haiku", family: "anthropic", inputPricePerMTok: 0.125, outputPricePerMTok: 0.625, minRecordsPerJob: 10, maxConcurrentJobs: 20 },
    });
    await prisma.promptTemplate.create({ data: { name: "Call summary", versions: { create: { version: 1, body: DEFAULT_TEMPLATE.body } } } });
    await prisma.serviceRole.create({ data: { name: "local", roleArn: "arn:aws:iam::123456789012:role/RecapBatch", isDefault: true } });
    await prisma.storageSetting.create({ data: { id: "default", bucket: s3.bucket } });
    ({ token } = await createApiToken({ user: { id: user.id, email: user.email, name: user.name, role: "supervisor" }, name: "multi-instance", prisma }));

    const portA = await freePort(3200, 3210);
    const portB = await freePort(3200, 3210, [portA]);
    let a = start("A", portA, dirs[1]);
    const b = start("B", portB, dirs[2]);
    const [upA, upB] = await Promise.all([waitForHealth(a, 90_000), waitForHealth(b, 90_000)]);
    log(`test: A and B answered /api/health after ${upA} ms and ${upB} ms\n`);


    // The dataset through A, as the README's curl session sends it.
    const csv = Buffer.from(toCsv(await syntheticCalls(CALLS)));
    const upload = await api<{ datasetId: string; accepted: number }>(a, "/api/v1/datasets?fileName=calls.csv&name=calls", {
      method: "POST", body: csv, headers: { "x-recap-size": String(csv.length), "x-recap-sha256": createHash("sha256").update(csv).digest("hex") },
    });
    expect(upload.accepted).toBe(CALLS);
    const options = await api<{ models: { id: string; modelId: string }[]; templates: { versionId: string }[] }>(b, "/api/v1/batch-options");
    choice = {
      datasetId: upload.datasetId, templateVersionId: options.templates[0].versionId,
      modelConfigId: options.models.find((m) => m.modelId === "anthropic.claude-3-haiku-20240307-v1:0")!.id,
    };

    // Batches alternate between A and B. Once A is to be killed, new ones go to B; a request A
    // did not answer is sent again to B with the same requestKey, which answers the same batch.
    let aUp = true;
    let holdA = false;
    let aBusy: Promise<unknown> | null = null;
    const batchIds: string[] = [];
    const via = { A: 0, B: 0, resent: 0 };
    const submit = async (n: number) => {
      const body = { ...choice, name: `batch ${n}`, requestKey: randomUUID() };
      const create = (i: Instance) => api<{ batchId: string }>(i, "/api/v1/batches", { method: "POST", json: body });
      if (n % 2 === 0 && aUp && !holdA) {
        const p = create(a);
        aBusy = p.catch(() => undefined);
        try {
          batchIds.push((await p).batchId);
          via.A++;
          return;
        } catch (e) {
          via.resent++;
          log(`test: batch ${n} via A failed (${(e as Error).message}); sent again via B\n`);
        } finally {
          aBusy = null;
        }
      }
      batchIds.push((await create(b)).batchId);
      via.B++;
    };

    // The killer: as soon as A holds the lease of a finished job whose results are not all stored
    // (it is reading them), SIGKILL A's process group, then start A again on the same port.
    const ownerA = (pid: number) => `%:${pid}`;
    let killed: { batches: number; midIngestion: number; byA: number; resultsOfA: number; results: number; leasedByA: number; ingested: number; restartMs: number } | undefined;
    let firstPartSent = false;
    let giveUp = false;
    const killer = (async () => {
      while (!giveUp) {
        const [row] = await prisma.$queryRawUnsafe<{ byA: number; open: number; resultsOfA: number; results: number; leasedByA: number; ingested: number }[]>(
          `SELECT count(*) FILTER (WHERE j."leaseOwner" LIKE $1)::int AS "byA", count(*)::int AS open,
                  coalesce(sum((SELECT count(*) FROM "Result" r WHERE r."jobId" = j.id)) FILTER (WHERE j."leaseOwner" LIKE $1), 0)::int AS "resultsOfA",
                  (SELECT count(*) FROM "Result")::int AS results,
                  (SELECT count(*) FROM "Job" l WHERE l."leaseOwner" LIKE $1)::int AS "leasedByA",
                  (SELECT count(*) FROM "Job" i WHERE i."ingestedAt" IS NOT NULL)::int AS ingested
           FROM "Job" j WHERE j.status = 'Completed' AND j."ingestedAt" IS NULL`, ownerA(a.child.pid!));
        // Should A never be caught reading once results exist (B read them all), A is killed anyway.
        if ((row.results > 0 && row.byA > 0) || (firstPartSent && row.ingested >= batchIds.length - 1)) {
          holdA = true;
          if (aBusy) {
            await aBusy;
            continue;
          }
          aUp = false;
          const batches = batchIds.length;
          const how = await killInstance(a);
          log(`test: killed A (${how}) while ${row.byA} finished job(s) were leased by A, ${row.open} not yet read in all\n`);
          const restarted = Date.now();
          a = start("A2", portA, dirs[1]);
          await waitForHealth(a, 90_000);
          killed = { batches, midIngestion: row.open, byA: row.byA, resultsOfA: row.resultsOfA, results: row.results, leasedByA: row.leasedByA, ingested: row.ingested, restartMs: Date.now() - restarted };
          aUp = true;
          holdA = false;
          return;
        }
        await new Promise((r) => setTimeout(r, 10));
      }
    })();

    // Half the batches, then more once results are being read, so they are created while the other
    // instance is already ingesting (and while A is down, through B); the last four once A is back.
    try {
      for (let n = 0; n < BATCHES / 2; n++) await submit(n);
      await until("the first results", async () => (await prisma.result.count()) > 0);
      for (let n = BATCHES / 2; n < BATCHES - 4; n++) await submit(n);
      firstPartSent = true;
      await killer;
    } finally {
      giveUp = true;
    }
    for (let n = BATCHES - 4; n < BATCHES; n++) await submit(n);
    expect(new Set(batchIds).size).toBe(BATCHES);

    // Wait through the API, asking B and the restarted A in turn.
    let round = 0;
    await until("every batch settled", async () => {
      const asked = round++ % 2 ? a : b;
      const states = await Promise.all(batchIds.map((id) => api<{ settled: boolean }>(asked, `/api/v1/batches/${id}`)));
      return states.every((s) => s.settled);
    });

    const jobs = await prisma.job.findMany({ select: { id: true, jobArn: true, status: true, recordCount: true, _count: { select: { results: true } } } });
    expect(jobs).toHaveLength(BATCHES);
    expect(new Set(jobs.map((j) => j.jobArn)).size).toBe(BATCHES);
    for (const j of jobs) {
      expect(j.status).toBe("Completed");
      expect(j._count.results).toBe(j.recordCount);
    }
    const total = BATCHES * CALLS;
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

    // Every result read back through B: each batch's own, in keyset pages.
    const seen = new Set<string>();
    for (const batchId of batchIds) {
      let cursor = "";
      do {
        const page = await api<{ results: { id: string }[]; nextCursor: string | null }>(b, `/api/v1/results?batchId=${batchId}&limit=500&cursor=${cursor}`);
        for (const r of page.results) seen.add(r.id);
        cursor = page.nextCursor ?? "";
      } while (cursor);
    }
    expect(seen.size).toBe(total);
    // Twenty batches over one dataset: the summaries list shows each call once (its newest summary).
    const listed = await api<{ results: unknown[] }>(b, "/api/v1/results?limit=500");
    expect(listed.results).toHaveLength(CALLS);
    expect((await prisma.rollupDay.aggregate({ _sum: { calls: true } }))._sum.calls).toBe(CALLS);

    // Each batch's end is announced once, whichever instance saw it: one notification each.
    await until("every batch announced", async () => (await prisma.notification.count()) === BATCHES);
    expect(await prisma.eventLog.count({ where: { key: { startsWith: "batch:" } } })).toBe(BATCHES);
    expect(await prisma.eventLog.count({ where: { key: { startsWith: "job:" } } })).toBe(BATCHES);

    const submittedTwice = await prisma.jobEvent.groupBy({ by: ["jobId"], where: { status: "Submitted" }, _count: true });
    expect(killed).toBeDefined();
    console.log(
      `[multi-instance] ${logs.filter((l) => l.startsWith("test:")).join("").trim()}\n` +
      `[multi-instance] batches created via A ${via.A}, via B ${via.B} (${via.resent} sent again to B); at the kill: ${killed!.batches} batches created, ${killed!.ingested} jobs read, ${killed!.results} results stored; ` +
      `${killed!.midIngestion} completed job(s) not yet read, ${killed!.byA} of them leased by A (${killed!.resultsOfA} of their results stored); ` +
      `A held ${killed!.leasedByA} lease(s) in all; A answered again ${killed!.restartMs} ms after its restart; ` +
      `${jobs.length} jobs, ${total} results, ${submittedTwice.filter((g) => g._count > 1).length} job(s) with two Submitted events; ${Date.now() - began} ms in all`,
    );
  }, 240_000);

  // The README's split: a web-only instance serves the API but runs no background work; a
  // worker-only one (RECAP_ROLE=worker npm start) has no web server and does the work.
  it("splits into a web-only and a worker-only process: the web one submits nothing, the worker runs the batch", async () => {
    expect(token).not.toBe("");
    await Promise.all(instances.map(killInstance));
    const web = start("W", await freePort(3200, 3210), dirs[1], "web");
    await waitForHealth(web, 90_000);
    const { batchId } = await api<{ batchId: string }>(web, "/api/v1/batches", { method: "POST", json: { ...choice, name: "web only", requestKey: randomUUID() } });
    // The tracker would submit within a pass of 100 ms; two seconds later the job must still wait.
    await new Promise((r) => setTimeout(r, 2000));
    const waiting = await api<{ settled: boolean; jobs: { status: string; jobArn: string | null }[] }>(web, `/api/v1/batches/${batchId}`);
    expect(waiting.settled).toBe(false);
    expect(waiting.jobs.map((j) => [j.status, j.jobArn])).toEqual([["Pending", null]]);

    const workerPort = await freePort(3200, 3210, [web.port]);
    const worker = start("K", workerPort, dirs[2], "worker");
    await until("the worker's start", async () => logs.some((l) => l.startsWith("K: ") && l.includes("running as a worker")), 90_000);
    await expect(fetch(`${worker.url}/api/health`)).rejects.toThrow();
    await until("the batch settled by the worker", async () => (await api<{ settled: boolean }>(web, `/api/v1/batches/${batchId}`)).settled);
    const job = await prisma.job.findFirstOrThrow({ where: { batchId }, select: { status: true, recordCount: true, _count: { select: { results: true } } } });
    expect(job).toEqual({ status: "Completed", recordCount: CALLS, _count: { results: CALLS } });
  }, 150_000);
});
