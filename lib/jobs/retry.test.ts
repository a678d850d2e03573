// Retrying only the failures, and the job options, through the real stand-ins: PGlite, s3rver
// and bedrock-local over HTTP, with failures injected by bedrock-local's fault tags.
import { GetModelInvocationJobCommand, ListTagsForResourceCommand } from "@aws-sdk/client-bedrock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppStack } from "@/test/app-stack";
import { syntheticCalls, toCsv } from "@/test/synthetic";
import { ingestJobResults } from "@/lib/results/ingest";
import { searchSummaries, callHistory } from "@/lib/results/queries";
import { isTerminal } from "@/lib/bedrock/statuses";
import { createBatch, type CreateBatchInput } from "./submit";
import { trackOnce } from "./tracker";
import { countFailedRecords, failedRecords, retryChain } from "./retry";

let stack: Awaited<ReturnType<typeof startAppStack>>;
let datasetId: string;
const CALLS = 40;

beforeAll(async () => {
  stack = await startAppStack();
  datasetId = await stack.uploadCsv(toCsv(await syntheticCalls(CALLS)));
});
afterAll(() => stack?.close());

async function run(batchId: string) {
  const deps = {
    prisma: stack.prisma, storage: stack.storage, bedrock: stack.bedrock, owner: "t", basePollMs: 50, maxPollMs: 200, leaseMs: 60_000,
    ingest: (jobId: string) => ingestJobResults({ prisma: stack.prisma, storage: stack.storage, jobId }),
  };
  for (let i = 0; i < 400; i++) {
    await trackOnce(deps);
    const jobs = await stack.prisma.job.findMany({ where: { batchId } });
    if (jobs.every((j) => isTerminal(j.status) && (j.ingestedAt || j.status === "Failed" || j.status === "Expired"))) return jobs;
    await new Promise((r) => setTimeout(r, 60));
  }
  throw new Error("batch did not finish");
}

function submit(requestKey: string, extra: Partial<CreateBatchInput> = {}) {
  return createBatch({
    prisma: stack.prisma, storage: stack.storage, user: stack.user, datasetId,
    modelConfigId: stack.modelId, templateVersionId: stack.templateVersionId, requestKey, ...extra,
  });
}

describe("job options", () => {
  it("sends timeoutDurationInHours and the user's tags plus Recap's batch id and user on CreateModelInvocationJob", async () => {
    const { batchId } = await submit("options-1", { timeoutHours: 48, tags: [{ key: "team", value: "billing" }] });
    const [job] = await run(batchId);
    const inEngine = await stack.bedrock.send(new GetModelInvocationJobCommand({ jobIdentifier: job.jobArn! }));
    expect(inEngine.timeoutDurationInHours).toBe(48);
    const { tags } = await stack.bedrock.send(new ListTagsForResourceCommand({ resourceARN: job.jobArn! }));
    expect(tags).toEqual([{ key: "team", value: "billing" }, { key: "recap:batch-id", value: batchId }, { key: "recap:user", value: "sam@example.com" }]);
    expect(await stack.prisma.batch.findUniqueOrThrow({ where: { id: batchId } })).toMatchObject({ timeoutHours: 48, tags: [{ key: "team", value: "billing" }] });
  });

  it("uses the model's default timeout when the form leaves it empty", async () => {
    await stack.prisma.modelConfig.update({ where: { id: stack.modelId }, data: { defaultTimeoutHours: 72 } });
    const { batchId } = await submit("options-2");
    const [job] = await run(batchId);
    const inEngine = await stack.bedrock.send(new GetModelInvocationJobCommand({ jobIdentifier: job.jobArn! }));
    expect(inEngine.timeoutDurationInHours).toBe(72);
  });
});

