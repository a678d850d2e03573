import fs from "node:fs";
import path from "node:path";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets, type TestDb } from "@/test/db";
import { startTestS3 } from "@/test/stack";
import { syntheticCalls } from "@/test/synthetic";
import type { StorageTarget } from "@/lib/storage";
import { DEFAULT_TEMPLATE } from "@/lib/prompts/template";
import { claimDueSources, runSourcesOnce, scanSource, type SchedulerDeps, type SourceEvent } from "./scheduler";
import { discoverObjects, ingestObject } from "./scan";
import { sourceOnDemand } from "./on-demand";

const CALL_ANALYTICS = path.resolve(__dirname, "../../../shared/data/transcribe-call-analytics-example/example-call.json");

describe.each(await databaseTargets("sources scheduler"))("watched S3 source on s3rver (%s)", (_name, createDb) => {
  let database: TestDb;
  let s3: Awaited<ReturnType<typeof startTestS3>>;
  let storage: StorageTarget;
  let calls: { callId: string; text: string }[];
  let ids: { model: string; template: string; role: string; user: string };
  const events: SourceEvent[] = [];

  beforeAll(async () => {
    database = await createDb();
    s3 = await startTestS3();
    storage = { client: s3.client, bucket: s3.bucket, inputPrefix: "recap/input", outputPrefix: "recap/output", uploadPrefix: "recap/uploads" };
    const p = database.prisma;
    const user = await p.user.create({ data: { id: "admin-1", name: "Ada", email: "ada@example.com", role: "admin" } });
    const model = await p.modelConfig.create({
      data: { modelId: "anthropic.claude-3-haiku-20240307-v1:0", name: "Claude 3 Haiku", family: "anthropic", inputPricePerMTok: 0.125, outputPricePerMTok: 0.625, minRecordsPerJob: 10 },
    });
    const template = await p.promptTemplate.create({ data: { name: "Call summary", versions: { create: { version: 1, body: DEFAULT_TEMPLATE.body } } }, include: { versions: true } });
    const role = await p.serviceRole.create({ data: { name: "local", roleArn: "arn:aws:iam::123456789012:role/RecapBatch", isDefault: true } });
    ids = { model: model.id, template: template.versions[0].id, role: role.id, user: user.id };
    calls = await syntheticCalls(20);
  });
  afterAll(async () => {
    await s3?.close();
    await database?.close();
  });

  const deps = (owner: string, leaseMs = 60_000): SchedulerDeps => ({
    prisma: database.prisma, storage, s3: s3.client, owner, leaseMs, emit: async (e) => void events.push(e),
  });
  const put = (key: string, body: string) => s3.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: key, Body: body }));
  const jsonl = (list: { callId: string; text: string }[]) => list.map((c) => JSON.stringify({ call_id: c.callId, transcript: c.text })).join("\n") + "\n";
  const source = (name: string, prefix: string, extra: Record<string, unknown> = {}) =>
    database.prisma.source.create({
      data: { name, bucket: s3.bucket, prefix, format: "jsonl", modelConfigId: ids.model, templateVersionId: ids.template, serviceRoleId: ids.role, createdById: ids.user, scanIntervalSec: 0, ...extra },
    });
  // Earlier tests' sources stay due too (interval 0): pick this source's report out of the pass.
  const pass = async (id: string, d: SchedulerDeps) => {
    const report = (await runSourcesOnce(d, 50)).find((r) => r.sourceId === id);
    if (!report) throw new Error("the source was not scanned");
    return report;
  };
  const due = (id: string) => database.prisma.source.update({ where: { id }, data: { nextScanAt: new Date(0) } });

  it("reads files that arrive between scans once each, reports a malformed one, and submits when the minimum has gathered", async () => {
    const src = await source("drop", "drop/");
    await put("drop/a.jsonl", jsonl(calls.slice(0, 6)));
    await put("drop/broken.jsonl", "{not json at all\n<html>oops</html>\n");
    await put("drop/readme.txt", "not a transcript file");

    const first = await pass(src.id, deps("one"));
    expect(first).toMatchObject({ sourceId: src.id, discovered: 2, ingested: 1, failed: ["drop/broken.jsonl"], waiting: 6 });
    expect(first.batchId).toBeUndefined();
    const broken = await database.prisma.sourceObject.findFirstOrThrow({ where: { key: "drop/broken.jsonl" } });
    expect(broken.status).toBe("failed");
    expect(broken.error).toMatch(/drop\/broken\.jsonl: no usable transcript \(line 1: /);
    expect(events.map((e) => e.event)).toEqual(["source.error"]);
    let row = await database.prisma.source.findUniqueOrThrow({ where: { id: src.id } });
    expect(row.lastError).toMatch(/broken\.jsonl/);
    expect(row.waitingNote).toBe("6 of 10 calls (Claude 3 Haiku's job minimum) have gathered.");

    // Re-listed, unchanged: nothing is read again.
    await due(src.id);
    const again = await pass(src.id, deps("one"));
    expect(again).toMatchObject({ discovered: 0, ingested: 0, waiting: 6 });

    await put("drop/b.jsonl", jsonl(calls.slice(6, 12)));
    await due(src.id);
    const third = await pass(src.id, deps("one"));
    expect(third).toMatchObject({ discovered: 1, ingested: 1 });
    expect(third.batchId).toBeDefined();
    const batch = await database.prisma.batch.findUniqueOrThrow({ where: { id: third.batchId! }, include: { jobs: true, dataset: { include: { transcripts: true } } } });
    expect(batch).toMatchObject({ recordCount: 12, createdById: ids.user, modelConfigId: ids.model, serviceRoleId: ids.role, status: "ready" });
    expect(batch.dataset.sourceId).toBe(src.id);
    expect(batch.dataset.transcripts.map((t) => t.callId).sort()).toEqual(calls.slice(0, 12).map((c) => c.callId).sort());
    expect(batch.jobs).toHaveLength(1);
    expect(batch.jobs[0]).toMatchObject({ status: "Pending", recordCount: 12 });
    row = await database.prisma.source.findUniqueOrThrow({ where: { id: src.id } });
    expect(row.waitingNote).toBeNull();
    expect(row.lastError).toBeNull(); // this scan went well; the unreadable file stays listed as failed
    expect(await database.prisma.sourceObject.count({ where: { sourceId: src.id, status: "failed" } })).toBe(1);

    // A rewritten object has a new ETag: it is read again, and its calls wait for the next batch.
    await put("drop/a.jsonl", jsonl(calls.slice(0, 3)));
    await due(src.id);
    const fourth = await pass(src.id, deps("one"));
    expect(fourth).toMatchObject({ discovered: 1, ingested: 1, waiting: 3 });
    expect(await database.prisma.batch.count({ where: { dataset: { sourceId: src.id } } })).toBe(1);
  });

  it("an instance that dies mid-scan loses nothing: another takes the source when its lease runs out, and no call is read twice", async () => {
    const src = await source("restart", "restart/");
    await put("restart/1.jsonl", jsonl(calls.slice(0, 5)));
    await put("restart/2.jsonl", jsonl(calls.slice(5, 10)));
    await put("restart/3.jsonl", jsonl(calls.slice(10, 15)));

    // Instance A claims the source with a short lease, reads one object, and dies without releasing it.
    expect(await claimDueSources(database.prisma, "A", 5, 300)).toContain(src.id);
    expect(await discoverObjects(database.prisma, s3.client, src)).toBe(3);
    const firstObject = await database.prisma.sourceObject.findFirstOrThrow({ where: { sourceId: src.id, key: "restart/1.jsonl" } });
    await ingestObject(database.prisma, s3.client, src, firstObject);

    // While the lease holds, B gets nothing; once it runs out, B finishes the work.
    expect(await claimDueSources(database.prisma, "B", 5, 60_000)).not.toContain(src.id);
    await new Promise((r) => setTimeout(r, 400));
    const claimed = await claimDueSources(database.prisma, "B", 5, 60_000);
    expect(claimed).toContain(src.id);
    const report = await scanSource(deps("B"), src.id);
    expect(report).toMatchObject({ discovered: 0, ingested: 2 });
    const batch = await database.prisma.batch.findUniqueOrThrow({ where: { id: report.batchId! }, include: { dataset: { include: { transcripts: true } } } });
    expect(batch.recordCount).toBe(15);
    expect(new Set(batch.dataset.transcripts.map((t) => t.callId)).size).toBe(15);
    expect(await database.prisma.sourceCall.count({ where: { sourceId: src.id } })).toBe(15);
  });

  it("a crash between gathering the calls and creating the batch is finished by the next scan, as one batch", async () => {
    const src = await source("resume", "resume/");
    await put("resume/x.jsonl", jsonl(calls.slice(0, 10)));
    // Storage the batch input cannot be written to: the calls are gathered into a dataset, then the write fails.
    const broken: StorageTarget = { ...storage, bucket: "no-such-bucket" };
    const failed = await pass(src.id, { ...deps("C"), storage: broken });
    expect(failed.batchId).toBeUndefined();
    expect(await database.prisma.dataset.count({ where: { sourceId: src.id, batches: { none: {} } } })).toBe(1);
    await due(src.id);
    const done = await pass(src.id, deps("C"));
    expect(done.batchId).toBeDefined();
    expect(await database.prisma.dataset.count({ where: { sourceId: src.id } })).toBe(1);
    expect(await database.prisma.batch.count({ where: { dataset: { sourceId: src.id } } })).toBe(1);
  });

  it("calls that waited past the source's limit: reported waiting without an on-demand runner, handed to one when it exists", async () => {
    const src = await source("overdue", "overdue/", { maxWaitSec: 0 });
    await put("overdue/few.jsonl", jsonl(calls.slice(0, 3)));
    const first = await pass(src.id, deps("D"));
    expect(first).toMatchObject({ waiting: 3 });
    const row = await database.prisma.source.findUniqueOrThrow({ where: { id: src.id } });
    expect(row.waitingNote).toMatch(/3 calls have waited longer than 0 s, but Claude 3 Haiku needs 10 per batch job and no on-demand runner is available/);

    await due(src.id);
    const taken: string[] = [];
    const second = await pass(src.id, { ...deps("D"), onDemand: async ({ datasetId }) => (taken.push(datasetId), { batchId: "on-demand-1" }) });
    expect(second.batchId).toBe("on-demand-1");
    const dataset = await database.prisma.dataset.findUniqueOrThrow({ where: { id: taken[0] }, include: { transcripts: true } });
    expect(dataset.transcripts).toHaveLength(3);

    // The stub made no batch: the next pass finishes that dataset with Recap's own runner, on demand.
    await due(src.id);
    const third = await pass(src.id, { ...deps("D2"), onDemand: sourceOnDemand(database.prisma) });
    const batch = await database.prisma.batch.findUniqueOrThrow({ where: { id: third.batchId! }, include: { jobs: true } });
    expect(batch).toMatchObject({ mode: "ondemand", createdById: src.createdById, datasetId: taken[0], recordCount: 3 });
    expect(batch.jobs).toHaveLength(1);
    expect((await database.prisma.source.findUniqueOrThrow({ where: { id: src.id } })).lastError).toBeNull();
  });

  it("reads Transcribe Call Analytics output (the real example) as one call", async () => {
    const src = await source("analytics", "analytics/", { format: "call-analytics" });
    await put("analytics/example-call.json", fs.readFileSync(CALL_ANALYTICS, "utf8"));
    const report = await pass(src.id, deps("E"));
    expect(report).toMatchObject({ discovered: 1, ingested: 1, waiting: 1 });
    const [call] = await database.prisma.sourceCall.findMany({ where: { sourceId: src.id } });
    expect(call.text).toMatch(/Anchor Credit Union/);
  });
});
