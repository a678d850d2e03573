import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgliteTestDb, type TestDb } from "@/test/db";
import { encodeKey } from "@/lib/keyset";
import { countJobResults, exportSummaries, getResult, listJobResults, searchSummaries, summaryStats } from "./queries";
import { getBatch, getJob, jobStats, listJobs } from "@/lib/jobs/queries";

let t: TestDb;
const sup = { id: "u-sup", role: "supervisor" as const };
const other = { id: "u-other", role: "supervisor" as const };
const mgr = { id: "u-mgr", role: "manager" as const };
let jobId = "";
let otherJobId = "";

async function seedBatch(userId: string, name: string, results: { callId: string; ok: boolean; summary?: string; sentiment?: string; topics?: string[] }[]) {
  const p = t.prisma;
  const dataset = await p.dataset.create({ data: { name, fileName: `${name}.csv`, format: "csv", sizeBytes: 10n, sha256: "x", createdById: userId, recordCount: results.length } });
  const model = await p.modelConfig.findFirstOrThrow();
  const tv = await p.promptTemplateVersion.findFirstOrThrow();
  const batch = await p.batch.create({ data: { name, datasetId: dataset.id, modelConfigId: model.id, templateVersionId: tv.id, createdById: userId, recordCount: results.length, status: "ready" } });
  const job = await p.job.create({
    data: {
      batchId: batch.id, part: 1, jobName: `${name}-p1`, clientRequestToken: `tok-${name}`, inputS3Uri: "s3://b/i/", outputS3Uri: "s3://b/o/",
      recordCount: results.length, status: "Completed", endTime: new Date(), processedRecordCount: results.length,
      inputTokenCount: 2_000_000n, outputTokenCount: 1_000_000n, ingestedAt: new Date(),
    },
  });
  await p.jobEvent.createMany({ data: [{ jobId: job.id, status: "Submitted", at: new Date(Date.now() - 5000) }, { jobId: job.id, status: "Completed" }] });
  for (const [i, r] of results.entries()) {
    const recordId = `RC${String(i + 1).padStart(9, "0")}`;
    const tr = await p.transcript.create({ data: { datasetId: dataset.id, callId: r.callId, recordId, text: `Agent: hello\nCustomer: ${r.summary ?? ""}`, charCount: 10 } });
    await p.result.create({
      data: r.ok
        ? { jobId: job.id, recordId, transcriptId: tr.id, ok: true, summary: r.summary, sentiment: r.sentiment, inputTokens: 100, outputTokens: 20,
            fields: { summary: r.summary, reason_for_call: "billing", resolution: "done", customer_sentiment: r.sentiment, action_items: [], topics: r.topics ?? [] } }
        : { jobId: job.id, recordId, transcriptId: tr.id, ok: false, errorCode: 400, errorMessage: "Malformed input request" },
    });
  }
  return job.id;
}

beforeAll(async () => {
  t = await createPgliteTestDb();
  const p = t.prisma;
  for (const u of [sup, other, mgr]) await p.user.create({ data: { id: u.id, name: u.id, email: `${u.id}@example.com`, role: u.role } });
  await p.modelConfig.create({ data: { modelId: "anthropic.claude-3-haiku", name: "Claude 3 Haiku", family: "anthropic", inputPricePerMTok: 0.125, outputPricePerMTok: 0.625 } });
  await p.promptTemplate.create({ data: { name: "Call summary", versions: { create: { version: 3, body: "Summarize {{transcript}}" } } } });
  jobId = await seedBatch(sup.id, "mine", [
    { callId: "c1", ok: true, summary: "Customer disputed a refund for a damaged router", sentiment: "negative", topics: ["Refund", "router"] },
    { callId: "c2", ok: true, summary: "Caller upgraded the internet plan", sentiment: "positive", topics: ["upgrade", "refund"] },
    { callId: "c3", ok: false },
  ]);
  otherJobId = await seedBatch(other.id, "theirs", [{ callId: "x1", ok: true, summary: "Refund issued for a router", sentiment: "neutral", topics: ["refund"] }]);
});
afterAll(() => t?.close());