describe("retry only the failures", () => {
  it("reruns the error lines as a batch linked to the first: after one retry 0 failed, and the counts add up", async () => {
    const { batchId } = await submit("failing", { name: "October", tags: [{ key: "bedrock-local:fail-records", value: "0.3" }] });
    const [job] = await run(batchId);
    expect(job.status).toBe("Completed");
    const failed = await failedRecords({ prisma: stack.prisma, batchId });
    expect(failed.errors).toBe(job.errorRecordCount);
    expect(failed.errors).toBeGreaterThan(0);
    expect(failed).toMatchObject({ unprocessed: 0, pendingJobs: 0 });
    expect(failed.recordIds).toHaveLength(failed.errors);
    // the job page's count, in SQL, agrees
    expect(await countFailedRecords({ prisma: stack.prisma, jobId: job.id })).toBe(failed.errors);

    const retry = await submit("retry-1", { retryOf: { batchId } });
    const batch = await stack.prisma.batch.findUniqueOrThrow({ where: { id: retry.batchId } });
    expect(batch).toMatchObject({ name: "Retry of October", retryOfId: batchId, recordCount: failed.errors, recordIds: failed.recordIds });
    const [again] = await run(retry.batchId);
    expect(again).toMatchObject({ status: "Completed", totalRecordCount: failed.errors, successRecordCount: failed.errors, errorRecordCount: 0 });
    // the retry's results land on the same calls
    const retried = await stack.prisma.result.findMany({ where: { jobId: again.id }, include: { transcript: true } });
    expect(retried.map((r) => r.transcript?.recordId).sort()).toEqual(failed.recordIds);

    expect((await failedRecords({ prisma: stack.prisma, batchId: retry.batchId })).recordIds).toEqual([]);
    expect(await countFailedRecords({ prisma: stack.prisma, jobId: again.id })).toBe(0);
    const chain = await retryChain({ prisma: stack.prisma, batchId: retry.batchId });
    expect(chain).toMatchObject({ records: CALLS, summarized: CALLS, stillFailed: 0 });
    expect(chain.batches.map((b) => [b.records, b.ok, b.failed])).toEqual([[CALLS, CALLS - failed.errors, failed.errors], [failed.errors, failed.errors, 0]]);
    expect(chain.batches[0].ok + chain.batches[1].ok).toBe(CALLS);

    await expect(submit("retry-2", { retryOf: { batchId: retry.batchId } })).rejects.toThrow(/nothing to rerun/);
  });

  it("counts the records a PartiallyCompleted job never processed, and a retry of that job runs them", async () => {
    const { batchId } = await submit("partial", { tags: [{ key: "bedrock-local:timeout-records", value: "15" }] });
    const [job] = await run(batchId);
    expect(job.status).toBe("PartiallyCompleted");
    const failed = await failedRecords({ prisma: stack.prisma, batchId, jobId: job.id });
    expect(failed.errors).toBe(0);
    expect(failed.unprocessed).toBe(CALLS - 15);
    expect(await countFailedRecords({ prisma: stack.prisma, jobId: job.id })).toBe(CALLS - 15);
    const retry = await submit("partial-retry", { retryOf: { batchId, jobId: job.id } });
    const [again] = await run(retry.batchId);
    expect(again).toMatchObject({ status: "Completed", successRecordCount: CALLS - 15, errorRecordCount: 0 });
    expect(await retryChain({ prisma: stack.prisma, batchId })).toMatchObject({ records: CALLS, summarized: CALLS, stillFailed: 0 });
  });

  it("shows each call's newest successful result once; the earlier ones stay in its history", async () => {
    const page = await searchSummaries({ user: { id: stack.user.id, role: "supervisor" }, search: {}, pageSize: 500 });
    const callIds = page.rows.map((r) => r.callId);
    expect(page.total).toBe(CALLS);
    expect(new Set(callIds).size).toBe(CALLS);
    const t = await stack.prisma.transcript.findFirstOrThrow({ where: { datasetId, recordId: "RC000000001" } });
    const history = await callHistory({ user: { id: stack.user.id, role: "supervisor" }, transcriptId: t.id });
    expect(history.length).toBeGreaterThan(2);
    expect(history.filter((h) => h.current)).toHaveLength(1);
    expect(history.find((h) => h.current)!.id).toBe(page.rows.find((r) => r.callId === t.callId)!.id);
  });

  it("a retry below the model's minimum records per job is refused with the quota named", async () => {
    const { batchId } = await submit("fail-again", { tags: [{ key: "bedrock-local:fail-records", value: "0.2" }] });
    await run(batchId);
    await stack.prisma.modelConfig.update({ where: { id: stack.modelId }, data: { minRecordsPerJob: 30 } });
    try {
      await expect(submit("too-small", { retryOf: { batchId } })).rejects.toThrow(/minimum/);
    } finally {
      await stack.prisma.modelConfig.update({ where: { id: stack.modelId }, data: { minRecordsPerJob: 10 } });
    }
  });

  it("counts a retry's failed records from the batch's own list, as failedRecords finds them", async () => {
    const retry = await stack.prisma.batch.findFirstOrThrow({ where: { name: "Retry of October" }, include: { jobs: true } });
    const [job] = retry.jobs;
    expect(retry.recordIds.length).toBeGreaterThan(1);
    const [first, second] = await stack.prisma.result.findMany({ where: { jobId: job.id }, orderBy: { recordId: "asc" }, take: 2 });
    // one success turned into an error, one result gone (an unprocessed record)
    await stack.prisma.result.update({ where: { id: first.id }, data: { ok: false } });
    await stack.prisma.result.delete({ where: { id: second.id } });
    const failed = await failedRecords({ prisma: stack.prisma, batchId: retry.id, jobId: job.id });
    expect(failed.recordIds).toEqual([first.recordId, second.recordId]);
    expect(await countFailedRecords({ prisma: stack.prisma, jobId: job.id })).toBe(2);
    expect(await countFailedRecords({ prisma: stack.prisma, jobId: "no-such-job" })).toBe(0);
  });
});
