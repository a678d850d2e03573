// resummarizeCall and runOnDemand: who may start an on-demand run, on whose calls, and what a
// refusal leaves behind (nothing). Sessions are real (better-auth's HTTP handler).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
vi.mock("next/headers", () => import("@/lib/auth/testing/next-headers-mock"));
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

import type { TestDb } from "@/test/db";
import type { SessionUser } from "@/lib/auth/guards";
import { actAs, authTestDb, seedUser } from "@/lib/auth/testing/sessions";
import { runOnDemand } from "../../datasets/[id]/actions";
import { resummarizeCall } from "./actions";

let t: TestDb;
let owner: SessionUser;
let other: SessionUser;
let manager: SessionUser;
let resultId: string;
let datasetId: string;
let modelConfigId: string;
let templateVersionId: string;

beforeAll(async () => {
  t = await authTestDb();
  [owner, other, manager] = [await seedUser(t, "supervisor"), await seedUser(t, "supervisor"), await seedUser(t, "manager")];
  const p = t.prisma;
  const model = await p.modelConfig.create({ data: { modelId: "anthropic.claude-3-haiku-20240307-v1:0", name: "Haiku", family: "anthropic", inputPricePerMTok: 0.125, outputPricePerMTok: 0.625, minRecordsPerJob: 100 } });
  const template = await p.promptTemplate.create({ data: { name: "T", versions: { create: { version: 1, body: "Summarize: {{transcript}}" } } }, include: { versions: true } });
  const dataset = await p.dataset.create({ data: { name: "Mine", fileName: "m.csv", format: "csv", sizeBytes: 1n, sha256: "ab".repeat(32), recordCount: 2, createdById: owner.id } });
  const transcripts = await Promise.all(["c-1", "c-2"].map((callId, i) => p.transcript.create({ data: { datasetId: dataset.id, callId, recordId: `REC0000000${i}`, text: "Agent: Hi.\nCustomer: Bill.", charCount: 24 } })));
  const batch = await p.batch.create({ data: { name: "B", datasetId: dataset.id, modelConfigId: model.id, templateVersionId: template.versions[0]!.id, createdById: owner.id, recordCount: 2, status: "ready" } });
  const job = await p.job.create({ data: { batchId: batch.id, part: 1, jobName: "j", clientRequestToken: "tok-1", inputS3Uri: "s3://b/i/", outputS3Uri: "s3://b/o/", recordCount: 2 } });
  const result = await p.result.create({ data: { jobId: job.id, recordId: transcripts[0]!.recordId, transcriptId: transcripts[0]!.id, ok: true, summary: "A bill question." } });
  [resultId, datasetId, modelConfigId, templateVersionId] = [result.id, dataset.id, model.id, template.versions[0]!.id];
});
afterAll(async () => t.close());

const again = () => ({ resultId, modelConfigId, templateVersionId, requestKey: randomUUID() });

describe("resummarizeCall", () => {
  it("refuses a signed-out caller and changes nothing", async () => {
    await actAs(null);
    expect(await resummarizeCall(again())).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await t.prisma.batch.count()).toBe(1);
  });

  it("another supervisor's call is not found for a supervisor", async () => {
    await actAs(other);
    expect(await resummarizeCall(again())).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await t.prisma.batch.count()).toBe(1);
  });

  it("the owner starts a one-call on-demand batch; the same form twice makes one", async () => {
    await actAs(owner);
    const input = again();
    const first = await resummarizeCall(input);
    const second = await resummarizeCall(input);
    expect(first).toMatchObject({ ok: true, data: { batchId: expect.any(String), jobId: expect.any(String) } });
    expect(second).toEqual(first);
    const batch = await t.prisma.batch.findUniqueOrThrow({ where: { id: first.ok ? first.data.batchId : "" }, include: { jobs: true } });
    expect(batch).toMatchObject({ mode: "ondemand", recordCount: 1, name: "Re-summarize c-1", createdById: owner.id });
    expect(batch.transcriptIds).toHaveLength(1);
    expect(batch.jobs.map((j) => j.status)).toEqual(["Pending"]);
  });

  it("a manager may re-summarize anyone's call", async () => {
    await actAs(manager);
    expect(await resummarizeCall(again())).toMatchObject({ ok: true });
  });

  it("names the field that is missing", async () => {
    await actAs(owner);
    expect(await resummarizeCall({ ...again(), templateVersionId: "" })).toMatchObject({ ok: false, error: { code: "VALIDATION", field: "templateVersionId", message: "Choose a prompt template." } });
  });
});

describe("runOnDemand", () => {
  it("runs the owner's small dataset on demand, and no one else's", async () => {
    await actAs(other);
    const input = { datasetId, modelConfigId, templateVersionId, requestKey: randomUUID() };
    expect(await runOnDemand(input)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    await actAs(owner);
    const out = await runOnDemand(input);
    expect(out).toMatchObject({ ok: true });
    const batch = await t.prisma.batch.findUniqueOrThrow({ where: { id: out.ok ? out.data.batchId : "" } });
    expect(batch).toMatchObject({ mode: "ondemand", recordCount: 2, transcriptIds: [] });
  });
});
