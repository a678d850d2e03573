import { describe, expect, it } from "vitest";
import { compareArms, jaccard, resultCostUsd, sentimentCounts, type ArmResult, type CallPair } from "./metrics";

const ok = (over: Partial<ArmResult> = {}): ArmResult => ({
  ok: true, summary: "The customer asked for a refund.", sentiment: "positive", topics: ["refund"], inputTokens: 1000, outputTokens: 100, errorMessage: null, ...over,
});
const failed: ArmResult = { ok: false, summary: null, sentiment: null, topics: [], inputTokens: null, outputTokens: null, errorMessage: "Injected failure" };
const prices = { A: { inputPricePerMTok: 1, outputPricePerMTok: 10 }, B: { inputPricePerMTok: 0.5, outputPricePerMTok: 2 } };

describe("jaccard", () => {
  it("is the shared share of the union, ignoring case and spacing", () => {
    expect(jaccard(["Refund", "delivery"], ["refund ", "order"])).toBeCloseTo(1 / 3);
    expect(jaccard(["billing  dispute"], ["Billing dispute"])).toBe(1);
    expect(jaccard(["refund"], ["order"])).toBe(0);
  });

  it("counts two empty lists as agreeing, and one empty list against topics as none shared", () => {
    expect(jaccard([], [])).toBe(1);
    expect(jaccard([], ["refund"])).toBe(0);
    expect(jaccard(["refund", "refund"], ["refund"])).toBe(1);
  });
});

describe("compareArms", () => {
  const pairs: CallPair[] = [
    { recordId: "RC000000001", callId: "c1", A: ok(), B: ok({ summary: "Refund.", topics: ["refund", "order"] }) },
    { recordId: "RC000000002", callId: "c2", A: ok({ sentiment: "negative" }), B: ok({ sentiment: "neutral", summary: "Refund.", topics: [] }) },
    { recordId: "RC000000003", callId: "c3", A: ok({ sentiment: null }), B: ok({ summary: "Refund." }) },
    { recordId: "RC000000004", callId: "c4", A: failed, B: ok({ summary: "Refund." }) },
    { recordId: "RC000000005", callId: "c5", A: ok() },
  ];
  const t = compareArms(pairs, prices);

  it("agreement is over the calls both arms summarized with a sentiment", () => {
    expect(t.calls).toBe(5);
    expect(t.bothSucceeded).toBe(3);
    expect(t.sentiment).toEqual({ compared: 2, agreed: 1, agreement: 0.5 });
  });

  it("topic overlap is the mean Jaccard over the calls both arms summarized", () => {
    // c1: {refund} vs {refund, order} = 1/2; c2: {refund} vs {} = 0; c3: 1
    expect(t.topics.compared).toBe(3);
    expect(t.topics.meanJaccard).toBeCloseTo(0.5);
  });

  it("each arm's tokens and cost are what came back, at its own prices; differences are B minus A", () => {
    expect(t.arms.A).toMatchObject({ results: 5, succeeded: 4, failed: 1, inputTokens: 4000, outputTokens: 400 });
    expect(t.arms.A.costUsd).toBeCloseTo((4000 * 1 + 400 * 10) / 1e6);
    expect(t.arms.B).toMatchObject({ results: 4, succeeded: 4, failed: 0, inputTokens: 4000, outputTokens: 400 });
    expect(t.arms.B.costUsd).toBeCloseTo((4000 * 0.5 + 400 * 2) / 1e6);
    expect(t.costDiffUsd).toBeCloseTo(t.arms.B.costUsd - t.arms.A.costUsd);
    expect(t.arms.A.avgSummaryChars).toBe("The customer asked for a refund.".length);
    expect(t.arms.B.avgSummaryChars).toBe("Refund.".length);
    expect(t.avgSummaryCharsDiff).toBe("Refund.".length - "The customer asked for a refund.".length);
  });

  it("has no agreement figures before any call is back from both arms", () => {
    const none = compareArms([{ recordId: "RC000000001", callId: "c1", A: ok() }], prices);
    expect(none.sentiment.agreement).toBeNull();
    expect(none.topics.meanJaccard).toBeNull();
    expect(none.arms.B).toMatchObject({ results: 0, costUsd: 0, avgSummaryChars: null });
    expect(none.avgSummaryCharsDiff).toBeNull();
  });
});

describe("sentimentCounts", () => {
  it("counts each arm's successful summaries by sentiment, none for a missing one", () => {
    const pairs: CallPair[] = [
      { recordId: "1", callId: "1", A: ok(), B: ok({ sentiment: "mixed" }) },
      { recordId: "2", callId: "2", A: ok({ sentiment: null }), B: failed },
      { recordId: "3", callId: "3", A: ok() },
    ];
    expect(sentimentCounts(pairs, "A")).toEqual([
      { name: "positive", value: 2 }, { name: "neutral", value: 0 }, { name: "negative", value: 0 }, { name: "mixed", value: 0 }, { name: "none", value: 1 },
    ]);
    expect(sentimentCounts(pairs, "B").find((c) => c.name === "mixed")?.value).toBe(1);
    expect(sentimentCounts(pairs, "B").reduce((n, c) => n + c.value, 0)).toBe(1);
  });
});

describe("resultCostUsd", () => {
  it("prices one result, and has none without token counts", () => {
    expect(resultCostUsd({ inputTokens: 2_000_000, outputTokens: 100_000 }, prices.A)).toBeCloseTo(3);
    expect(resultCostUsd(failed, prices.A)).toBeNull();
  });
});
