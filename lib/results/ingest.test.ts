import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDb, databaseTargets } from "@/test/db";
import { startTestS3 } from "@/test/stack";
import { uploadStream } from "@/lib/storage/objects";
import { ingestJobResults } from "./ingest";

const targets = await databaseTargets("ingest.test");

describe.each(targets)("on %s", (_name, createDb) => {
  let db: TestDb;
  let s3: Awaited<ReturnType<typeof startTestS3>>;
  let jobId: string;

  const claude = (text: string) => ({
    id: "msg_bdrk_01", type: "message", role: "assistant", model: "claude-3-haiku-20240307",
    content: [{ type: "text", text }], stop_reason: "end_turn", stop_sequence: null, usage: { input_tokens: 900, output_tokens: 80 },
  });
  const input = { anthropic_version: "bedrock-2023-05-31", max_tokens: 512, messages: [] };

  beforeAll(async () => {
    db = await createDb();
    s3 = await startTestS3();
    const p = db.prisma;
    const user = await p.user.create({ data: { id: "u", name: "u", email: "u@example.com" } });
    const model = await p.modelConfig.create({ data: { modelId: "anthropic.claude-3-haiku-20240307-v1:0", name: "Haiku", family: "anthropic", inputPricePerMTok: 0.125, outputPricePerMTok: 0.625 } });
    const tpl = await p.promptTemplate.create({ data: { name: "t", versions: { create: { version: 1, body: "{{transcript}}" } } }, include: { versions: true } });
    const ds = await p.dataset.create({
      data: {
        name: "d", fileName: "d.csv", format: "csv", sizeBytes: 1n, sha256: "x", createdById: user.id, recordCount: 4,
        transcripts: { create: ["a", "b", "c", "d"].map((c, i) => ({ callId: `call-${c}`, recordId: `RC00000000${i + 1}`, text: `Customer: ${c}`, charCount: 11 })) },
      },
    });
    const batch = await p.batch.create({ data: { name: "b", datasetId: ds.id, modelConfigId: model.id, templateVersionId: tpl.versions[0].id, createdById: user.id, recordCount: 4 } });
    const job = await p.job.create({
      data: {
        batchId: batch.id, part: 1, jobName: "j", clientRequestToken: "t", status: "PartiallyCompleted", recordCount: 4,
        jobArn: "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/abcdefghijkl", inputS3Uri: "s3://recap/in/", outputS3Uri: "s3://recap/out/b/",
      },
    });
    jobId = job.id;
    const lines = [
      JSON.stringify({ modelInput: input, modelOutput: claude('{"summary":"Refund issued.","reason_for_call":"Refund","resolution":"Issued","customer_sentiment":"Positive","action_items":[],"topics":["refund"]}'), recordId: "RC000000001" }),
      JSON.stringify({ modelInput: input, modelOutput: claude("The customer asked about a refund. It was issued."), recordId: "RC000000002" }),
      JSON.stringify({ modelInput: input, error: { errorCode: 400, errorMessage: "Malformed input request: extraneous key [foo]" }, recordId: "RC000000003" }),
      '{"modelInput":{},"modelOutput":{"id":"msg_bdrk_02","content":[{"type":"te', // cut off mid-line
    ];
    await uploadStream({ client: s3.client, bucket: s3.bucket, key: "out/b/abcdefghijkl/records.jsonl.out", body: lines.join("\n") + "\n" });
    await uploadStream({
      client: s3.client, bucket: s3.bucket, key: "out/b/abcdefghijkl/manifest.json.out",
      body: JSON.stringify({ totalRecordCount: 4, processedRecordCount: 3, successRecordCount: 2, errorRecordCount: 1, inputTokenCount: 1800, outputTokenCount: 160 }),
    });
  });
  afterAll(async () => {
    await s3?.close();
    await db?.close();
  });

  describe("reading a job's output into the database", () => {
    it("keeps structured summaries, plain-text answers and error records, and reports damaged lines", async () => {
      const report = await ingestJobResults({ prisma: db.prisma, storage: { client: s3.client, bucket: s3.bucket }, jobId });
      expect(report).toMatchObject({ files: 1, records: 3, inserted: 3, manifestFound: true });
      expect(report.problems).toEqual([expect.objectContaining({ lineNumber: 4, reason: "not-json" })]);

      const rows = await db.prisma.result.findMany({ where: { jobId }, include: { transcript: true }, orderBy: { recordId: "asc" } });
      expect(rows.map((r) => [r.recordId, r.transcript?.callId, r.ok])).toEqual([
        ["RC000000001", "call-a", true],
        ["RC000000002", "call-b", true],
        ["RC000000003", "call-c", false],
      ]);
      expect(rows[0]).toMatchObject({ summary: "Refund issued.", sentiment: "positive", inputTokens: 900, outputTokens: 80, fields: expect.objectContaining({ topics: ["refund"] }) });
      // not the JSON the template asked for: kept as plain text, not dropped
      expect(rows[1]).toMatchObject({ summary: "The customer asked about a refund. It was issued.", fields: null, sentiment: null });
      expect(rows[2]).toMatchObject({ errorCode: 400, errorMessage: "Malformed input request: extraneous key [foo]", summary: null });

      const job = await db.prisma.job.findUniqueOrThrow({ where: { id: jobId } });
      expect(job).toMatchObject({ totalRecordCount: 4, processedRecordCount: 3, successRecordCount: 2, errorRecordCount: 1, inputTokenCount: 1800n, outputTokenCount: 160n });
      expect(job.ingestedAt).toBeInstanceOf(Date);
    });

    it("is idempotent: reading the same output again adds nothing", async () => {
      const again = await ingestJobResults({ prisma: db.prisma, storage: { client: s3.client, bucket: s3.bucket }, jobId });
      expect(again).toMatchObject({ records: 3, inserted: 0 });
      expect(await db.prisma.result.count({ where: { jobId } })).toBe(3);
    });

    it("finds summaries with PostgreSQL full-text search", async () => {
      const hits = await db.prisma.$queryRaw<{ recordId: string }[]>`
        select "recordId" from "Result" where search @@ websearch_to_tsquery('english', ${"refunds"}) order by "recordId"`;
      expect(hits.map((h) => h.recordId)).toEqual(["RC000000001", "RC000000002"]);
    });
  });
});
