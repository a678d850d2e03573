import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { estimateBatchCost, estimateCost, estimateTokens } from "./cost";

// Claude 3.5 Haiku batch prices at the time of writing: half of on-demand $0.80 / $4.00 per MTok.
const haikuBatch = { inputPricePerMTok: 0.4, outputPricePerMTok: 2 };

describe("estimateCost", () => {
  it("prices input and output tokens per million", () => {
    expect(estimateCost({ inputTokens: 1_000_000, outputTokens: 1_000_000, ...haikuBatch })).toBe(2.4);
    expect(estimateCost({ inputTokens: 571_234, outputTokens: 143_002, ...haikuBatch })).toBeCloseTo(0.5144976, 10);
    expect(estimateCost({ inputTokens: 0, outputTokens: 0, ...haikuBatch })).toBe(0);
  });

  it("refuses negative or non-finite numbers", () => {
    expect(() => estimateCost({ inputTokens: -1, outputTokens: 0, ...haikuBatch })).toThrow(RangeError);
    expect(() => estimateCost({ inputTokens: 1, outputTokens: 0, inputPricePerMTok: Number.NaN, outputPricePerMTok: 1 })).toThrow(
      "inputPricePerMTok must be a finite number >= 0",
    );
  });
});

describe("estimateBatchCost", () => {
  it("estimates input tokens as ceil(chars / 4) and output as records * expected", () => {
    expect(estimateBatchCost({ records: 1100, inputChars: 2_000_001, expectedOutputTokensPerRecord: 250, prices: haikuBatch })).toEqual({
      records: 1100,
      inputTokens: 500_001,
      outputTokens: 275_000,
      costUsd: (500_001 * 0.4 + 275_000 * 2) / 1_000_000,
    });
  });

  it("estimates the real input file: 105 prompts of 1,806 characters", () => {
    const file = new URL("../../../shared/data/serverless-patterns-batch-input/input.jsonl", import.meta.url);
    const prompts = readFileSync(file, "utf8")
      .split("\n")
      .map((l) => (JSON.parse(l) as { modelInput: { messages: [{ content: [{ text: string }] }] } }).modelInput.messages[0].content[0].text);
    const inputChars = prompts.reduce((sum, p) => sum + p.length, 0);
    expect(inputChars).toBe(189_630);
    const estimate = estimateBatchCost({ records: prompts.length, inputChars, expectedOutputTokensPerRecord: 300, prices: haikuBatch });
    expect(estimate.inputTokens).toBe(47_408); // ceil(47,407.5)
    expect(estimate.outputTokens).toBe(31_500);
    expect(estimate.costUsd).toBeCloseTo(0.0819632, 10);
  });

  it("estimateTokens uses the same rule", () => {
    expect(estimateTokens("")).toBe(0);
    expect(estimateTokens("abcde")).toBe(2);
  });
});
