import { describe, expect, it } from "vitest";
import { parseOutputLine, type ParsedOutputLine } from "./parse-output";

const SUMMARY_JSON = '{"summary":"Customer returns a faulty coffee maker.","customer_sentiment":"positive"}';
const anthropicInput = {
  anthropic_version: "bedrock-2023-05-31",
  max_tokens: 1024,
  messages: [{ role: "user", content: [{ type: "text", text: "Summarize..." }] }],
};

// Key order as real output files write it: modelInput, modelOutput, recordId.
const line = (modelOutput: unknown, recordId = "CALL0000001") =>
  JSON.stringify({ modelInput: anthropicInput, modelOutput, recordId });

function record(parsed: ParsedOutputLine | null) {
  if (parsed?.kind !== "record") throw new Error(`expected a record, got ${JSON.stringify(parsed)}`);
  return parsed.record;
}
function problem(parsed: ParsedOutputLine | null) {
  if (parsed?.kind !== "problem") throw new Error(`expected a problem, got ${JSON.stringify(parsed)}`);
  return parsed.problem;
}

describe("parseOutputLine: one modelOutput shape per family", () => {
  it("Anthropic Claude Messages (InvokeModel response)", () => {
    const out = {
      id: "msg_bdrk_01GbKb8W4R5aDVxmUcNjHNcz",
      type: "message",
      role: "assistant",
      model: "claude-3-5-haiku-20241022",
      content: [{ type: "text", text: SUMMARY_JSON }],
      stop_reason: "end_turn",
      stop_sequence: null,
      usage: { input_tokens: 512, output_tokens: 87 },
    };
    const parsed = parseOutputLine(line(out), 1);
    expect(parsed).toEqual({
      kind: "record",
      lineNumber: 1,
      record: {
        recordId: "CALL0000001",
        modelInput: anthropicInput,
        ok: true,
        shape: "anthropic",
        text: SUMMARY_JSON,
        inputTokens: 512,
        outputTokens: 87,
        stopReason: "end_turn",
      },
    });
  });

  it("Anthropic: joins text blocks and skips non-text blocks", () => {
    const out = {
      type: "message",
      content: [{ type: "thinking", thinking: "hmm" }, { type: "text", text: "Part one. " }, { type: "text", text: "Part two." }],
      stop_reason: "max_tokens",
      usage: { input_tokens: 10, output_tokens: 1024 },
    };
    expect(record(parseOutputLine(line(out), 2))).toMatchObject({ text: "Part one. Part two.", stopReason: "max_tokens" });
  });

  it("Amazon Nova", () => {
    const out = {
      output: { message: { content: [{ text: SUMMARY_JSON }], role: "assistant" } },
      stopReason: "end_turn",
      usage: { inputTokens: 480, outputTokens: 95, totalTokens: 575, cacheReadInputTokenCount: 0, cacheWriteInputTokenCount: 0 },
    };
    expect(record(parseOutputLine(line(out), 3))).toMatchObject({
      ok: true, shape: "converse", text: SUMMARY_JSON, inputTokens: 480, outputTokens: 95, stopReason: "end_turn",
    });
  });

  it("Converse-shaped output (modelInvocationType Converse)", () => {
    const out = {
      output: { message: { role: "assistant", content: [{ reasoningContent: { reasoningText: { text: "x" } } }, { text: "Done." }] } },
      stopReason: "end_turn",
      usage: { inputTokens: 20, outputTokens: 3, totalTokens: 23 },
      metrics: { latencyMs: 812 },
    };
    expect(record(parseOutputLine(line(out), 4))).toMatchObject({ text: "Done.", inputTokens: 20, outputTokens: 3 });
  });

  it("Meta Llama", () => {
    const out = { generation: " The customer called about a refund.", prompt_token_count: 530, generation_token_count: 41, stop_reason: "stop" };
    expect(record(parseOutputLine(line(out), 5))).toMatchObject({
      shape: "llama", text: " The customer called about a refund.", inputTokens: 530, outputTokens: 41, stopReason: "stop",
    });
  });

  it("Mistral text completion, which reports no tokens", () => {
    const out = { outputs: [{ text: " Refund issued.", stop_reason: "stop" }] };
    const r = record(parseOutputLine(line(out), 6));
    expect(r).toMatchObject({ shape: "mistral", text: " Refund issued.", stopReason: "stop" });
    expect(r).not.toHaveProperty("inputTokens");
    expect(r).not.toHaveProperty("outputTokens");
  });

  it("Mistral chat completion (Mistral Large 2)", () => {
    const out = {
      id: "cmpl-1", object: "chat.completion", model: "mistral-large-2407",
      choices: [{ index: 0, message: { role: "assistant", content: "Refund issued." }, stop_reason: "stop" }],
      usage: { prompt_tokens: 300, completion_tokens: 4, total_tokens: 304 },
    };
    expect(record(parseOutputLine(line(out), 7))).toMatchObject({ shape: "mistral-chat", text: "Refund issued.", inputTokens: 300, outputTokens: 4 });
  });

  it("Amazon Titan Text", () => {
    const out = { inputTextTokenCount: 410, results: [{ tokenCount: 52, outputText: "\nThe customer wants a refund.", completionReason: "FINISH" }] };
    expect(record(parseOutputLine(line(out), 8))).toMatchObject({
      shape: "titan", text: "\nThe customer wants a refund.", inputTokens: 410, outputTokens: 52, stopReason: "FINISH",
    });
  });

  it("keeps the text when a token count has the wrong type", () => {
    const out = { generation: "ok", prompt_token_count: "many", generation_token_count: -1 };
    const r = record(parseOutputLine(line(out), 9));
    expect(r).toMatchObject({ ok: true, text: "ok" });
    expect(r).not.toHaveProperty("inputTokens");
    expect(r).not.toHaveProperty("outputTokens");
  });

  it("does not depend on key order", () => {
    const text = JSON.stringify({ recordId: "R1", modelOutput: { generation: "g" } });
    expect(record(parseOutputLine(text, 1))).toEqual({ recordId: "R1", ok: true, shape: "llama", text: "g" });
  });
});

