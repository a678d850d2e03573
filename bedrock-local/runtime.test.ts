// The bedrock-runtime routes through the real @aws-sdk/client-bedrock-runtime, and the
// per-model minimum records per job of the catalog.
import { BedrockRuntimeClient, ConverseCommand, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { bedrockMinRecordsPerJob } from "../lib/bedrock/quotas";
import { findModel, minRecordsFor, MODELS } from "./catalog";
import { SAMPLE_CALL, startStack, type Stack } from "./test-harness";

let stack: Stack;
let runtime: BedrockRuntimeClient;
const HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
const prompt = `Summarize the following call transcript:\n<transcript>\n${SAMPLE_CALL}\n</transcript>`;
const claudeBody = (text = prompt) => JSON.stringify({ anthropic_version: "bedrock-2023-05-31", max_tokens: 512, messages: [{ role: "user", content: [{ type: "text", text }] }] });
const invoke = (body = claudeBody(), modelId = HAIKU) => runtime.send(new InvokeModelCommand({ modelId, body, contentType: "application/json", accept: "application/json" }));

beforeAll(async () => {
  stack = await startStack();
  runtime = new BedrockRuntimeClient({
    region: "us-east-1", endpoint: stack.service.endpoint, credentials: { accessKeyId: "AKIDLOCAL", secretAccessKey: "local" },
    retryMode: "adaptive", maxAttempts: 4,
  });
});
afterAll(async () => {
  runtime?.destroy();
  await stack?.close();
});
afterEach(async () => {
  await stack.admin("DELETE", "faults");
});

describe("InvokeModel and Converse", () => {
  it("InvokeModel answers in the model family's own response shape, with the summarizer's text", async () => {
    const out = await invoke();
    const body = JSON.parse(new TextDecoder().decode(out.body));
    expect(body).toMatchObject({ type: "message", role: "assistant", model: "claude-3-haiku-20240307", stop_reason: "end_turn" });
    expect(body.content[0].text).toMatch(/refund/i);
    expect(body.usage.input_tokens).toBeGreaterThan(50);
  });

  it("Converse answers in the Converse shape for a Nova model", async () => {
    const out = await runtime.send(new ConverseCommand({
      modelId: "amazon.nova-lite-v1:0",
      messages: [{ role: "user", content: [{ text: prompt }] }],
      inferenceConfig: { maxTokens: 400 },
    }));
    expect(out.stopReason).toBe("end_turn");
    expect(out.output?.message?.content?.[0]?.text).toMatch(/refund/i);
    expect(out.usage?.inputTokens).toBeGreaterThan(50);
  });

  it("a request the model's schema rejects is a ValidationException with Bedrock's wording", async () => {
    const err = await invoke(JSON.stringify({ messages: [] })).catch((e: Error) => e);
    expect(err).toMatchObject({ name: "ValidationException", message: expect.stringContaining("anthropic_version") });
    const unknown = await invoke(claudeBody(), "acme.unknown-v1").catch((e: Error) => e);
    expect(unknown).toMatchObject({ name: "ValidationException", message: "The provided model identifier is invalid." });
  });

  it("throttling is answered with HTTP 429 and the SDK's retries get through on the third attempt", async () => {
    await stack.admin("POST", "faults", { operation: "InvokeModel", error: { name: "ThrottlingException" }, count: 2 });
    await stack.admin("DELETE", "requests");
    const out = await invoke();
    expect(out.$metadata.attempts).toBe(3);
    const { requests } = await stack.admin<{ requests: { attempt: number; httpStatus: number; errorName?: string }[] }>("GET", "requests?operation=InvokeModel");
    expect(requests.map((r) => [r.attempt, r.httpStatus, r.errorName])).toEqual([[1, 429, "ThrottlingException"], [2, 429, "ThrottlingException"], [3, 200, undefined]]);
  });

  it("the fail-records tag makes the same share of on-demand requests fail as of batch records", async () => {
    await stack.admin("PUT", "job-tags", { tags: [{ key: "bedrock-local:fail-records", value: "1" }] });
    try {
      const err = await invoke().catch((e: Error & { $metadata?: { httpStatusCode?: number } }) => e);
      expect(err).toMatchObject({ name: "ModelErrorException", message: expect.stringContaining("Injected failure") });
      expect((err as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(424);
    } finally {
      await stack.admin("PUT", "job-tags", { tags: [] });
    }
  });
});

describe("minimum records per job, per model", () => {
  it("the catalog holds AWS's figure per model: 100 for most text models, 1,000 for Titan Text Express", () => {
    expect(findModel(HAIKU)?.minRecordsPerJob).toBe(100);
    expect(findModel("amazon.titan-text-express-v1")?.minRecordsPerJob).toBe(1000);
    expect(MODELS.every((m) => m.minRecordsPerJob === 100 || m.minRecordsPerJob === 1000)).toBe(true);
    expect(minRecordsFor({ minRecordsPerJob: 5 } as never, HAIKU)).toBe(5);
  });

  it("agrees with the figures Recap warns with (lib/bedrock/quotas.ts) for every model it serves", () => {
    expect(MODELS.map((m) => [m.modelId, bedrockMinRecordsPerJob(m.modelId)])).toEqual(MODELS.map((m) => [m.modelId, m.minRecordsPerJob]));
  });

  it("a job under its model's own minimum fails Validating with that figure once the override is cleared", async () => {
    await stack.admin("PUT", "quotas", { minRecordsPerJob: null });
    try {
      const { models } = await stack.admin<{ models: { modelId: string; minRecordsPerJob: number }[] }>("GET", "models");
      expect(models.find((m) => m.modelId === HAIKU)?.minRecordsPerJob).toBe(100);
      const lines = Array.from({ length: 3 }, (_, i) => JSON.stringify({ recordId: `MIN0000000${i}`, modelInput: JSON.parse(claudeBody()) })).join("\n");
      await stack.put("min/input.jsonl", lines);
      const arn = await stack.create({ inputDataConfig: { s3InputDataConfig: { s3Uri: "s3://recap/min/input.jsonl" } } });
      const job = await stack.waitFor(arn, ["Failed", "Completed"]);
      expect(job.status).toBe("Failed");
      expect(job.message).toBe(`The job has 3 records; ${HAIKU} needs at least 100 records per batch inference job.`);
    } finally {
      await stack.admin("PUT", "quotas", { minRecordsPerJob: 1 });
    }
  });
});
