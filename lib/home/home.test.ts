import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets, type TestDb } from "@/test/db";
import { batchesInProgress, jobsInFlight } from "./jobs";
import { costThisMonth } from "./cost";
import { latestResults } from "./results";

const sup = { id: "u-sup", role: "supervisor" as const };
const other = { id: "u-other", role: "supervisor" as const };
const mgr = { id: "u-mgr", role: "manager" as const };
const NOW = new Date("2026-12-15T12:00:00Z");
const M = 1_000_000n;

type JobSeed = {
  status: string; records?: number; processed?: number; endTime?: string; ingestedAt?: string;
  inputTokens?: bigint; outputTokens?: bigint; results?: { callId: string; ok: boolean; summary?: string }[];
};

async function seedBatch(t: TestDb, userId: string, name: string, jobs: JobSeed[]) {
  const p = t.prisma;
  const records = jobs.reduce((n, j) => n + (j.records ?? 1000), 0);
  const dataset = await p.dataset.create({ data: { name, fileName: `${name}.csv`, format: "csv", sizeBytes: 10n, sha256: "x", createdById: userId, recordCount: records } });
  const model = await p.modelConfig.findFirstOrThrow();
  const tv = await p.promptTemplateVersion.findFirstOrThrow();
  const batch = await p.batch.create({
    data: { name, datasetId: dataset.id, modelConfigId: model.id, templateVersionId: tv.id, createdById: userId, recordCount: records, status: "submitted", createdAt: new Date(NOW.getTime() - 60_000 * (10 - jobs.length)) },
  });
  for (const [i, j] of jobs.entries()) {
    const job = await p.job.create({
      data: {
        batchId: batch.id, part: i + 1, jobName: `${name}-p${i + 1}`, clientRequestToken: `tok-${name}-${i}`, inputS3Uri: "s3://b/i/", outputS3Uri: "s3://b/o/",
        recordCount: j.records ?? 1000, status: j.status, processedRecordCount: j.processed ?? null,
        endTime: j.endTime ? new Date(j.endTime) : null, ingestedAt: j.ingestedAt ? new Date(j.ingestedAt) : null,
        inputTokenCount: j.inputTokens ?? null, outputTokenCount: j.outputTokens ?? null,
        successRecordCount: j.results?.filter((r) => r.ok).length ?? null, errorRecordCount: j.results?.filter((r) => !r.ok).length ?? null,
      },
    });
    for (const [k, r] of (j.results ?? []).entries()) {
      const recordId = `${name.slice(0, 2).toUpperCase()}${i}${String(k).padStart(8, "0")}`;
      const tr = await p.transcript.create({ data: { datasetId: dataset.id, callId: r.callId, recordId, text: "Agent: hello", charCount: 12 } });
      await p.result.create({
        data: r.ok
          ? { jobId: job.id, recordId, transcriptId: tr.id, ok: true, summary: r.summary, sentiment: "neutral" }
          : { jobId: job.id, recordId, transcriptId: tr.id, ok: false, errorCode: 400, errorMessage: "Malformed input request" },
      });
    }
  }
}