describe("parseOutputLine: error lines", () => {
  it("reads Bedrock's numeric errorCode", () => {
    const text = JSON.stringify({
      modelInput: anthropicInput, recordId: "CALL0000002",
      error: { errorCode: 400, errorMessage: "Malformed input request: #: extraneous key [foo] is not permitted" },
    });
    expect(parseOutputLine(text, 12)).toEqual({
      kind: "record",
      lineNumber: 12,
      record: {
        recordId: "CALL0000002", modelInput: anthropicInput, ok: false,
        errorCode: 400, errorMessage: "Malformed input request: #: extraneous key [foo] is not permitted",
      },
    });
  });

  it("tolerates a string errorCode, numeric or not", () => {
    const numeric = JSON.stringify({ recordId: "A", error: { errorCode: "429", errorMessage: "Too many requests" } });
    expect(record(parseOutputLine(numeric, 1))).toEqual({ recordId: "A", ok: false, errorCode: 429, errorMessage: "Too many requests" });
    const named = JSON.stringify({ recordId: "B", error: { errorCode: "ModelTimeoutException", errorMessage: "timed out" } });
    expect(record(parseOutputLine(named, 2))).toEqual({ recordId: "B", ok: false, errorCode: 0, errorMessage: "ModelTimeoutException: timed out" });
    const bare = JSON.stringify({ recordId: "C", error: "boom" });
    expect(record(parseOutputLine(bare, 3))).toEqual({ recordId: "C", ok: false, errorCode: 0, errorMessage: "boom" });
  });
});

describe("parseOutputLine: malformed lines are problems with line numbers, never throws", () => {
  it.each([
    ["not JSON", "this is not json", "not-json"],
    ["truncated JSON", '{"modelInput":{"anthropic_version":"bedrock-2023-05-31"},"modelOutput":{"id":"msg_bdrk_', "not-json"],
    ["a JSON array", '[{"recordId":"X"}]', "not-an-object"],
    ["a JSON string", '"CALL0000001"', "not-an-object"],
    ["no recordId", JSON.stringify({ modelInput: {}, modelOutput: { generation: "g" } }), "no-record-id"],
    ["numeric recordId", JSON.stringify({ recordId: 17, modelOutput: { generation: "g" } }), "no-record-id"],
    ["empty recordId", JSON.stringify({ recordId: "", modelOutput: { generation: "g" } }), "no-record-id"],
  ])("%s", (_name, text, reason) => {
    const p = problem(parseOutputLine(text, 42));
    expect(p.lineNumber).toBe(42);
    expect(p.reason).toBe(reason);
    expect(p.message).toMatch(/^Line 42 /);
    expect(p).not.toHaveProperty("recordId");
  });

  it("keeps the recordId when the output shape is unknown or has wrong types", () => {
    for (const modelOutput of [{ foo: "bar" }, { generation: 42 }, { content: "not a list", type: "message" }, { results: [] }]) {
      const p = problem(parseOutputLine(line(modelOutput, "CALL0000009"), 7));
      expect(p).toEqual({
        lineNumber: 7, reason: "unknown-output", recordId: "CALL0000009",
        message: "Line 7: record CALL0000009 has a modelOutput of no known model family.",
      });
    }
  });

  it("reports a record with neither modelOutput nor error", () => {
    expect(problem(parseOutputLine('{"recordId":"CALL0000003","modelInput":{}}', 3))).toMatchObject({ reason: "no-output", recordId: "CALL0000003" });
  });

  it("skips blank lines", () => {
    expect(parseOutputLine("", 1)).toBeNull();
    expect(parseOutputLine("  \r", 2)).toBeNull();
  });
});
