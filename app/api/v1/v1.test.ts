// /api/v1 driven with a personal token for every role, through the real route handlers, on PGlite
// and PostgreSQL (DATABASE_URL_TEST), s3rver and bedrock-local: upload, create a batch, track it to
// the end, read results in keyset pages with the summaries filters, export; and every refusal.
import { createHash } from "node:crypto";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
vi.mock("next/headers", () => import("@/lib/auth/testing/next-headers-mock"));
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

import { NextRequest } from "next/server";
import { startBedrockLocal, type BedrockLocal } from "@/bedrock-local/server";
import { setDbForTests } from "@/lib/db";
import { resetAuthForTests } from "@/lib/auth/auth";
import { consumeTokenRequest, createApiToken, hashToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { cookieHeader, seedUser, signInRequest, TEST_ORIGIN, TEST_PASSWORD } from "@/lib/auth/testing/sessions";
import type { SessionUser } from "@/lib/auth/guards";
import type { Role } from "@/lib/auth/roles";
import { createBedrockClient } from "@/lib/bedrock/client";
import { trackOnce } from "@/lib/jobs/tracker";
import { ingestJobResults } from "@/lib/results/ingest";
import { storageTarget } from "@/lib/storage/settings";
import { DEFAULT_TEMPLATE } from "@/lib/prompts/template";
import { Batch, BatchOptions, BatchPage, JobDetail, JobsPage, ResultPage } from "@/lib/api/schemas";
import { type TestDb, databaseTargets } from "@/test/db";
import { startTestS3, tempDir } from "@/test/stack";
import { syntheticCalls, toCsv } from "@/test/synthetic";
import { POST as uploadDataset } from "./datasets/route";
import { GET as batchOptions } from "./batch-options/route";
import { GET as listBatches, POST as createBatch } from "./batches/route";
import { GET as getBatch } from "./batches/[batchId]/route";
import { GET as listJobs } from "./jobs/route";
import { GET as getJob } from "./jobs/[jobId]/route";
import { GET as listResults } from "./results/route";
import { GET as exportCsv } from "./export/route";
import { GET as oldJobs } from "../jobs/route";

const targets = await databaseTargets("api-v1");
const CALLS = 30;

let s3: Awaited<ReturnType<typeof startTestS3>>;
let engine: BedrockLocal;
const dataDir = tempDir("api-v1");
const engineDir = tempDir("api-v1-engine");

beforeAll(async () => {
  s3 = await startTestS3();
  engine = await startBedrockLocal({ port: 0, dataDir: engineDir, s3: { endpoint: s3.endpoint }, minRecordsPerJob: 10, summarizerWorkers: 0 });
  // read once by lib/config, on the first request
  Object.assign(process.env, { RECAP_DATA_DIR: dataDir, RECAP_S3_ENDPOINT: s3.endpoint, RECAP_BEDROCK_ENDPOINT: engine.endpoint, RECAP_S3_BUCKET: s3.bucket, RECAP_TRACKER: "off", RECAP_API_RATE_LIMIT: "1000" });
});
afterAll(async () => {
  await engine?.close();
  await s3?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(engineDir, { recursive: true, force: true });
});

type Init = NonNullable<ConstructorParameters<typeof NextRequest>[1]> & { duplex?: "half" };
// Route handlers type their own params; here each is called with the params its path has.
type Handler = (req: NextRequest, ctx: { params: Promise<never> }) => Promise<Response>;

/** A request to a handler, as curl would send it: a bearer token, no Origin, no cookie. */
function call(handler: Handler, path: string, opts: { token?: string; method?: string; json?: unknown; headers?: Record<string, string>; body?: BodyInit; params?: Record<string, string> } = {}) {
  const headers = new Headers(opts.headers);
  if (opts.token) headers.set("authorization", `Bearer ${opts.token}`);
  let body = opts.body;
  if (opts.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(opts.json);
  }
  const init: Init = { method: opts.method ?? (body ? "POST" : "GET"), headers, body, ...(body ? { duplex: "half" } : {}) };
  return handler(new NextRequest(`${TEST_ORIGIN}${path}`, init), { params: Promise.resolve((opts.params ?? {}) as never) });
}

async function json<T = Record<string, unknown>>(res: Response | Promise<Response>): Promise<{ status: number; body: T }> {
  const r = await res;
  return { status: r.status, body: (await r.json()) as T };
}

describe.each(targets)("/api/v1 with personal tokens on %s", (_name, create) => {
  let t: TestDb;
  const users = {} as Record<Role | "otherSupervisor", SessionUser>;
  const tokens = {} as Record<Role | "otherSupervisor", string>;
  let datasetId: string;
  let batchId: string;
  let secondBatchId: string;

  beforeAll(async () => {
    t = await create();
    setDbForTests(t.prisma);
    resetAuthForTests();
    for (const role of ["supervisor", "manager", "admin"] as const) users[role] = await seedUser(t, role);
    users.otherSupervisor = await seedUser(t, "supervisor");
    for (const [k, u] of Object.entries(users)) tokens[k as Role] = (await createApiToken({ user: u, name: `${k} script`, prisma: t.prisma })).token;
    await t.prisma.modelConfig.create({ data: { modelId: "anthropic.claude-3-haiku-20240307-v1:0", name: "Claude 3 Haiku", family: "anthropic", inputPricePerMTok: 0.125, outputPricePerMTok: 0.625, minRecordsPerJob: 10 } });
    await t.prisma.promptTemplate.create({ data: { name: "Call summary", versions: { create: { version: 1, body: DEFAULT_TEMPLATE.body } } } });
    await t.prisma.serviceRole.create({ data: { name: "local", roleArn: "arn:aws:iam::123456789012:role/RecapBatch", isDefault: true } });
  });
  afterAll(() => t?.close());

  async function trackUntilSettled(id: string) {
    const storage = await storageTarget(t.prisma);
    const bedrock = createBedrockClient({ region: "us-east-1", endpoint: engine.endpoint });
    try {
      for (let i = 0; i < 400; i++) {
        await trackOnce({ prisma: t.prisma, storage, bedrock, owner: "api-test", basePollMs: 50, maxPollMs: 200, leaseMs: 60_000, ingest: (jobId) => ingestJobResults({ prisma: t.prisma, storage, jobId }) });
        const { body } = await json<Batch>(call(getBatch, `/api/v1/batches/${id}`, { token: tokens.supervisor, params: { batchId: id } }));
        if (body.settled) return body;
        await new Promise((r) => setTimeout(r, 60));
      }
      throw new Error("the batch did not settle");
    } finally {
      bedrock.destroy();
    }
  }

  it("a supervisor's token uploads a CSV as a streamed body, without an Origin", async () => {
    const csv = Buffer.from(toCsv(await syntheticCalls(CALLS)));
    const res = await json(call(uploadDataset, "/api/v1/datasets?fileName=calls.csv&name=API%20calls", {
      token: tokens.supervisor, body: new Uint8Array(csv),
      headers: { "content-type": "text/csv", "x-recap-size": String(csv.length), "x-recap-sha256": createHash("sha256").update(csv).digest("hex") },
    }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ accepted: CALLS, problemCount: 0, sizeBytes: csv.length });
    datasetId = String(res.body.datasetId);
    expect(await t.prisma.dataset.findUniqueOrThrow({ where: { id: datasetId } })).toMatchObject({ name: "API calls", createdById: users.supervisor.id });
  });

  it("the upload checks its integrity headers like /api/uploads: a wrong checksum is a 400 naming the header", async () => {
    const res = await json<{ error: { field: string; message: string } }>(call(uploadDataset, "/api/v1/datasets?fileName=a.csv", {
      token: tokens.supervisor, body: new Uint8Array(Buffer.from("call_id,transcript\n1,hi\n")), headers: { "x-recap-size": "24" },
    }));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ field: "X-Recap-Sha256", message: expect.stringMatching(/X-Recap-Sha256 header is missing/) });
  });

  it("creates a batch from the options it lists; the same requestKey answers the same batch", async () => {
    const options = await json<BatchOptions>(call(batchOptions, "/api/v1/batch-options", { token: tokens.supervisor }));
    expect(options.status).toBe(200);
    const [model] = options.body.models;
    const [template] = options.body.templates;
    expect(model).toMatchObject({ modelId: "anthropic.claude-3-haiku-20240307-v1:0", minRecordsPerJob: 10 });
    const body = { datasetId, modelConfigId: model.id, templateVersionId: template.versionId, name: "From the API", requestKey: "0b6f2a52-4a40-4b8e-9a55-7c6f0e0f6a11" };
    const first = await json<{ batchId: string }>(call(createBatch, "/api/v1/batches", { token: tokens.supervisor, json: body }));
    const again = await json<{ batchId: string }>(call(createBatch, "/api/v1/batches", { token: tokens.supervisor, json: body }));
    expect(first.status).toBe(201);
    expect(again.body.batchId).toBe(first.body.batchId);
    batchId = first.body.batchId;
    const second = await json<{ batchId: string }>(call(createBatch, "/api/v1/batches", { token: tokens.supervisor, json: { ...body, name: "Second", requestKey: undefined } }));
    expect(second.status).toBe(201);
    secondBatchId = second.body.batchId;
    expect(await t.prisma.batch.count()).toBe(2);
  });

  it("a bad body is a 400 naming the field, and creates nothing", async () => {
    const missing = await json<{ error: { field: string; message: string } }>(call(createBatch, "/api/v1/batches", { token: tokens.supervisor, json: { datasetId, templateVersionId: "x" } }));
    expect(missing).toMatchObject({ status: 400, body: { error: { code: "VALIDATION", field: "modelConfigId", message: "modelConfigId is required" } } });
    const key = await json<{ error: { field: string } }>(call(createBatch, "/api/v1/batches", { token: tokens.supervisor, json: { datasetId, modelConfigId: "m", templateVersionId: "x", requestKey: "twice" } }));
    expect(key).toMatchObject({ status: 400, body: { error: { field: "requestKey", message: "requestKey must be a UUID" } } });
    const notJson = await json<{ error: { field: string } }>(call(createBatch, "/api/v1/batches", { token: tokens.supervisor, body: "{", headers: { "content-type": "application/json" } }));
    expect(notJson).toMatchObject({ status: 400, body: { error: { field: "body", message: "The body is not valid JSON." } } });
    const nul = await json<{ error: { field: string } }>(call(createBatch, "/api/v1/batches", { token: tokens.supervisor, json: { datasetId, modelConfigId: "a\0b", templateVersionId: "x" } }));
    expect(nul).toMatchObject({ status: 400, body: { error: { field: "modelConfigId" } } });
    const text = await json<{ error: { field: string } }>(call(createBatch, "/api/v1/batches", { token: tokens.supervisor, body: "datasetId=1", headers: { "content-type": "text/plain" } }));
    expect(text).toMatchObject({ status: 400, body: { error: { field: "content-type" } } });
    const otherDataset = await json<{ error: { code: string } }>(call(createBatch, "/api/v1/batches", { token: tokens.otherSupervisor, json: { datasetId, modelConfigId: "m", templateVersionId: "x" } }));
    expect(otherDataset).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND" } } });
    expect(await t.prisma.batch.count()).toBe(2);
  });

  it("the batch runs to the end in bedrock-local; its page says settled with every job Completed", async () => {
    const batch = await trackUntilSettled(batchId);
    expect(Batch.parse(batch)).toMatchObject({ id: batchId, name: "From the API", status: "ready", settled: true, recordCount: CALLS });
    expect(batch.jobs.map((j) => j.status)).toEqual(["Completed"]);
    expect(batch.jobs[0]).toMatchObject({ successRecordCount: CALLS, ingestedAt: expect.any(String) });
    await trackUntilSettled(secondBatchId);
  });

  it("results come in keyset pages: every summary once, in id order, the last page's cursor null", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = new URLSearchParams({ batchId, limit: "7", ...(cursor ? { cursor } : {}) }).toString();
      const res = await json<ResultPage>(call(listResults, `/api/v1/results?${q}`, { token: tokens.supervisor }));
      expect(res.status).toBe(200);
      ResultPage.parse(res.body);
      seen.push(...res.body.results.map((r) => r.id));
      expect(res.body.results.every((r) => r.batchId === batchId && r.batchName === "From the API")).toBe(true);
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(Math.ceil(CALLS / 7));
    expect(seen).toHaveLength(CALLS);
    expect(new Set(seen).size).toBe(CALLS);
    expect([...seen].sort()).toEqual(seen);
    const first = await json<ResultPage>(call(listResults, `/api/v1/results?batchId=${batchId}&limit=1`, { token: tokens.supervisor }));
    expect(first.body.results[0]).toMatchObject({ callId: expect.stringMatching(/^call-\d+$/), recordId: expect.stringMatching(/^[A-Za-z0-9]{11}$/), fields: { summary: expect.any(String) } });
  });

  it("filters like the summaries page (sentiment, q) plus batch and job, each counted against the database", async () => {
    const all = await t.prisma.result.findMany({ where: { ok: true, job: { batchId } }, select: { id: true, sentiment: true, jobId: true } });
    const sentiment = all[0].sentiment!;
    const bySentiment = await json<ResultPage>(call(listResults, `/api/v1/results?batchId=${batchId}&sentiment=${sentiment}&limit=500`, { token: tokens.supervisor }));
    expect(bySentiment.body.results.map((r) => r.id).sort()).toEqual(all.filter((r) => r.sentiment === sentiment).map((r) => r.id).sort());
    const byJob = await json<ResultPage>(call(listResults, `/api/v1/results?jobId=${all[0].jobId}&limit=500`, { token: tokens.supervisor }));
    expect(byJob.body.results).toHaveLength(CALLS);
    const both = await json<ResultPage>(call(listResults, `/api/v1/results?limit=500`, { token: tokens.supervisor }));
    // Both batches summarized the same calls: without a batch or job, each call is listed once (its newest summary).
    expect(both.body.results).toHaveLength(CALLS);
    expect(new Set(both.body.results.map((r) => r.callId)).size).toBe(CALLS);
    const word = (await t.prisma.result.findFirstOrThrow({ where: { id: all[0].id } })).summary!.split(/\W+/).find((w) => w.length > 6)!;
    const searched = await json<ResultPage>(call(listResults, `/api/v1/results?batchId=${batchId}&q=${encodeURIComponent(word)}&limit=500`, { token: tokens.supervisor }));
    expect(searched.body.results.map((r) => r.id)).toContain(all[0].id);
    expect(searched.body.results.length).toBeLessThanOrEqual(CALLS);
    for (const [query, field] of [["sentiment=furious", "sentiment"], ["limit=0", "limit"], ["limit=501", "limit"], ["cursor=bm9wZQ", "cursor"], ["batchId=a%20b", "batchId"]]) {
      const bad = await json<{ error: { field: string; message: string } }>(call(listResults, `/api/v1/results?${query}`, { token: tokens.supervisor }));
      expect(bad.status, query).toBe(400);
      expect(bad.body.error.field, query).toBe(field);
    }
  });

  it("lists batches newest first in keyset pages, and jobs with their detail", async () => {
    const one = await json<BatchPage>(call(listBatches, "/api/v1/batches?limit=1", { token: tokens.supervisor }));
    expect(BatchPage.parse(one.body).batches.map((b) => b.id)).toEqual([secondBatchId]);
    const two = await json<BatchPage>(call(listBatches, `/api/v1/batches?limit=1&cursor=${one.body.nextCursor}`, { token: tokens.supervisor }));
    expect(two.body).toMatchObject({ batches: [{ id: batchId, settled: true, jobCount: 1 }], nextCursor: null });
    const jobs = await json<JobsPage>(call(listJobs, "/api/v1/jobs?status=Completed", { token: tokens.supervisor }));
    expect(JobsPage.parse(jobs.body).total).toBe(2);
    const jobId = jobs.body.jobs[0].id;
    const job = await json<JobDetail>(call(getJob, `/api/v1/jobs/${jobId}`, { token: tokens.supervisor, params: { jobId } }));
    expect(JobDetail.parse(job.body).events.at(-1)?.status).toBe("Completed");
    expect((await json(call(listJobs, "/api/v1/jobs?page=0", { token: tokens.supervisor }))).body).toMatchObject({ error: { field: "page" } });
  });

  it("another supervisor gets 404 for the batch and its job and sees none of its results; a manager and an admin see them", async () => {
    const job = await t.prisma.job.findFirstOrThrow({ where: { batchId } });
    expect((await call(getBatch, `/api/v1/batches/${batchId}`, { token: tokens.otherSupervisor, params: { batchId } })).status).toBe(404);
    expect((await call(getJob, `/api/v1/jobs/${job.id}`, { token: tokens.otherSupervisor, params: { jobId: job.id } })).status).toBe(404);
    const theirs = await json<ResultPage>(call(listResults, `/api/v1/results?batchId=${batchId}`, { token: tokens.otherSupervisor }));
    expect(theirs.body).toEqual({ results: [], nextCursor: null });
    expect((await json<BatchPage>(call(listBatches, "/api/v1/batches", { token: tokens.otherSupervisor }))).body.batches).toEqual([]);
    for (const role of ["manager", "admin"] as const) {
      expect((await call(getBatch, `/api/v1/batches/${batchId}`, { token: tokens[role], params: { batchId } })).status, role).toBe(200);
      expect((await json<ResultPage>(call(listResults, `/api/v1/results?batchId=${batchId}&limit=500`, { token: tokens[role] }))).body.results, role).toHaveLength(CALLS);
    }
  });

  it("a manager exports CSV with formulas neutralised; a supervisor's export is a 403", async () => {
    const victim = await t.prisma.result.findFirstOrThrow({ where: { job: { batchId } }, orderBy: { id: "asc" } });
    await t.prisma.result.update({ where: { id: victim.id }, data: { summary: '=HYPERLINK("http://evil.example","x")' } });
    const res = await call(exportCsv, `/api/v1/export?batchId=${batchId}`, { token: tokens.manager });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = await res.text();
    const lines = text.replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("call_id,summary,reason_for_call,resolution,sentiment,action_items,topics,model,batch,input_tokens,output_tokens,created_at,result_id,call_start,agent,team,duration_sec,direction,language,customer_id,cost_usd,other_metadata");
    expect(text.match(/\r\ncall-\d+,/g)).toHaveLength(CALLS);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    const refused = await json<{ error: { code: string } }>(call(exportCsv, "/api/v1/export", { token: tokens.supervisor }));
    expect(refused).toMatchObject({ status: 403, body: { error: { code: "FORBIDDEN" } } });
  });

  it("tokens are stored as their SHA-256 only; each use is stamped and audited", async () => {
    const rows = await t.prisma.apiToken.findMany();
    expect(rows).toHaveLength(4);
    const mine = rows.find((r) => r.userId === users.supervisor.id)!;
    expect(mine.tokenHash).toBe(hashToken(tokens.supervisor));
    expect(JSON.stringify(rows)).not.toContain(tokens.supervisor.slice(16));
    expect(mine.prefix).toBe(tokens.supervisor.slice(0, 16));
    expect(mine.lastUsedAt).not.toBeNull();
    const uses = await t.prisma.auditLog.findMany({ where: { action: "api-token.use", targetId: mine.id } });
    expect(uses.length).toBeGreaterThan(10);
    expect(uses.map((u) => (u.after as { path: string }).path)).toContain("/api/v1/datasets");
    expect(uses.every((u) => u.actorId === users.supervisor.id)).toBe(true);
    expect(JSON.stringify(await t.prisma.auditLog.findMany())).not.toContain(tokens.supervisor);
  });

  it("a revoked token, a disabled user's token, an unknown token and a malformed header are 401", async () => {
    const extra = await createApiToken({ user: users.manager, name: "to revoke", prisma: t.prisma });
    expect((await call(listBatches, "/api/v1/batches", { token: extra.token })).status).toBe(200);
    await revokeApiToken({ user: users.manager, tokenId: extra.id, prisma: t.prisma });
    const revoked = await json<{ error: { code: string; message: string } }>(call(listBatches, "/api/v1/batches", { token: extra.token }));
    expect(revoked).toMatchObject({ status: 401, body: { error: { code: "UNAUTHENTICATED", message: expect.stringMatching(/revoked/) } } });

    const admin2 = await seedUser(t, "admin");
    const theirs = await createApiToken({ user: admin2, name: "leaver", prisma: t.prisma });
    expect((await call(listBatches, "/api/v1/batches", { token: theirs.token })).status).toBe(200);
    await t.prisma.user.update({ where: { id: admin2.id }, data: { disabled: true } });
    expect((await call(listBatches, "/api/v1/batches", { token: theirs.token })).status).toBe(401);

    expect((await call(listBatches, "/api/v1/batches", { token: `recap_pat_${"A".repeat(43)}` })).status).toBe(401);
    expect((await call(listBatches, "/api/v1/batches", { headers: { authorization: "Bearer" } })).status).toBe(401);
  });

  it("a token's role is the user's current role: demoted to supervisor, a manager's token cannot export", async () => {
    const m = await seedUser(t, "manager");
    const token = (await createApiToken({ user: m, name: "m", prisma: t.prisma })).token;
    expect((await call(exportCsv, "/api/v1/export", { token })).status).toBe(200);
    await t.prisma.user.update({ where: { id: m.id }, data: { role: "supervisor" } });
    expect((await call(exportCsv, "/api/v1/export", { token })).status).toBe(403);
  });

  it("a token works on /api/v1 only: the browser's routes answer it 401", async () => {
    const res = await json<{ error: { message: string } }>(call(oldJobs, "/api/jobs", { token: tokens.admin }));
    expect(res).toMatchObject({ status: 401, body: { error: { message: expect.stringMatching(/API tokens work on \/api\/v1\/\.\.\. only/) } } });
  });

  it("a browser session may call /api/v1 too, but a state change needs Recap's Origin", async () => {
    const cookie = cookieHeader(await signInRequest(users.admin.email, TEST_PASSWORD, "198.51.100.77"));
    expect((await call(listBatches, "/api/v1/batches", { headers: { cookie } })).status).toBe(200);
    const body = { datasetId, modelConfigId: "m", templateVersionId: "x" };
    const forged = await json<{ error: { message: string } }>(call(createBatch, "/api/v1/batches", { headers: { cookie }, json: body }));
    expect(forged).toMatchObject({ status: 403, body: { error: { message: expect.stringMatching(/no Origin header/) } } });
    const own = await call(createBatch, "/api/v1/batches", { headers: { cookie, origin: TEST_ORIGIN }, json: body });
    expect(own.status).not.toBe(403);
  });

  it("each token is rate limited on its own: past the limit a 429 with Retry-After, other tokens unaffected", async () => {
    const u = await seedUser(t, "supervisor");
    const limited = await createApiToken({ user: u, name: "busy", prisma: t.prisma });
    // 999 requests made this minute (as consumeTokenRequest counts them), then two more
    await t.prisma.rateLimit.create({ data: { id: `test-${limited.id}`, key: `api-token|${limited.id}`, count: 999, lastRequest: BigInt(Date.now()) } });
    expect(await consumeTokenRequest(t.prisma, limited.id, 1000)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    const res = await call(listBatches, "/api/v1/batches", { token: limited.token });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await res.json()).error).toMatchObject({ code: "RATE_LIMITED", message: expect.stringMatching(/more than 1000 requests in a minute/) });
    expect((await call(listBatches, "/api/v1/batches", { token: tokens.supervisor })).status).toBe(200);
  });
});
