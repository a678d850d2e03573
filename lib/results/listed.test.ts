// Which results the summaries list, search, charts and export read: not a comparison arm's, and
// for a call summarized again (one call re-summarized, a subset), its newest summary only, with
// the rollups counting the call once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDb, databaseTargets } from "@/test/db";
import type { Actor } from "@/lib/auth/permissions";
import { countSummaries, listSummaries } from "@/lib/insights/list";
import { insertResults, insertTarget, type ResultRow } from "./ingest";

const targets = await databaseTargets("listed.test");

describe.each(targets)("on %s", (_name, createDb) => {
  let db: TestDb;
  const manager: Actor = { id: "mgr", role: "manager" };
  let ids: { dataset: string; model: string; version: string; transcripts: { id: string; recordId: string }[] };

  const ok = (jobId: string, recordId: string, sentiment: string, topic: string): ResultRow => ({
    jobId, recordId, ok: true, summary: `${topic} call, ${sentiment}`, fields: { topics: [topic] }, sentiment,
    inputTokens: 100, outputTokens: 10, errorCode: null, errorMessage: null,
  });

  /** A batch of one job over the dataset; its rows go in through the same insert as batch output. */
  async function run(part: { name: string; comparisonId?: string; transcriptIds?: string[] }, rows: (jobId: string) => ResultRow[]) {
    const p = db.prisma;
    const batch = await p.batch.create({
      data: {
        name: part.name, datasetId: ids.dataset, modelConfigId: ids.model, templateVersionId: ids.version, createdById: "sup1",
        recordCount: 1, comparisonId: part.comparisonId, comparisonArm: part.comparisonId ? "A" : undefined, transcriptIds: part.transcriptIds ?? [],
      },
    });
    const job = await p.job.create({
      data: { batchId: batch.id, part: 1, jobName: part.name, clientRequestToken: part.name, status: "Completed", recordCount: 1, inputS3Uri: "s3://b/i", outputS3Uri: "s3://b/o/" },
    });
    return insertResults(p, await insertTarget(p, job.id), rows(job.id));
  }

  const calls = async () => (await db.prisma.rollupDay.aggregate({ _sum: { calls: true, negative: true, positive: true } }))._sum;

  beforeAll(async () => {
    db = await createDb();
    const p = db.prisma;
    for (const id of ["sup1", "mgr"]) await p.user.create({ data: { id, name: id, email: `${id}@example.com`, role: id === "mgr" ? "manager" : "supervisor" } });
    const model = await p.modelConfig.create({ data: { modelId: "anthropic.claude-3-haiku-20240307-v1:0", name: "Haiku", family: "anthropic", inputPricePerMTok: 1, outputPricePerMTok: 10 } });
    const tpl = await p.promptTemplate.create({ data: { name: "t", versions: { create: { version: 1, body: "{{transcript}}" } } }, include: { versions: true } });
    const ds = await p.dataset.create({
      data: {
        name: "d", fileName: "d.csv", format: "csv", sizeBytes: 1n, sha256: "x", createdById: "sup1", recordCount: 2,
        transcripts: { create: [0, 1].map((i) => ({ callId: `call-${i}`, recordId: `RC00000000${i}`, text: "Customer: hi", charCount: 12 })) },
      },
      include: { transcripts: { orderBy: { recordId: "asc" } } },
    });
    ids = { dataset: ds.id, model: model.id, version: tpl.versions[0].id, transcripts: ds.transcripts };
    await run({ name: "first" }, (j) => ids.transcripts.map((t) => ok(j, t.recordId, "negative", "refund")));
  });
  afterAll(async () => {
    await db?.close();
  });

  it("leaves a comparison arm's summaries out of the list and the rollups", async () => {
    const comparison = await db.prisma.comparison.create({
      data: { name: "c", datasetId: ids.dataset, createdById: "sup1", sampleSize: 2 },
    });
    expect(await run({ name: "arm", comparisonId: comparison.id }, (j) => ids.transcripts.map((t) => ok(j, t.recordId, "positive", "arm topic")))).toBe(2);
    expect((await listSummaries({ user: manager, filter: {}, prisma: db.prisma })).rows.map((r) => r.summary)).toEqual(["refund call, negative", "refund call, negative"]);
    expect(await countSummaries({ user: manager, filter: { topic: "arm topic" }, prisma: db.prisma })).toMatchObject({ count: 0 });
    expect(await calls()).toEqual({ calls: 2, negative: 2, positive: 0 });
  });

  it("lists a call summarized again by its newest summary, and counts the call once", async () => {
    const again = ids.transcripts[1]!;
    expect(await run({ name: "again", transcriptIds: [again.id] }, (j) => [ok(j, again.recordId, "positive", "billing")])).toBe(1);
    const rows = (await listSummaries({ user: manager, filter: {}, prisma: db.prisma })).rows;
    expect(rows.map((r) => [r.callId, r.summary]).sort()).toEqual([["call-0", "refund call, negative"], ["call-1", "billing call, positive"]]);
    expect((await listSummaries({ user: manager, filter: { topic: "refund" }, prisma: db.prisma })).rows.map((r) => r.callId)).toEqual(["call-0"]);
    // the rollups keep the first summary's sentiment for the call (see supersede() in ingest.ts)
    expect(await calls()).toEqual({ calls: 2, negative: 2, positive: 0 });
    // the call page's history still has both
    expect(await db.prisma.result.count({ where: { transcriptId: again.id, ok: true } })).toBe(3);
  });
});

