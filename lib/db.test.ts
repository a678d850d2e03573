import { afterAll, describe, expect, it } from "vitest";
import { isUniqueViolation } from "@/lib/errors";
import { type TestDb, databaseTargets } from "@/test/db";

const targets = await databaseTargets("db.test");

describe.each(targets)("database round trip on %s", (_name, create) => {
  let t: TestDb;
  afterAll(() => t?.close());

  it("writes and reads the core records, enforcing unique keys", async () => {
    t = await create();
    const { prisma } = t;
    const user = await prisma.user.create({
      data: { id: "u1", name: "Sam Supervisor", email: "sam@example.com", role: "supervisor" },
    });
    const model = await prisma.modelConfig.create({
      data: { modelId: "anthropic.claude-3-haiku-20240307-v1:0", name: "Claude 3 Haiku", family: "anthropic", inputPricePerMTok: 0.125, outputPricePerMTok: 0.625 },
    });
    const template = await prisma.promptTemplate.create({
      data: { name: "Call summary", versions: { create: { version: 1, body: "Summarize {{transcript}}" } } },
      include: { versions: true },
    });
    const dataset = await prisma.dataset.create({
      data: {
        name: "October calls", fileName: "calls.csv", format: "csv", sizeBytes: 5_000_000_000n, sha256: "ab", createdById: user.id,
        transcripts: { create: [{ callId: "c-1", recordId: "RC000000001", text: "Customer: hola, ¿qué tal?", charCount: 25 }] },
      },
      include: { transcripts: true },
    });
    const batch = await prisma.batch.create({
      data: {
        name: "b", datasetId: dataset.id, modelConfigId: model.id, templateVersionId: template.versions[0].id,
        createdById: user.id, recordCount: 1,
        jobs: { create: { part: 1, jobName: "recap-b-1", clientRequestToken: "tok-1", inputS3Uri: "s3://recap/in/", outputS3Uri: "s3://recap/out/", recordCount: 1 } },
      },
      include: { jobs: true },
    });
    await prisma.result.create({
      data: { jobId: batch.jobs[0].id, recordId: "RC000000001", transcriptId: dataset.transcripts[0].id, ok: true, summary: "Greeting", fields: { topics: ["greeting"] } },
    });

    const read = await prisma.result.findFirstOrThrow({ include: { transcript: true, job: { include: { batch: true } } } });
    expect(read.transcript?.text).toBe("Customer: hola, ¿qué tal?");
    expect(read.fields).toEqual({ topics: ["greeting"] });
    expect(read.job.status).toBe("Pending");
    expect((await prisma.dataset.findUniqueOrThrow({ where: { id: dataset.id } })).sizeBytes).toBe(5_000_000_000n);
    // ingestion relies on (jobId, recordId) being unique
    const duplicate = await prisma.result
      .create({ data: { jobId: batch.jobs[0].id, recordId: "RC000000001", ok: false } })
      .then(() => null, (e: unknown) => e);
    expect(isUniqueViolation(duplicate)).toBe(true);
  });
});