describe.each(await databaseTargets("home queries"))("home queries on %s", (_name, open) => {
  let t: TestDb;

  beforeAll(async () => {
    t = await open();
    const p = t.prisma;
    for (const u of [sup, other, mgr]) await p.user.create({ data: { id: u.id, name: u.id, email: `${u.id}@example.com`, role: u.role } });
    // $1 per million input tokens, $2 per million output tokens
    await p.modelConfig.create({ data: { modelId: "anthropic.claude-3-haiku", name: "Claude 3 Haiku", family: "anthropic", inputPricePerMTok: 1, outputPricePerMTok: 2 } });
    await p.promptTemplate.create({ data: { name: "Call summary", versions: { create: { version: 1, body: "Summarize {{transcript}}" } } } });
    await seedBatch(t, sup.id, "running", [{ status: "InProgress", processed: 400 }, { status: "Pending" }]);
    await seedBatch(t, sup.id, "done", [
      { status: "Completed", endTime: "2026-12-10T08:00:00Z", ingestedAt: "2026-12-10T08:05:00Z", inputTokens: M, outputTokens: M, processed: 3,
        results: [{ callId: "c2", ok: true, summary: "Second call" }, { callId: "c1", ok: true, summary: "First call" }, { callId: "c3", ok: false }] },
      { status: "Completed", endTime: "2026-11-05T08:00:00Z", ingestedAt: "2026-11-05T08:05:00Z", inputTokens: M, processed: 1000 },
      { status: "PartiallyCompleted", endTime: "2026-11-20T08:00:00Z", ingestedAt: "2026-11-20T08:05:00Z", outputTokens: M, processed: 1000 },
      { status: "Failed", endTime: "2026-10-31T23:59:59Z" },
    ]);
    await seedBatch(t, other.id, "theirs", [
      { status: "InProgress", processed: 10 },
      { status: "Completed", endTime: "2026-12-02T08:00:00Z", ingestedAt: "2026-12-14T09:00:00Z", inputTokens: 100n * M, processed: 2, results: [{ callId: "x1", ok: true, summary: "Their call" }] },
      { status: "Completed", endTime: "2026-12-15T11:00:00Z", processed: 1000 },
    ]);
  });
  afterAll(() => t?.close());

  it("counts jobs in flight with their records done; a supervisor sees only their own", async () => {
    const mine = await jobsInFlight({ user: sup, prisma: t.prisma });
    expect(mine.jobs.map((j) => j.jobName).sort()).toEqual(["running-p1", "running-p2"]);
    expect(mine).toMatchObject({ total: 2, recordsDone: 400, records: 2000 });
    const all = await jobsInFlight({ user: mgr, prisma: t.prisma });
    // the Completed job whose output is not read yet is still in flight; the Failed one is not
    expect(all.jobs.map((j) => j.jobName).sort()).toEqual(["running-p1", "running-p2", "theirs-p1", "theirs-p3"]);
    expect(all).toMatchObject({ total: 4, recordsDone: 1410, records: 4000 });
    expect((await jobsInFlight({ user: mgr, limit: 1, prisma: t.prisma })).jobs).toHaveLength(1);
  });

  it("lists batches in progress with progress over all their jobs", async () => {
    expect(await batchesInProgress({ user: sup, prisma: t.prisma })).toEqual([
      expect.objectContaining({ name: "running", modelName: "Claude 3 Haiku", jobCount: 2, jobsRunning: 1, recordsDone: 400, records: 2000 }),
    ]);
    expect(await batchesInProgress({ user: other, prisma: t.prisma })).toEqual([expect.objectContaining({ name: "theirs", jobsRunning: 1, recordsDone: 1012 })]);
    expect((await batchesInProgress({ user: mgr, prisma: t.prisma })).map((b) => b.name).sort()).toEqual(["running", "theirs"]);
  });

  it("adds up cost this month against last by the day each job ended, scoped to the caller", async () => {
    const mine = await costThisMonth({ user: sup, now: NOW, prisma: t.prisma });
    expect(mine.thisMonth).toMatchObject({ month: "2026-12", totalUsd: 3 });
    expect(mine.thisMonth.cumulativeUsd).toHaveLength(15);
    expect(mine.thisMonth.cumulativeUsd[8]).toBe(0);
    expect(mine.thisMonth.cumulativeUsd[9]).toBe(3);
    expect(mine.lastMonth).toMatchObject({ month: "2026-11", totalUsd: 3 });
    expect(mine.lastMonth.cumulativeUsd).toHaveLength(30);
    // up to 15 November only the $1 job of the 5th had ended
    expect(mine.lastMonthToDateUsd).toBe(1);
    expect(mine.dayOfMonth).toBe(15);
    // the other supervisor's $100 job is not in the supervisor's figures, but in the manager's
    expect((await costThisMonth({ user: other, now: NOW, prisma: t.prisma })).thisMonth.totalUsd).toBe(100);
    expect((await costThisMonth({ user: mgr, now: NOW, prisma: t.prisma })).thisMonth.totalUsd).toBe(103);
  });

  it("takes last month across a year boundary and short months", async () => {
    const jan = await costThisMonth({ user: sup, now: new Date("2027-01-03T00:00:00Z"), prisma: t.prisma });
    expect(jan.lastMonth).toMatchObject({ month: "2026-12", totalUsd: 3 });
    expect(jan.lastMonthToDateUsd).toBe(0);
    const mar = await costThisMonth({ user: sup, now: new Date("2027-03-31T00:00:00Z"), prisma: t.prisma });
    expect(mar.lastMonth.cumulativeUsd).toHaveLength(28);
    expect(mar.thisMonth.totalUsd).toBe(0);
  });

  it("shows the latest ingested jobs' first results, never another supervisor's", async () => {
    const mine = await latestResults({ user: sup, prisma: t.prisma });
    expect(mine.map((j) => j.jobName)).toEqual(["done-p1", "done-p3", "done-p2"]);
    expect(mine[0].results.map((r) => [r.callId, r.ok, r.summary])).toEqual([["c2", true, "Second call"], ["c1", true, "First call"], ["c3", false, null]]);
    expect(mine[0]).toMatchObject({ successRecordCount: 2, errorRecordCount: 1 });
    expect(mine.flatMap((j) => j.results).some((r) => r.callId === "x1")).toBe(false);
    const all = await latestResults({ user: mgr, jobs: 1, perJob: 1, prisma: t.prisma });
    expect(all).toEqual([expect.objectContaining({ jobName: "theirs-p2", results: [expect.objectContaining({ callId: "x1" })] })]);
  });
});
