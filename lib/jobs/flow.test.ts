import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppStack } from "@/test/app-stack";
import { syntheticCalls, toCsv } from "@/test/synthetic";
import { ingestJobResults } from "@/lib/results/ingest";
import { isTerminal } from "@/lib/bedrock/statuses";
import { createBatch } from "./submit";
import { trackOnce, type TrackerDeps } from "./tracker";

let stack: Awaited<ReturnType<typeof startAppStack>>;
let datasetId: string;
const CALLS = 40;

beforeAll(async () => {
  stack = await startAppStack();
  datasetId = await stack.uploadCsv(toCsv(await syntheticCalls(CALLS)));
});
afterAll(() => stack?.close());

const deps = (owner: string): TrackerDeps => ({
  prisma: stack.prisma, storage: stack.storage, bedrock: stack.bedrock, owner, basePollMs: 50, maxPollMs: 200, leaseMs: 60_000,
  ingest: (jobId) => ingestJobResults({ prisma: stack.prisma, storage: stack.storage, jobId }),
});

async function trackUntilDone(batchId: string, owner = "test-tracker", maxPasses = 400) {
  for (let i = 0; i < maxPasses; i++) {
    await trackOnce(deps(owner));
    const jobs = await stack.prisma.job.findMany({ where: { batchId } });
    if (jobs.every((j) => isTerminal(j.status) && (j.ingestedAt || j.status === "Failed" || j.status === "Expired"))) return jobs;
    await new Promise((r) => setTimeout(r, 60));
  }
  throw new Error("batch did not finish");
}

function submit(requestKey: string) {
  return createBatch({
    prisma: stack.prisma, storage: stack.storage, user: stack.user, datasetId,
    modelConfigId: stack.modelId, templateVersionId: stack.templateVersionId, requestKey,
  });
}

