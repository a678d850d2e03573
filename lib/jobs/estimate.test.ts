// The prepare-time check of each model's real context limit (issue 9 item 8).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDb, databaseTargets } from "@/test/db";
import { contextTokensOf, inputLimitOf } from "./context-limits";
import { estimateBatch } from "./estimate";

const targets = await databaseTargets("estimate.test");

describe("model context limits", () => {
  it("knows the context windows of the default families and takes the output allowance off", () => {
    expect(contextTokensOf("anthropic.claude-3-haiku-20240307-v1:0")).toBe(200_000);
    expect(contextTokensOf("us.amazon.nova-lite-v1:0")).toBe(300_000);
    expect(contextTokensOf("meta.llama3-8b-instruct-v1:0")).toBe(8_192);
    expect(contextTokensOf("meta.llama3-1-70b-instruct-v1:0")).toBe(128_000);
    expect(contextTokensOf("amazon.titan-text-express-v1")).toBe(8_192);
    expect(contextTokensOf("example.unknown-v1")).toBeUndefined();
    expect(inputLimitOf({ modelId: "amazon.titan-text-express-v1", maxTokens: 1024, maxInputTokens: 180_000 })).toEqual({ tokens: 7168, contextTokens: 8192 });
    expect(inputLimitOf({ modelId: "anthropic.claude-3-haiku-20240307-v1:0", maxTokens: 1024, maxInputTokens: 180_000 }).tokens).toBe(180_000);
    expect(inputLimitOf({ modelId: "example.unknown-v1", maxTokens: 1024, maxInputTokens: 50_000 }).tokens).toBe(50_000);
  });
});

describe.each(targets)("estimateBatch on %s", (_name, createDb) => {
  let db: TestDb;
  const ids = { dataset: "", claude: "", titan: "", template: "" };

  beforeAll(async () => {
    db = await createDb();
    const p = db.prisma;
    await p.user.create({ data: { id: "u", name: "u", email: "u@example.com" } });
    const m = (modelId: string, name: string, family: "anthropic" | "titan") => p.modelConfig.create({ data: { modelId, name, family, inputPricePerMTok: 1, outputPricePerMTok: 1 } });
    ids.claude = (await m("anthropic.claude-3-haiku-20240307-v1:0", "Claude 3 Haiku", "anthropic")).id;
    ids.titan = (await m("amazon.titan-text-express-v1", "Titan Text Express", "titan")).id;
    const tpl = await p.promptTemplate.create({ data: { name: "t", versions: { create: { version: 1, body: "Summarize: {{transcript}}" } } }, include: { versions: true } });
    ids.template = tpl.versions[0].id;
    const sizes = [100, 20_000, 28_000, 40_000, 60_000];
    const ds = await p.dataset.create({
      data: {
        name: "d", fileName: "d.csv", format: "csv", sizeBytes: 1n, sha256: "x", createdById: "u", recordCount: sizes.length,
        transcripts: { create: sizes.map((n, i) => ({ callId: `call-${n}`, recordId: `RC00000000${i + 1}`, text: "a".repeat(n), charCount: n })) },
      },
    });
    ids.dataset = ds.id;
  });
  afterAll(async () => {
    await db?.close();
  });

  it("names the transcripts above the chosen model's input limit, longest first, and none for a model that fits them", async () => {
    const titan = await estimateBatch({ prisma: db.prisma, datasetId: ids.dataset, modelConfigId: ids.titan, templateVersionId: ids.template });
    // 7,168 tokens is 28,672 characters, less the 25-character template: 28,000 fits, 40,000 does not.
    expect(titan.overContext).toEqual({ count: 2, limitTokens: 7168, contextTokens: 8192, modelName: "Titan Text Express", callIds: ["call-60000", "call-40000"] });
    const claude = await estimateBatch({ prisma: db.prisma, datasetId: ids.dataset, modelConfigId: ids.claude, templateVersionId: ids.template });
    expect(claude.overContext).toMatchObject({ count: 0, limitTokens: 180_000, callIds: [] });
  });

  it("prices the same calls on demand at twice the batch price, or at the admin's on-demand prices, and offers it under the minimum", async () => {
    const claude = await estimateBatch({ prisma: db.prisma, datasetId: ids.dataset, modelConfigId: ids.claude, templateVersionId: ids.template });
    expect(claude.plan.ok).toBe(false);
    expect(claude.onDemand).toEqual({ available: true, costUsd: 2 * claude.costUsd });
    await db.prisma.modelConfig.update({ where: { id: ids.claude }, data: { onDemandInputPricePerMTok: 3, onDemandOutputPricePerMTok: 5 } });
    const priced = await estimateBatch({ prisma: db.prisma, datasetId: ids.dataset, modelConfigId: ids.claude, templateVersionId: ids.template });
    expect(priced.onDemand.costUsd).toBeCloseTo((priced.inputTokens * 3 + priced.outputTokens * 5) / 1e6, 12);
  });

  it("gives Recap's minimum beside Bedrock's, and still offers on demand when Recap's is set below Bedrock's", async () => {
    await db.prisma.modelConfig.update({ where: { id: ids.claude }, data: { minRecordsPerJob: 2 } });
    const claude = await estimateBatch({ prisma: db.prisma, datasetId: ids.dataset, modelConfigId: ids.claude, templateVersionId: ids.template });
    expect(claude.minimums).toEqual({ recap: 2, bedrock: 100 });
    expect(claude.plan.ok).toBe(true);
    expect(claude.onDemand.available).toBe(true);
    const titan = await estimateBatch({ prisma: db.prisma, datasetId: ids.dataset, modelConfigId: ids.titan, templateVersionId: ids.template });
    expect(titan.minimums).toEqual({ recap: 1000, bedrock: 1000 });
  });
});
