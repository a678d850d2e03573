// A comparison through the real stand-ins (PGlite and PostgreSQL, s3rver, bedrock-local over
// HTTP): the sample is drawn once, each arm runs as its own batch over exactly those calls, the
// tracker brings the results back, and the side-by-side totals are what the results say.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppStack } from "@/test/app-stack";
import { databaseTargets } from "@/test/db";
import { syntheticCalls, toCsv } from "@/test/synthetic";
import { ingestJobResults } from "@/lib/results/ingest";
import { searchSummaries } from "@/lib/results/queries";
import { createBatch } from "@/lib/jobs/submit";
import { getBatch } from "@/lib/jobs/queries";
import { getDataset, listDatasets } from "@/lib/datasets/queries";
import { isSettled } from "@/lib/jobs/query-options";
import { trackOnce } from "@/lib/jobs/tracker";
import type { SessionUser } from "@/lib/auth/guards";
import { CreateComparison, createComparison } from "./create";
import { comparisonPairs, getComparison, listComparisons } from "./queries";
import { jaccard } from "./metrics";

const CALLS = 30;
const SAMPLE = 12;
const BRIEF_TEMPLATE = `Summarize the call between the <transcript> tags. Answer with one JSON object with exactly the keys "summary" and "customer_sentiment" (one of positive, neutral, negative, mixed).

<transcript>
{{transcript}}
</transcript>`;

