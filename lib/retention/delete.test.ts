// Deleting a dataset, a batch or a call through the real stand-ins (PGlite, s3rver, bedrock-local):
// afterwards nothing of it is left in the database or in the bucket.
import { createHash } from "node:crypto";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppStack } from "@/test/app-stack";
import { syntheticCalls, toCsv } from "@/test/synthetic";
import { ingestUpload } from "@/lib/datasets/ingest";
import { ingestJobResults } from "@/lib/results/ingest";
import { isTerminal } from "@/lib/bedrock/statuses";
import { createBatch, type CreateBatchInput } from "@/lib/jobs/submit";
import { trackOnce } from "@/lib/jobs/tracker";
import { listObjects, readObject } from "@/lib/storage";
import { deleteBatch, deleteCall, deleteDataset } from "./delete";
import { sweepRetention } from "./sweep";

let stack: Awaited<ReturnType<typeof startAppStack>>;
const CALLS = 12;
let calls: { callId: string; text: string }[];

beforeAll(async () => {
  stack = await startAppStack();
  calls = await syntheticCalls(CALLS);
  // a retry of a few failures is far below Bedrock's minimum; this test is about what a delete leaves
  await stack.prisma.modelConfig.update({ where: { id: stack.modelId }, data: { minRecordsPerJob: 1 } });
  await stack.admin("PUT", "quotas", { minRecordsPerJob: 1 });
});
afterAll(() => stack?.close());

async function upload(name: string) {
  const csv = toCsv(calls);
  const file = stack.writeFile(`${name}.csv`, csv);
  const out = await ingestUpload({
    prisma: stack.prisma, storage: stack.storage, filePath: file, fileName: `${name}.csv`,
    sizeBytes: fs.statSync(file).size, sha256: createHash("sha256").update(csv).digest("hex"), userId: stack.user.id,
  });
  return out.datasetId;
}

async function run(batchId: string) {
  const deps = {
    prisma: stack.prisma, storage: stack.storage, bedrock: stack.bedrock, owner: "t", basePollMs: 50, maxPollMs: 200, leaseMs: 60_000,
    ingest: (jobId: string) => ingestJobResults({ prisma: stack.prisma, storage: stack.storage, jobId }),
  };
  for (let i = 0; i < 400; i++) {
    await trackOnce(deps);
    const jobs = await stack.prisma.job.findMany({ where: { batchId } });
    if (jobs.every((j) => isTerminal(j.status) && (j.ingestedAt || j.status === "Failed"))) return jobs;
    await new Promise((r) => setTimeout(r, 60));
  }
  throw new Error("batch did not finish");
}

const submit = (datasetId: string, requestKey: string, extra: Partial<CreateBatchInput> = {}) =>
  createBatch({ prisma: stack.prisma, storage: stack.storage, user: stack.user, datasetId, modelConfigId: stack.modelId, templateVersionId: stack.templateVersionId, requestKey, ...extra });

/** Every object in the bucket, with its text. */
async function bucket(): Promise<{ key: string; text: string }[]> {
  const out = [];
  for await (const o of listObjects({ ...stack.storage, prefix: "" })) {
    const chunks: Buffer[] = [];
    for await (const c of await readObject({ ...stack.storage, key: o.key })) chunks.push(c as Buffer);
    out.push({ key: o.key, text: Buffer.concat(chunks).toString("utf8") });
  }
  return out;
}

const actor = () => ({ id: stack.user.id, email: stack.user.email, role: "supervisor" as const });
const deps = () => ({ prisma: stack.prisma, storage: stack.storage, actor: actor() });
// a piece of the call as stored (redacted), as JSON writes it, to look for in every object
const snippet = async (transcriptId: string) => JSON.stringify((await stack.prisma.transcript.findUniqueOrThrow({ where: { id: transcriptId } })).text.slice(40, 120)).slice(1, -1);