describe("job queries", () => {
  it("lists only the supervisor's own jobs, all jobs for a manager", async () => {
    expect((await listJobs({ user: sup, prisma: t.prisma })).jobs.map((j) => j.id)).toEqual([jobId]);
    expect((await listJobs({ user: mgr, prisma: t.prisma })).total).toBe(2);
    expect((await listJobs({ user: mgr, status: "Failed", prisma: t.prisma })).total).toBe(0);
  });

  it("gives a job's history, tokens as numbers and cost at the model's batch prices; null outside scope", async () => {
    const job = await getJob({ user: sup, jobId, prisma: t.prisma });
    expect(job).toMatchObject({ status: "Completed", inputTokenCount: 2_000_000, outputTokenCount: 1_000_000, templateLabel: "Call summary v3", modelName: "Claude 3 Haiku" });
    expect(job!.costUsd).toBeCloseTo(2 * 0.125 + 0.625);
    expect(job!.events.map((e) => e.status)).toEqual(["Submitted", "Completed"]);
    expect(await getJob({ user: other, jobId, prisma: t.prisma })).toBeNull();
    expect(await getBatch({ user: other, batchId: job!.batchId, prisma: t.prisma })).toBeNull();
    expect((await getBatch({ user: mgr, batchId: job!.batchId, prisma: t.prisma }))!.jobs).toHaveLength(1);
  });

  it("counts jobs by status, and records processed and their cost per day", async () => {
    const stats = await jobStats({ user: mgr, prisma: t.prisma });
    expect(stats.byStatus).toEqual([{ status: "Completed", count: 2 }]);
    expect(stats.processedByDay[0].records).toBe(4);
    // two jobs of 2M input and 1M output tokens at $0.125 / $0.625 per million
    expect(stats.costByDay).toEqual([{ day: new Date().toISOString().slice(0, 10), costUsd: 1.75 }]);
    expect((await jobStats({ user: sup, prisma: t.prisma })).costByDay[0].costUsd).toBe(0.875);
  });
});