describe.each(await databaseTargets("compare.test"))("comparisons on %s", (_name, database) => {
  let stack: Awaited<ReturnType<typeof startAppStack>>;
  let datasetId: string;
  let novaId: string;
  let briefVersionId: string;

  beforeAll(async () => {
    stack = await startAppStack({ database });
    datasetId = await stack.uploadCsv(toCsv(await syntheticCalls(CALLS)));
    // bedrock-local serves Nova Lite too: arm B is another model family at other prices, with a prompt that asks for fewer fields
    novaId = (await stack.prisma.modelConfig.create({
      data: { modelId: "amazon.nova-lite-v1:0", name: "Nova Lite", family: "nova", inputPricePerMTok: 0.03, outputPricePerMTok: 0.12, minRecordsPerJob: 10 },
    })).id;
    briefVersionId = (await stack.prisma.promptTemplateVersion.create({
      data: { version: 1, body: BRIEF_TEMPLATE, template: { create: { name: "Brief" } } },
    })).id;
  }, 60_000);
  afterAll(() => stack?.close());

  const input = (over: Partial<Record<string, unknown>> = {}) => CreateComparison.parse({
    datasetId, sample: "sample", sampleSize: SAMPLE, requestKey: crypto.randomUUID(),
    A: { modelConfigId: stack.modelId, templateVersionId: stack.templateVersionId },
    B: { modelConfigId: novaId, templateVersionId: briefVersionId },
    ...over,
  });
  const create = (i: CreateComparison, user: SessionUser = stack.user) => createComparison({ prisma: stack.prisma, storage: stack.storage, user, input: i });

  async function trackUntilSettled(batchIds: string[]) {
    const deps = {
      prisma: stack.prisma, storage: stack.storage, bedrock: stack.bedrock, owner: "compare-test", basePollMs: 50, maxPollMs: 200, leaseMs: 60_000,
      ingest: (jobId: string) => ingestJobResults({ prisma: stack.prisma, storage: stack.storage, jobId }),
    };
    for (let i = 0; i < 400; i++) {
      await trackOnce(deps);
      const jobs = await stack.prisma.job.findMany({ where: { batchId: { in: batchIds } } });
      if (jobs.length > 0 && jobs.every((j) => isSettled({ status: j.status, ingestedAt: j.ingestedAt?.toISOString() ?? null }))) return jobs;
      await new Promise((r) => setTimeout(r, 60));
    }
    throw new Error("the comparison's arms did not finish");
  }

  it("refuses two identical arms and a sample below a model's minimum, and writes nothing", async () => {
    const same = CreateComparison.safeParse({ ...input(), B: { modelConfigId: stack.modelId, templateVersionId: stack.templateVersionId } });
    expect(same.success).toBe(false);
    expect(same.error?.issues[0]).toMatchObject({ path: ["B", "modelConfigId"], message: expect.stringContaining("Both arms use the same model and template version") });
    await expect(create(input({ sampleSize: 5 }))).rejects.toMatchObject({
      code: "QUOTA", field: "sampleSize",
      message: "5 calls are below Claude 3 Haiku's minimum of 10 records per batch job (arm A). Sample at least 10 calls, or choose another model.",
    });
    await expect(create(input({ sampleSize: CALLS + 1 }))).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining(`This dataset has ${CALLS} calls`) });
    expect(await stack.prisma.comparison.count()).toBe(0);
    expect(await stack.prisma.batch.count()).toBe(0);
  });

  it("runs both arms over the same sample and shows them side by side with their totals", async () => {
    const form = input();
    const { comparisonId } = await create(form);
    // the same form sent again finds the same comparison and starts nothing new
    expect((await create(form)).comparisonId).toBe(comparisonId);
    const batches = await stack.prisma.batch.findMany({ where: { comparisonId }, orderBy: { comparisonArm: "asc" }, include: { jobs: true } });
    expect(batches.map((b) => [b.comparisonArm, b.recordCount, b.jobs.length])).toEqual([["A", SAMPLE, 1], ["B", SAMPLE, 1]]);
    expect(batches.map((b) => b.modelConfigId)).toEqual([stack.modelId, novaId]);

    expect((await getBatch({ user: stack.user, batchId: batches[1].id, prisma: stack.prisma }))?.comparison).toEqual({ id: comparisonId, name: expect.stringMatching(/ compared$/), arm: "B" });
    const before = await getComparison({ user: stack.user, comparisonId, prisma: stack.prisma });
    expect(before).toMatchObject({ calls: SAMPLE, sampleSize: SAMPLE, settled: false });

    const jobs = await trackUntilSettled(batches.map((b) => b.id));
    expect(jobs.map((j) => j.status)).toEqual(["Completed", "Completed"]);
    const view = (await getComparison({ user: stack.user, comparisonId, prisma: stack.prisma }))!;
    expect(view.settled).toBe(true);
    expect(view.arms.map((a) => `${a.arm} ${a.modelName} ${a.templateLabel}`)).toEqual(["A Claude 3 Haiku Call summary v1", "B Nova Lite Brief v1"]);

    // each arm sent exactly the sampled calls, under the dataset's own record ids
    const sample = await stack.prisma.comparisonCall.findMany({ where: { comparisonId }, select: { transcript: { select: { recordId: true } } } });
    const sampled = sample.map((s) => s.transcript.recordId).sort();
    for (const b of batches) {
      const ids = (await stack.prisma.result.findMany({ where: { job: { batchId: b.id } }, select: { recordId: true } })).map((r) => r.recordId).sort();
      expect(ids).toEqual(sampled);
    }

    const { pairs, totals } = await comparisonPairs({ comparison: view, prisma: stack.prisma });
    expect(pairs.map((p) => p.recordId)).toEqual(sampled);
    expect(pairs.every((p) => p.A?.ok && p.B?.ok && p.A.summary && p.B.summary)).toBe(true);
    expect(totals.bothSucceeded).toBe(SAMPLE);
    // the built-in summarizer reads sentiment the same way whatever the model: full agreement
    expect(totals.sentiment).toMatchObject({ compared: SAMPLE, agreed: SAMPLE, agreement: 1 });
    // arm B's prompt asks for no topics: overlap only where arm A found none either
    expect(pairs.every((p) => p.B!.topics.length === 0)).toBe(true);
    expect(pairs.some((p) => p.A!.topics.length > 0)).toBe(true);
    expect(totals.topics.meanJaccard).toBeCloseTo(pairs.reduce((n, p) => n + jaccard(p.A!.topics, p.B!.topics), 0) / SAMPLE);
    expect(totals.topics.meanJaccard).toBeLessThan(1);
    // tokens are the manifests' counts; cost is each arm's own batch prices
    for (const [arm, job] of [["A", jobs.find((j) => j.batchId === batches[0].id)!], ["B", jobs.find((j) => j.batchId === batches[1].id)!]] as const) {
      expect(totals.arms[arm]).toMatchObject({ results: SAMPLE, succeeded: SAMPLE, failed: 0, inputTokens: Number(job.inputTokenCount), outputTokens: Number(job.outputTokenCount) });
    }
    expect(totals.arms.A.costUsd).toBeCloseTo((totals.arms.A.inputTokens * 0.125 + totals.arms.A.outputTokens * 0.625) / 1e6, 10);
    expect(totals.arms.B.costUsd).toBeCloseTo((totals.arms.B.inputTokens * 0.03 + totals.arms.B.outputTokens * 0.12) / 1e6, 10);
    expect(totals.costDiffUsd).toBeLessThan(0);
    expect(totals.arms.A.avgSummaryChars).toBeGreaterThan(50);
  });

  it("a request that died between the two arms is finished by sending the same form again", async () => {
    const form = input({ sampleSize: 10 });
    const { comparisonId } = await create(form);
    const [a, b] = await stack.prisma.batch.findMany({ where: { comparisonId }, orderBy: { comparisonArm: "asc" } });
    await stack.prisma.batch.delete({ where: { id: b.id } }); // as if the process stopped after arm A
    expect((await create(form)).comparisonId).toBe(comparisonId);
    const again = await stack.prisma.batch.findMany({ where: { comparisonId }, orderBy: { comparisonArm: "asc" }, select: { id: true, comparisonArm: true, recordCount: true } });
    expect(again.map((x) => [x.comparisonArm, x.recordCount])).toEqual([["A", 10], ["B", 10]]);
    expect(again[0].id).toBe(a.id);
    expect(await stack.prisma.comparisonCall.count({ where: { comparisonId } })).toBe(10);
    await trackUntilSettled(again.map((x) => x.id));
  });

  it("keeps the arms' summaries out of the summaries list, so a call summarized by a batch too is listed once", async () => {
    expect((await searchSummaries({ user: stack.user, search: {}, prisma: stack.prisma })).total).toBe(0);
    const { batchId } = await createBatch({
      prisma: stack.prisma, storage: stack.storage, user: stack.user, datasetId, modelConfigId: stack.modelId, templateVersionId: stack.templateVersionId, requestKey: crypto.randomUUID(),
    });
    await trackUntilSettled([batchId]);
    // the dataset lists its own batch, not the comparisons' arms
    expect((await getDataset({ user: stack.user, datasetId, prisma: stack.prisma }))?.batches.map((b) => b.id)).toEqual([batchId]);
    expect((await listDatasets({ user: stack.user, prisma: stack.prisma }))[0].batchCount).toBe(1);
    const listed = await searchSummaries({ user: stack.user, search: {}, prisma: stack.prisma, pageSize: 100 });
    expect(listed.total).toBe(CALLS);
    expect(new Set(listed.rows.map((r) => r.callId)).size).toBe(CALLS);
  });

  it("a supervisor sees only their own comparisons; a manager sees every one", async () => {
    const other: SessionUser = { id: "sup-2", email: "kim@example.com", name: "Kim", role: "supervisor" };
    await stack.prisma.user.create({ data: { id: other.id, name: other.name, email: other.email, role: "supervisor" } });
    const [mine] = await listComparisons({ user: stack.user, prisma: stack.prisma });
    expect(mine.arms).toEqual(["A: Claude 3 Haiku, Call summary v1", "B: Nova Lite, Brief v1"]);
    expect(await listComparisons({ user: other, prisma: stack.prisma })).toEqual([]);
    expect(await getComparison({ user: other, comparisonId: mine.id, prisma: stack.prisma })).toBeNull();
    await expect(create(input(), other)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const manager = { ...other, id: "mgr-1", role: "manager" as const };
    expect((await getComparison({ user: manager, comparisonId: mine.id, prisma: stack.prisma }))?.calls).toBe(mine.calls);
    expect(mine.calls).toBeGreaterThan(0);
  });
});
