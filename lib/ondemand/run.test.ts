// On-demand runs through the real stand-ins: PGlite (and PostgreSQL when DATABASE_URL_TEST
// answers), s3rver, and bedrock-local's InvokeModel route through @aws-sdk/client-bedrock-runtime.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startAppStack } from "@/test/app-stack";
import { databaseTargets } from "@/test/db";
import { syntheticCalls, toCsv } from "@/test/synthetic";
import { createBedrockRuntimeClient } from "@/lib/bedrock/runtime-client";
import { isTerminal } from "@/lib/bedrock/statuses";
import { ingestJobResults } from "@/lib/results/ingest";
import { trackOnce, type TrackerDeps } from "@/lib/jobs/tracker";
import { createOnDemandBatch } from "./create";
import { runOnDemandSlice } from "./run";

const CALLS = 8;

describe.each(await databaseTargets("ondemand/run.test"))("on-demand runs on %s", (_name, database) => {
  let stack: Awaited<ReturnType<typeof startAppStack>>;
  let runtime: ReturnType<typeof createBedrockRuntimeClient>;
  let datasetId: string;
  let form = 0;

  beforeAll(async () => {
    stack = await startAppStack({ database });
    runtime = createBedrockRuntimeClient({ region: "us-east-1", endpoint: stack.engine.endpoint, maxAttempts: 5 });
    datasetId = await stack.uploadCsv(toCsv(await syntheticCalls(CALLS)));
  });
  afterAll(async () => {
    runtime?.destroy();
    await stack?.close();
  });
  afterEach(async () => {
    await stack.admin("DELETE", "faults");
    await stack.admin("PUT", "job-tags", { tags: [] });
  });

  const deps = (owner: string, sliceSize?: number): TrackerDeps => ({
    prisma: stack.prisma, storage: stack.storage, bedrock: stack.bedrock, owner, basePollMs: 20, maxPollMs: 100, leaseMs: 60_000,
    ingest: (jobId) => ingestJobResults({ prisma: stack.prisma, storage: stack.storage, jobId }),
    onDemand: (jobId) => runOnDemandSlice({ prisma: stack.prisma, runtime, owner, leaseMs: 60_000, concurrency: 3, sliceSize }, jobId),
  });
  const create = (extra: { transcriptIds?: string[] } = {}) =>
    createOnDemandBatch({ prisma: stack.prisma, user: stack.user, datasetId, modelConfigId: stack.modelId, templateVersionId: stack.templateVersionId, requestKey: `od-${++form}`, ...extra });
  const invokeCalls = async () => {
    const { requests } = (await stack.admin("GET", "requests?operation=InvokeModel")) as { requests: { outcome: string; httpStatus?: number; attempt?: number }[] };
    return requests;
  };
  async function runToEnd(jobId: string, owner = "t", sliceSize?: number) {
    for (let i = 0; i < 200; i++) {
      await trackOnce(deps(owner, sliceSize));
      const job = await stack.prisma.job.findUniqueOrThrow({ where: { id: jobId } });
      if (isTerminal(job.status)) return job;
      await stack.prisma.job.update({ where: { id: jobId }, data: { nextPollAt: new Date(0) } });
    }
    throw new Error("on-demand job did not finish");
  }

  it("a set under the batch minimum runs call by call into the same Result rows a batch job fills", async () => {
    await stack.prisma.modelConfig.update({ where: { id: stack.modelId }, data: { minRecordsPerJob: 100 } });
    await stack.admin("DELETE", "requests");
    const { batchId, jobId } = await create();
    const batch = await stack.prisma.batch.findUniqueOrThrow({ where: { id: batchId } });
    expect(batch).toMatchObject({ mode: "ondemand", status: "ready", recordCount: CALLS });
    // twice the batch price: Claude 3 Haiku's batch rate 0.125/0.625 becomes 0.25/1.25 per M tokens
    expect(batch.estCostUsd).toBeCloseTo((Number(batch.estInputTokens) * 0.25 + Number(batch.estOutputTokens) * 1.25) / 1e6, 10);

    const job = await runToEnd(jobId);
    expect(job).toMatchObject({ status: "Completed", totalRecordCount: CALLS, processedRecordCount: CALLS, successRecordCount: CALLS, errorRecordCount: 0 });
    expect(job.ingestedAt).not.toBeNull();
    expect(Number(job.inputTokenCount)).toBeGreaterThan(CALLS * 200);
    const results = await stack.prisma.result.findMany({ where: { jobId }, include: { transcript: true } });
    expect(results).toHaveLength(CALLS);
    expect(results.every((r) => r.ok && r.transcript && r.inputTokens! > 0)).toBe(true);
    expect(results.find((r) => r.transcript?.callId === "call-0")?.fields).toMatchObject({ summary: expect.any(String), customer_sentiment: expect.stringMatching(/positive|neutral|negative|mixed/) });
    // one InvokeModel per call, no batch job
    expect((await invokeCalls()).filter((r) => r.outcome === "ok")).toHaveLength(CALLS);
    expect((await stack.jobsInEngine()).length).toBe(0);
    const events = await stack.prisma.jobEvent.findMany({ where: { jobId }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.status)).toEqual(["InProgress", "Completed"]);
  });

  it("throttling is retried by the SDK's adaptive retries and every call still gets one result", async () => {
    await stack.admin("DELETE", "requests");
    await stack.admin("POST", "faults", { operation: "InvokeModel", error: { name: "ThrottlingException" }, count: 3 });
    const { jobId } = await create();
    const job = await runToEnd(jobId);
    expect(job).toMatchObject({ status: "Completed", successRecordCount: CALLS, errorRecordCount: 0 });
    const calls = await invokeCalls();
    expect(calls.filter((r) => r.httpStatus === 429)).toHaveLength(3);
    expect(calls.filter((r) => r.outcome === "ok")).toHaveLength(CALLS);
    expect(calls.some((r) => (r.attempt ?? 1) > 1)).toBe(true);
  });

  it("throttling that outlasts the retries leaves the call for a later pass, not an error", async () => {
    await stack.admin("POST", "faults", { operation: "InvokeModel", error: { name: "ThrottlingException" }, count: 5 });
    const { jobId } = await create();
    await stack.prisma.job.update({ where: { id: jobId }, data: { nextPollAt: new Date(0) } });
    await trackOnce(deps("t", 1));
    const after = await stack.prisma.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(await stack.prisma.result.count({ where: { jobId } })).toBe(0);
    expect(after.status).toBe("InProgress");
    expect(after.nextPollAt.getTime()).toBeGreaterThan(Date.now() + 1000);
    const job = await runToEnd(jobId);
    expect(job).toMatchObject({ status: "Completed", successRecordCount: CALLS, errorRecordCount: 0 });
  });

  it("records the model fails become error results beside the successes", async () => {
    await stack.admin("PUT", "job-tags", { tags: [{ key: "bedrock-local:fail-records", value: "0.4" }] });
    const { jobId } = await create();
    const job = await runToEnd(jobId);
    const errors = await stack.prisma.result.findMany({ where: { jobId, ok: false } });
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.length).toBeLessThan(CALLS);
    expect(errors[0]).toMatchObject({ errorCode: 424, errorMessage: expect.stringMatching(/^ModelErrorException: Injected failure/) });
    expect(errors.every((e) => e.transcriptId)).toBe(true);
    expect(job).toMatchObject({ status: "Completed", errorRecordCount: errors.length, successRecordCount: CALLS - errors.length, processedRecordCount: CALLS });
  });

  it("a runner that dies mid-run is taken over after its lease, and no call is summarized twice", async () => {
    await stack.admin("DELETE", "requests");
    const { jobId } = await create();
    await trackOnce(deps("tracker-a", 3));
    expect(await stack.prisma.result.count({ where: { jobId } })).toBe(3);
    // progress as the job page shows it, from the counters
    expect(await stack.prisma.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "InProgress", processedRecordCount: 3, successRecordCount: 3, totalRecordCount: CALLS });
    // tracker-a dies holding the lease
    await stack.prisma.job.update({ where: { id: jobId }, data: { leaseOwner: "tracker-a", leaseUntil: new Date(Date.now() + 300), nextPollAt: new Date(0) } });
    expect(await trackOnce(deps("tracker-b", 3))).toBe(0);
    await new Promise((r) => setTimeout(r, 350));
    const job = await runToEnd(jobId, "tracker-b", 3);
    expect(job).toMatchObject({ status: "Completed", successRecordCount: CALLS });
    expect(await stack.prisma.result.count({ where: { jobId } })).toBe(CALLS);
    expect((await invokeCalls()).filter((r) => r.outcome === "ok")).toHaveLength(CALLS);
  });

  it("a stop request ends the run after the calls in flight, keeping their results", async () => {
    await stack.admin("DELETE", "requests");
    const { jobId } = await create();
    await trackOnce(deps("t", 2));
    await stack.prisma.job.update({ where: { id: jobId }, data: { stopRequested: true, nextPollAt: new Date(0) } });
    const job = await runToEnd(jobId);
    expect(job.status).toBe("Stopped");
    expect(job).toMatchObject({ processedRecordCount: 2, totalRecordCount: CALLS });
    expect((await invokeCalls()).filter((r) => r.outcome === "ok")).toHaveLength(2);
  });

  it("one call re-summarized with another template gets a result of its own beside the first", async () => {
    const t = await stack.prisma.transcript.findFirstOrThrow({ where: { datasetId, callId: "call-3" } });
    const other = await stack.prisma.promptTemplateVersion.create({
      data: { templateId: (await stack.prisma.promptTemplateVersion.findUniqueOrThrow({ where: { id: stack.templateVersionId } })).templateId, version: 2, body: "In two sentences, what did the caller want?\n{{transcript}}", expectsJson: false },
    });
    const before = await stack.prisma.result.count({ where: { transcriptId: t.id } });
    const { batchId, jobId } = await createOnDemandBatch({
      prisma: stack.prisma, user: stack.user, datasetId, modelConfigId: stack.modelId, templateVersionId: other.id, transcriptIds: [t.id], requestKey: "resummarize-1",
    });
    expect((await stack.prisma.batch.findUniqueOrThrow({ where: { id: batchId } })).recordCount).toBe(1);
    const job = await runToEnd(jobId);
    expect(job).toMatchObject({ status: "Completed", totalRecordCount: 1, successRecordCount: 1 });
    const history = await stack.prisma.result.findMany({ where: { transcriptId: t.id }, include: { job: { include: { batch: true } } } });
    expect(history).toHaveLength(before + 1);
    const fresh = history.find((r) => r.jobId === jobId)!;
    expect(fresh.fields).toBeNull();
    // the plain-text template's answer is kept as the summary text (no JSON fields)
    expect(fresh.summary).toMatch(/\w{3,}.*\./s);
    expect(fresh.job.batch.templateVersionId).toBe(other.id);
  });

  it("a set under Bedrock's minimum runs on demand even when Recap's own minimum is set lower; calls of another dataset are refused", async () => {
    await stack.prisma.modelConfig.update({ where: { id: stack.modelId }, data: { minRecordsPerJob: 5 } });
    try {
      const { batchId } = await create();
      expect((await stack.prisma.batch.findUniqueOrThrow({ where: { id: batchId } })).mode).toBe("ondemand");
      await expect(create({ transcriptIds: ["not-a-call"] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    } finally {
      await stack.prisma.modelConfig.update({ where: { id: stack.modelId }, data: { minRecordsPerJob: 100 } });
    }
  });

  it("refuses a whole dataset that is large enough for a batch job", async () => {
    const llama = await stack.prisma.modelConfig.create({
      data: { modelId: "meta.llama3-1-8b-instruct-v1:0", name: "Llama", family: "llama", inputPricePerMTok: 0.1, outputPricePerMTok: 0.1, minRecordsPerJob: 5 },
    });
    // Bedrock's own minimum for Llama is 100, so 8 calls still run on demand; with a dataset
    // above both minimums the batch is the way.
    const big = Array.from({ length: 100 }, (_, i) => ({ datasetId, callId: `extra-${i}`, recordId: `XTRA${String(i).padStart(7, "0")}`, text: "Agent: Hello.", charCount: 13 }));
    await stack.prisma.transcript.createMany({ data: big });
    try {
      await expect(
        createOnDemandBatch({ prisma: stack.prisma, user: stack.user, datasetId, modelConfigId: llama.id, templateVersionId: stack.templateVersionId, requestKey: "od-big" }),
      ).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("108 transcripts, enough for a batch job (at least 100)") });
    } finally {
      await stack.prisma.transcript.deleteMany({ where: { datasetId, callId: { startsWith: "extra-" } } });
    }
  });
});