describe("upload -> submit -> track -> results, through the real stand-ins", () => {
  it("ingests the upload: one transcript per call, redacted, with 11-character record ids", async () => {
    const rows = await stack.prisma.transcript.findMany({ where: { datasetId }, orderBy: { recordId: "asc" } });
    expect(rows).toHaveLength(CALLS);
    expect(rows[0]).toMatchObject({ callId: "call-0", recordId: "RC000000001" });
    expect(rows.every((r) => /^[A-Za-z0-9]{11}$/.test(r.recordId))).toBe(true);
  });

  it("a double submission with one request key makes one batch and one set of jobs", async () => {
    const [a, b] = await Promise.all([submit("form-1"), submit("form-1")]);
    const again = await submit("form-1");
    expect(b.batchId).toBe(a.batchId);
    expect(again.batchId).toBe(a.batchId);
    expect(await stack.prisma.batch.count()).toBe(1);
    const jobs = await stack.prisma.job.findMany({ where: { batchId: a.batchId } });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ status: "Pending", recordCount: CALLS });
  });

  it("the tracker submits, follows the job to Completed and reads every record; reading again adds nothing", async () => {
    const { batchId } = await submit("form-1");
    const [job] = await trackUntilDone(batchId);
    expect(job.status).toBe("Completed");
    expect(job).toMatchObject({ totalRecordCount: CALLS, successRecordCount: CALLS, errorRecordCount: 0 });
    expect(Number(job.inputTokenCount)).toBeGreaterThan(CALLS * 500);
    const events = await stack.prisma.jobEvent.findMany({ where: { jobId: job.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.status)).toEqual(["Submitted", "Validating", "Scheduled", "InProgress", "Completed"].filter((s) => events.some((e) => e.status === s)));
    expect(events.at(-1)?.status).toBe("Completed");

    const results = await stack.prisma.result.findMany({ where: { jobId: job.id }, include: { transcript: true } });
    expect(results).toHaveLength(CALLS);
    const first = results.find((r) => r.recordId === "RC000000001")!;
    expect(first.transcript?.callId).toBe("call-0");
    expect(first.fields).toMatchObject({ summary: expect.any(String), customer_sentiment: expect.stringMatching(/positive|neutral|negative|mixed/) });
    expect(first.inputTokens).toBeGreaterThan(0);

    const again = await ingestJobResults({ prisma: stack.prisma, storage: stack.storage, jobId: job.id });
    expect(again.records).toBe(CALLS);
    expect(again.inserted).toBe(0);
    expect(await stack.prisma.result.count({ where: { jobId: job.id } })).toBe(CALLS);
    expect((await stack.jobsInEngine()).length).toBe(1);
  });

  it("records that fail come back as error rows beside the successful ones", async () => {
    await stack.admin("PUT", "job-tags", { tags: [{ key: "bedrock-local:fail-records", value: "0.25" }] });
    const { batchId } = await submit("form-failures");
    const [job] = await trackUntilDone(batchId);
    await stack.admin("PUT", "job-tags", { tags: [] });
    expect(job.status).toBe("Completed");
    const errors = await stack.prisma.result.findMany({ where: { jobId: job.id, ok: false } });
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.length).toBe(job.errorRecordCount);
    expect(errors[0]).toMatchObject({ errorCode: 500, errorMessage: expect.stringContaining("Injected failure") });
    expect(errors.every((e) => e.transcriptId)).toBe(true);
    expect(await stack.prisma.result.count({ where: { jobId: job.id } })).toBe(CALLS);
  });

  it("a tracker that dies mid-job loses nothing: another one takes over when the lease expires", async () => {
    await stack.admin("PUT", "pacing", { mode: "manual" });
    const { batchId } = await submit("form-restart");
    const first = deps("tracker-a");
    for (let i = 0; i < 3; i++) {
      await trackOnce(first);
      await stack.prisma.job.updateMany({ where: { batchId }, data: { nextPollAt: new Date(0) } });
    }
    const mid = await stack.prisma.job.findFirstOrThrow({ where: { batchId } });
    expect(mid.jobArn).toMatch(/^arn:aws:bedrock:us-east-1:\d{12}:model-invocation-job\/[a-z0-9]{12}$/);
    expect(isTerminal(mid.status)).toBe(false);
    // tracker-a dies holding a lease on the job
    await stack.prisma.job.update({ where: { id: mid.id }, data: { leaseOwner: "tracker-a", leaseUntil: new Date(Date.now() + 300) } });
    expect(await trackOnce(deps("tracker-b"))).toBe(0);
    await new Promise((r) => setTimeout(r, 350));
    await stack.admin("PUT", "pacing", { mode: "immediate" });
    const [job] = await trackUntilDone(batchId, "tracker-b");
    expect(job.status).toBe("Completed");
    expect(job.jobArn).toBe(mid.jobArn);
    expect(await stack.prisma.result.count({ where: { jobId: job.id } })).toBe(CALLS);
    const names = (await stack.jobsInEngine()).map((j) => j.jobName);
    expect(names.filter((n) => n === job.jobName)).toHaveLength(1);
  });

  it("a stop request stops the job in Bedrock and keeps what it wrote", async () => {
    await stack.admin("PUT", "pacing", { mode: "manual" });
    const { batchId } = await submit("form-stop");
    await trackOnce(deps("t"));
    const job = await stack.prisma.job.findFirstOrThrow({ where: { batchId } });
    expect(job.status).toBe("Submitted");
    await stack.prisma.job.update({ where: { id: job.id }, data: { stopRequested: true, nextPollAt: new Date(0) } });
    await stack.admin("PUT", "pacing", { mode: "immediate" });
    const [done] = await trackUntilDone(batchId);
    expect(done.status).toBe("Stopped");
    const statuses = (await stack.prisma.jobEvent.findMany({ where: { jobId: job.id } })).map((e) => e.status);
    expect(statuses).toContain("Stopped");
  });

  it("a job that fails keeps Bedrock's message and reads nothing", async () => {
    await stack.admin("PUT", "job-tags", { tags: [{ key: "bedrock-local:fail-job", value: "The model could not be reached." }] });
    const { batchId } = await submit("form-fail-job");
    const [job] = await trackUntilDone(batchId);
    await stack.admin("PUT", "job-tags", { tags: [] });
    expect(job.status).toBe("Failed");
    expect(job.message).toContain("The model could not be reached.");
    expect(job.ingestedAt).toBeNull();
    const last = await stack.prisma.jobEvent.findFirstOrThrow({ where: { jobId: job.id }, orderBy: { at: "desc" } });
    expect(last).toMatchObject({ status: "Failed", message: expect.stringContaining("could not be reached") });
  });

  it("a dataset below the model's minimum is refused with what to do", async () => {
    await stack.prisma.modelConfig.update({ where: { id: stack.modelId }, data: { minRecordsPerJob: 1000 } });
    await expect(submit("form-too-small")).rejects.toMatchObject({
      code: "QUOTA",
      message: expect.stringContaining(`This dataset has ${CALLS} transcripts, but a batch job for this model needs at least 1,000`),
    });
    await stack.prisma.modelConfig.update({ where: { id: stack.modelId }, data: { minRecordsPerJob: 10 } });
    expect(await stack.prisma.batch.count({ where: { requestKey: "form-too-small" } })).toBe(0);
  });

  it("a batch whose input can never be written ends Failed with a message, and so do its jobs", async () => {
    const { batchId } = await submit("form-lost-input");
    const dataset = await stack.prisma.dataset.findUniqueOrThrow({ where: { id: datasetId } });
    // the input was never written, the source is gone, and the batch is older than the retry window
    await stack.prisma.batch.update({ where: { id: batchId }, data: { status: "submitting", createdAt: new Date(Date.now() - 3600_000) } });
    await stack.prisma.dataset.update({ where: { id: datasetId }, data: { sourceKey: "recap/uploads/missing.jsonl" } });
    await trackOnce(deps("t"));
    await stack.prisma.dataset.update({ where: { id: datasetId }, data: { sourceKey: dataset.sourceKey } });
    const batch = await stack.prisma.batch.findUniqueOrThrow({ where: { id: batchId }, include: { jobs: true } });
    expect(batch.status).toBe("failed");
    expect(batch.message).toMatch(/^Writing the batch input to S3 failed: .*Check the storage settings/);
    expect(batch.jobs.map((j) => j.status)).toEqual(["Failed"]);
  });
});
