import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildModelInput } from "./model-input";

const opts = { prompt: "Summarize: hi", maxTokens: 512, temperature: 0.2 };
const withSystem = { ...opts, system: "You are terse." };

describe("buildModelInput", () => {
  it("anthropic: Messages body with version, limits and one user text block", () => {
    expect(buildModelInput("anthropic", opts)).toStrictEqual({
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 512,
      temperature: 0.2,
      messages: [{ role: "user", content: [{ type: "text", text: "Summarize: hi" }] }],
    });
    expect(buildModelInput("anthropic", withSystem)).toMatchObject({ system: "You are terse." });
  });

  it("nova: messages-v1 with inferenceConfig and system as a list of text blocks", () => {
    expect(buildModelInput("nova", withSystem)).toStrictEqual({
      schemaVersion: "messages-v1",
      system: [{ text: "You are terse." }],
      messages: [{ role: "user", content: [{ text: "Summarize: hi" }] }],
      inferenceConfig: { maxTokens: 512, temperature: 0.2 },
    });
    expect(buildModelInput("nova", opts)).not.toHaveProperty("system");
  });

  it("llama: Llama 3 chat tokens around the prompt, max_gen_len", () => {
    expect(buildModelInput("llama", opts)).toStrictEqual({
      prompt:
        "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nSummarize: hi<|eot_id|>" +
        "<|start_header_id|>assistant<|end_header_id|>\n\n",
      max_gen_len: 512,
      temperature: 0.2,
    });
    expect(buildModelInput("llama", withSystem)).toMatchObject({
      prompt: expect.stringMatching(
        /^<\|begin_of_text\|><\|start_header_id\|>system<\|end_header_id\|>\n\nYou are terse\.<\|eot_id\|><\|start_header_id\|>user/,
      ),
    });
  });

  it("mistral: [INST] block, system first inside it", () => {
    expect(buildModelInput("mistral", opts)).toStrictEqual({
      prompt: "<s>[INST] Summarize: hi [/INST]",
      max_tokens: 512,
      temperature: 0.2,
    });
    expect(buildModelInput("mistral", withSystem)).toMatchObject({
      prompt: "<s>[INST] You are terse.\n\nSummarize: hi [/INST]",
    });
  });

  it("titan: inputText and textGenerationConfig", () => {
    expect(buildModelInput("titan", opts)).toStrictEqual({
      inputText: "Summarize: hi",
      textGenerationConfig: { maxTokenCount: 512, temperature: 0.2 },
    });
    expect(buildModelInput("titan", withSystem)).toMatchObject({ inputText: "You are terse.\n\nSummarize: hi" });
  });

  it("treats a blank system prompt as none", () => {
    expect(buildModelInput("anthropic", { ...opts, system: "  " })).not.toHaveProperty("system");
    expect(buildModelInput("mistral", { ...opts, system: "" })).toMatchObject({ prompt: "<s>[INST] Summarize: hi [/INST]" });
  });
});

describe("the real Bedrock batch input (aws-samples/serverless-patterns input.jsonl)", () => {
  const file = new URL("../../../shared/data/serverless-patterns-batch-input/input.jsonl", import.meta.url);
  const lines = readFileSync(file, "utf8").split("\n");
  const records = lines.map((l) => JSON.parse(l) as { recordId: string; modelInput: Record<string, unknown> });

  it("has 105 Anthropic Messages records with 11-character record ids", () => {
    expect(records).toHaveLength(105);
    expect(records[0].recordId).toBe("CALL0000001");
    expect(records[104].recordId).toBe("CALL0000105");
    expect(records.every((r) => /^[A-Za-z0-9]{11}$/.test(r.recordId))).toBe(true);
    for (const r of records) {
      expect(r.modelInput).toMatchObject({ anthropic_version: "bedrock-2023-05-31", max_tokens: 1024 });
      expect(r.modelInput.messages).toEqual([
        { role: "user", content: [{ type: "text", text: expect.stringMatching(/^Summarize the following call transcript: {2}/) }] },
      ]);
    }
  });

  it("is what buildModelInput('anthropic') produces for the same prompt (plus our temperature)", () => {
    for (const r of records) {
      const messages = r.modelInput.messages as [{ content: [{ text: string }] }];
      const built = buildModelInput("anthropic", { prompt: messages[0].content[0].text, maxTokens: 1024, temperature: 0 });
      expect(built).toStrictEqual({ ...r.modelInput, temperature: 0 });
    }
  });
});