describe("delete", () => {
  let datasetId: string;
  let firstBatch: string;
  let retryBatch: string;

  it("a call: its line goes from the upload copy and from every job input and output, its rows go, the audit names only ids", async () => {
    datasetId = await upload("calls");
    ({ batchId: firstBatch } = await submit(datasetId, "first", { tags: [{ key: "bedrock-local:fail-records", value: "0.3" }] }));
    await run(firstBatch);
    ({ batchId: retryBatch } = await submit(datasetId, "retry", { retryOf: { batchId: firstBatch } }));
    await run(retryBatch);
    const t = await stack.prisma.transcript.findFirstOrThrow({ where: { datasetId, recordId: "RC000000004" } });
    const text = await snippet(t.id);
    expect((await bucket()).filter((o) => o.text.includes(text)).length).toBeGreaterThanOrEqual(3); // upload copy, input, output

    const { lines } = await deleteCall({ ...deps(), transcriptId: t.id });
    expect(lines).toBeGreaterThanOrEqual(3);
    const objects = await bucket();
    expect(objects.filter((o) => o.text.includes(text) || o.text.includes('"RC000000004"')).map((o) => o.key)).toEqual([]);
    expect(objects.some((o) => o.key.endsWith(".rewrite"))).toBe(false);
    expect(await stack.prisma.transcript.count({ where: { id: t.id } })).toBe(0);
    expect(await stack.prisma.result.count({ where: { OR: [{ transcriptId: t.id }, { recordId: "RC000000004", job: { batch: { datasetId } } }] } })).toBe(0);
    expect((await stack.prisma.dataset.findUniqueOrThrow({ where: { id: datasetId } })).recordCount).toBe(CALLS - 1);
    const entry = await stack.prisma.auditLog.findFirstOrThrow({ where: { action: "call.delete", targetId: t.id } });
    expect(JSON.stringify(entry)).not.toContain(t.callId);
    // the other calls' lines are intact
    expect(objects.filter((o) => o.text.includes('"RC000000005"')).length).toBeGreaterThanOrEqual(3);
  });

  it("a new batch after a call was deleted still maps every result to its own call", async () => {
    const { batchId } = await submit(datasetId, "after-delete");
    const [job] = await run(batchId);
    const results = await stack.prisma.result.findMany({ where: { jobId: job.id }, include: { transcript: true } });
    expect(results).toHaveLength(CALLS - 1);
    expect(results.every((r) => r.ok && r.transcript?.recordId === r.recordId)).toBe(true);
    await deleteBatch({ ...deps(), batchId });
  });

  it("a batch: its jobs' input and output folders and its rows go; the batch it retried stays", async () => {
    const jobs = await stack.prisma.job.findMany({ where: { batchId: retryBatch } });
    const { objects } = await deleteBatch({ ...deps(), batchId: retryBatch });
    expect(objects).toBeGreaterThanOrEqual(3); // input, output lines, manifest
    expect((await bucket()).filter((o) => o.key.includes(retryBatch))).toEqual([]);
    expect(await stack.prisma.batch.count({ where: { id: retryBatch } })).toBe(0);
    expect(await stack.prisma.job.count({ where: { id: { in: jobs.map((j) => j.id) } } })).toBe(0);
    expect(await stack.prisma.result.count({ where: { jobId: { in: jobs.map((j) => j.id) } } })).toBe(0);
    expect(await stack.prisma.jobEvent.count({ where: { jobId: { in: jobs.map((j) => j.id) } } })).toBe(0);
    expect(await stack.prisma.batch.count({ where: { id: firstBatch } })).toBe(1);
    expect(await stack.prisma.auditLog.count({ where: { action: "batch.delete", targetId: retryBatch } })).toBe(1);
  });

  it("is refused for someone else's data (not found) and while a job still runs (conflict)", async () => {
    const other = { id: "sup-2", email: "other@example.com", role: "supervisor" as const };
    await expect(deleteDataset({ ...deps(), actor: other, datasetId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await stack.admin("PUT", "pacing", { mode: "manual" });
    const { batchId } = await submit(datasetId, "running");
    const d = { prisma: stack.prisma, storage: stack.storage, bedrock: stack.bedrock, owner: "t", ingest: async () => {} };
    await trackOnce(d);
    expect((await stack.prisma.job.findFirstOrThrow({ where: { batchId } })).status).toBe("Submitted");
    await expect(deleteBatch({ ...deps(), batchId })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/still running.*Stop/) });
    await stack.prisma.job.updateMany({ where: { batchId }, data: { stopRequested: true, nextPollAt: new Date(0) } });
    await stack.admin("PUT", "pacing", { mode: "immediate" });
    await run(batchId);
  });

  it("a dataset: nothing of it is left in the database or the bucket", async () => {
    const batchIds = (await stack.prisma.batch.findMany({ where: { datasetId } })).map((b) => b.id);
    const jobIds = (await stack.prisma.job.findMany({ where: { batchId: { in: batchIds } } })).map((j) => j.id);
    expect(jobIds.length).toBeGreaterThan(0);
    await deleteDataset({ ...deps(), datasetId });
    expect(await bucket()).toEqual([]);
    expect(await stack.prisma.dataset.count({ where: { id: datasetId } })).toBe(0);
    expect(await stack.prisma.transcript.count({ where: { datasetId } })).toBe(0);
    expect(await stack.prisma.batch.count({ where: { id: { in: batchIds } } })).toBe(0);
    expect(await stack.prisma.job.count({ where: { id: { in: jobIds } } })).toBe(0);
    expect(await stack.prisma.result.count({ where: { jobId: { in: jobIds } } })).toBe(0);
    expect(await stack.prisma.jobEvent.count({ where: { jobId: { in: jobIds } } })).toBe(0);
    expect(await stack.prisma.auditLog.findFirst({ where: { action: "dataset.delete", targetId: datasetId } })).toMatchObject({ actorId: stack.user.id });
  });

  it("the retention sweep deletes datasets older than the setting, once a day whichever instance asks", async () => {
    const old = await upload("old");
    const fresh = await upload("fresh");
    await stack.prisma.dataset.update({ where: { id: old }, data: { createdAt: new Date(Date.now() - 3 * 86_400_000) } });
    await stack.prisma.retentionSetting.create({ data: { keepDays: 2 } });
    const sweeps = await Promise.all(["a", "b", "c"].map((owner) => sweepRetention({ prisma: stack.prisma, storage: stack.storage, owner })));
    expect(sweeps.filter((s) => s.ran)).toHaveLength(1);
    expect(sweeps.find((s) => s.ran)).toMatchObject({ keepDays: 2, deleted: [old], skipped: [] });
    expect(await stack.prisma.dataset.findMany({ select: { id: true } })).toEqual([{ id: fresh }]);
    expect((await bucket()).every((o) => o.key.includes(fresh))).toBe(true);
    expect((await sweepRetention({ prisma: stack.prisma, storage: stack.storage, owner: "a" })).ran).toBe(false);
    const tomorrow = new Date(Date.now() + 86_400_000 + 1000);
    expect((await sweepRetention({ prisma: stack.prisma, storage: stack.storage, owner: "b", now: tomorrow })).ran).toBe(true);
    expect(await stack.prisma.auditLog.count({ where: { action: "retention.sweep" } })).toBe(1);
  });
});