// Two instances ingesting two batches over the same calls at once: each statement sees the table
// as it was when it began, so without a lock neither saw the other's new summaries and both stayed
// listed (and were both counted in the rollups). A row lock on the rollup both must update holds
// the two statements after they began, which is when the race happened.
describe.each(targets.filter(([name]) => name === "PostgreSQL"))("concurrent ingestion on %s", (_name, createDb) => {
  let db: TestDb;
  afterAll(async () => {
    await db?.close();
  });

  it("lists each call once and counts it once when two batches over it are ingested at the same time", async () => {
    db = await createDb();
    const p = db.prisma;
    await p.user.create({ data: { id: "sup1", name: "sup1", email: "sup1@example.com", role: "supervisor" } });
    const model = await p.modelConfig.create({ data: { modelId: "anthropic.claude-3-haiku-20240307-v1:0", name: "Haiku", family: "anthropic", inputPricePerMTok: 1, outputPricePerMTok: 10 } });
    const tpl = await p.promptTemplate.create({ data: { name: "t", versions: { create: { version: 1, body: "{{transcript}}" } } }, include: { versions: true } });
    const dataset = async (name: string) => p.dataset.create({
      data: {
        name, fileName: `${name}.csv`, format: "csv", sizeBytes: 1n, sha256: name, createdById: "sup1", recordCount: 3,
        transcripts: { create: [0, 1, 2].map((i) => ({ callId: `${name}-${i}`, recordId: `RC${name}00000${i}`.slice(0, 11), text: "Customer: hi", charCount: 12 })) },
      },
      include: { transcripts: true },
    });
    const job = async (datasetId: string, name: string) => {
      const batch = await p.batch.create({ data: { name, datasetId, modelConfigId: model.id, templateVersionId: tpl.versions[0].id, createdById: "sup1", recordCount: 3 } });
      return p.job.create({ data: { batchId: batch.id, part: 1, jobName: name, clientRequestToken: name, status: "Completed", recordCount: 3, inputS3Uri: "s3://b/i", outputS3Uri: "s3://b/o/" } });
    };
    const rows = (jobId: string, ts: { recordId: string }[]): ResultRow[] => ts.map((t) => ({
      jobId, recordId: t.recordId, ok: true, summary: "s", fields: { topics: ["billing"] }, sentiment: "neutral", inputTokens: 1, outputTokens: 1, errorCode: null, errorMessage: null,
    }));
    // Another dataset's summaries make the rollup row the two batches will both add to.
    const other = await dataset("oth");
    const first = await job(other.id, "other");
    await insertResults(p, await insertTarget(p, first.id), rows(first.id, other.transcripts));
    const calls = await dataset("cal");
    const [j1, j2] = [await job(calls.id, "one"), await job(calls.id, "two")];
    const [t1, t2] = [await insertTarget(p, j1.id), await insertTarget(p, j2.id)];

    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    const holder = p.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "RollupDay" FOR UPDATE`;
      await held;
    }, { timeout: 30_000 });
    await new Promise((r) => setTimeout(r, 100));
    const ingests = [insertResults(p, t1, rows(j1.id, calls.transcripts)), insertResults(p, t2, rows(j2.id, calls.transcripts))];
    // both are waiting now: on the held rollup row, or on each other
    for (let waiting = 0; waiting < 2; ) {
      await new Promise((r) => setTimeout(r, 20));
      [{ waiting }] = await p.$queryRaw<{ waiting: number }[]>`SELECT count(DISTINCT pid)::int AS waiting FROM pg_locks WHERE NOT granted`;
    }
    release();
    await holder;
    expect(await Promise.all(ingests)).toEqual([3, 3]);

    expect(await p.result.count({ where: { listed: true, transcript: { datasetId: calls.id } } })).toBe(3);
    expect((await p.rollupDay.aggregate({ _sum: { calls: true } }))._sum.calls).toBe(6);
    expect((await p.rollupTopicDay.aggregate({ _sum: { calls: true } }))._sum.calls).toBe(6);
  });
});