describe("result queries", () => {
  it("pages a job's results by record (keyset, both ways) and filters errors, in the caller's scope", async () => {
    const first = await listJobResults({ user: sup, jobId, pageSize: 2, prisma: t.prisma });
    expect(first.rows.map((r) => r.callId)).toEqual(["c1", "c2"]);
    expect(first.previous).toBeNull();
    const second = await listJobResults({ user: sup, jobId, pageSize: 2, after: first.next!, prisma: t.prisma });
    expect(second.rows.map((r) => r.callId)).toEqual(["c3"]);
    expect(second.next).toBeNull();
    const back = await listJobResults({ user: sup, jobId, pageSize: 2, before: second.previous!, prisma: t.prisma });
    expect(back.rows.map((r) => r.callId)).toEqual(["c1", "c2"]);
    expect(back.previous).toBeNull();
    expect(back.next).toBe(first.next);
    // a cursor we did not make is the first page
    expect((await listJobResults({ user: sup, jobId, after: "not a cursor", prisma: t.prisma })).rows).toHaveLength(3);
    const errors = await listJobResults({ user: sup, jobId, filter: "errors", prisma: t.prisma });
    expect(errors.rows).toMatchObject([{ callId: "c3", errorCode: 400, errorMessage: "Malformed input request" }]);
    expect((await listJobResults({ user: sup, jobId, filter: "ok", prisma: t.prisma })).rows.map((r) => r.callId)).toEqual(["c1", "c2"]);
    expect(await countJobResults({ user: sup, jobId, prisma: t.prisma })).toEqual({ count: 3, capped: false });
    expect(await countJobResults({ user: sup, jobId, filter: "errors", prisma: t.prisma })).toEqual({ count: 1, capped: false });
    expect((await listJobResults({ user: sup, jobId: otherJobId, prisma: t.prisma })).rows).toEqual([]);
    expect(await countJobResults({ user: sup, jobId: otherJobId, prisma: t.prisma })).toEqual({ count: 0, capped: false });
  });

  it("counts a large job's results up to 10,000 unless asked, and reaches its last page by cursor", async () => {
    const big = await seedBatch(mgr.id, "big", []);
    await t.prisma.$executeRaw`
      INSERT INTO "Result" (id, "jobId", "recordId", ok, "errorCode")
      SELECT 'big-' || i, ${big}, 'RC' || lpad(i::text, 9, '0'), i % 10 <> 0, CASE WHEN i % 10 = 0 THEN 400 END FROM generate_series(1, 10002) i`;
    expect(await countJobResults({ user: mgr, jobId: big, prisma: t.prisma })).toEqual({ count: 10_000, capped: true });
    expect(await countJobResults({ user: mgr, jobId: big, exact: true, prisma: t.prisma })).toEqual({ count: 10_002, capped: false });
    expect(await countJobResults({ user: mgr, jobId: big, filter: "errors", prisma: t.prisma })).toEqual({ count: 1_000, capped: false });
    const page = await listJobResults({ user: mgr, jobId: big, pageSize: 50, after: encodeKey(["RC000009990"]), prisma: t.prisma });
    expect(page.rows.map((r) => r.recordId)).toEqual(Array.from({ length: 12 }, (_, i) => `RC${String(9991 + i).padStart(9, "0")}`));
    expect(page.next).toBeNull();
    const errors = await listJobResults({ user: mgr, jobId: big, filter: "errors", pageSize: 3, after: page.previous!, prisma: t.prisma });
    expect(errors.rows.map((r) => r.recordId)).toEqual(["RC000010000"]);
    await t.prisma.job.delete({ where: { id: big } });
  });

  it("reads one result with its transcript and parsed fields", async () => {
    const { rows: results } = await listJobResults({ user: sup, jobId, filter: "ok", prisma: t.prisma });
    const r = await getResult({ user: sup, resultId: results[0].id, prisma: t.prisma });
    expect(r).toMatchObject({ callId: "c1", fields: { reason_for_call: "billing", topics: ["Refund", "router"] }, templateLabel: "Call summary v3" });
    expect(r!.transcriptText).toContain("Customer:");
    expect(await getResult({ user: other, resultId: results[0].id, prisma: t.prisma })).toBeNull();
  });

  it("searches with the tsvector, scoped: stemming matches and the supervisor sees only their own", async () => {
    const mine = await searchSummaries({ user: sup, search: { q: "refunds" }, prisma: t.prisma });
    expect(mine.rows.map((r) => r.callId).sort()).toEqual(["c1", "c2"]);
    const all = await searchSummaries({ user: mgr, search: { q: "router" }, prisma: t.prisma });
    expect(all.total).toBe(2);
    const phrase = await searchSummaries({ user: mgr, search: { q: `"damaged router" -upgrade` }, prisma: t.prisma });
    expect(phrase.rows.map((r) => r.callId)).toEqual(["c1"]);
    // The query is a bound parameter: SQL in it is just words that match nothing.
    const hostile = await searchSummaries({ user: mgr, search: { q: `x'; drop table "Result"; --` }, prisma: t.prisma });
    expect(hostile.total).toBe(0);
    expect(await t.prisma.result.count()).toBe(4);
  });

  it("filters by sentiment, model and dates", async () => {
    const model = await t.prisma.modelConfig.findFirstOrThrow();
    const today = new Date().toISOString().slice(0, 10);
    expect((await searchSummaries({ user: mgr, search: { sentiment: "negative" }, prisma: t.prisma })).total).toBe(1);
    expect((await searchSummaries({ user: mgr, search: { modelConfigId: model.id, from: today, to: today }, prisma: t.prisma })).total).toBe(3);
    expect((await searchSummaries({ user: mgr, search: { to: "2000-01-01" }, prisma: t.prisma })).total).toBe(0);
  });

  it("counts sentiments and top topics case-insensitively", async () => {
    const stats = await summaryStats({ user: mgr, search: {}, prisma: t.prisma });
    expect(stats.topics[0]).toEqual({ topic: "refund", count: 3 });
    expect(stats.sentiments.reduce((n, s) => n + s.count, 0)).toBe(3);
  });

  it("exports every matching row across keyset pages", async () => {
    const rows = [];
    for await (const r of exportSummaries({ user: mgr, search: {}, pageSize: 2, prisma: t.prisma })) rows.push(r);
    expect(rows.map((r) => r.callId).sort()).toEqual(["c1", "c2", "x1"]);
  });
});
