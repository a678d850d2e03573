import { describe, expect, it } from "vitest";
import { normaliseSentiment, parseSummary } from "./parse-summary";

const answer = {
  summary: "The customer returned a faulty coffee maker and chose a refund.",
  reason_for_call: "Coffee maker makes noise and brews half a cup.",
  resolution: "Free return label emailed; refund in 2-3 business days.",
  customer_sentiment: "positive",
  action_items: ["Email return label", "Process refund on receipt"],
  topics: ["returns", "refund"],
};
const fields = { ...answer };

describe("parseSummary", () => {
  it("reads the JSON the template asked for", () => {
    expect(parseSummary(JSON.stringify(answer))).toEqual({ fields, summaryText: answer.summary, sentiment: "positive" });
  });

  it("finds it inside ```json fences", () => {
    const text = "```json\n" + JSON.stringify(answer, null, 2) + "\n```";
    expect(parseSummary(text)).toEqual({ fields, summaryText: answer.summary, sentiment: "positive" });
  });

  it("finds it with prose around it and braces inside strings", () => {
    const withBraces = { ...answer, summary: "Customer typed {order} and said \"}\"." };
    const text = `Here is the summary you asked for:\n\n${JSON.stringify(withBraces)}\n\nLet me know if you need {more}.`;
    expect(parseSummary(text)).toMatchObject({ summaryText: 'Customer typed {order} and said "}".', sentiment: "positive" });
  });

  it("skips a JSON object that is not the answer and takes the next one", () => {
    const text = `Example: {"foo": 1}. Answer: ${JSON.stringify(answer)}`;
    expect(parseSummary(text).fields).toEqual(fields);
  });

  it("normalises sentiment casing and wording", () => {
    expect(parseSummary(JSON.stringify({ ...answer, customer_sentiment: "Negative" })).sentiment).toBe("negative");
    expect(parseSummary(JSON.stringify({ ...answer, customer_sentiment: " MIXED." })).sentiment).toBe("mixed");
    expect(parseSummary(JSON.stringify({ ...answer, customer_sentiment: "furious" })).sentiment).toBeNull();
  });

  it("fills missing keys with empty values and drops extra ones", () => {
    const result = parseSummary('{"summary": "Short call.", "confidence": 0.9}');
    expect(result).toEqual({
      fields: { summary: "Short call.", reason_for_call: "", resolution: "", customer_sentiment: null, action_items: [], topics: [] },
      summaryText: "Short call.",
      sentiment: null,
    });
  });

  it("accepts camelCase keys, a string for a list, and non-string list items", () => {
    const text = '{"summary":"S","reasonForCall":"R","Customer Sentiment":"neutral","actionItems":"Call back","topics":["billing",3,null,""]}';
    expect(parseSummary(text).fields).toEqual({
      summary: "S", reason_for_call: "R", resolution: "", customer_sentiment: "neutral", action_items: ["Call back"], topics: ["billing", "3"],
    });
  });

  it("uses the whole text as the summary when the JSON has no summary", () => {
    const text = '{"customer_sentiment":"negative","topics":["outage"]}';
    expect(parseSummary(text)).toMatchObject({ summaryText: text, sentiment: "negative", fields: { summary: "", topics: ["outage"] } });
  });

  it("keeps an answer that is not JSON as plain text", () => {
    const text = "  The customer called to return a coffee maker. A refund was issued.\n";
    expect(parseSummary(text)).toEqual({ fields: null, summaryText: text.trim(), sentiment: null });
  });

  it("keeps truncated JSON (max_tokens) as plain text", () => {
    const text = '{"summary":"The customer called to return a coffee maker","reason_for_call":"Defec';
    expect(parseSummary(text)).toEqual({ fields: null, summaryText: text, sentiment: null });
  });

  it("does not look for JSON when the template did not ask for it", () => {
    expect(parseSummary(JSON.stringify(answer), false)).toEqual({ fields: null, summaryText: JSON.stringify(answer), sentiment: null });
  });

  it("stays fast on text full of unclosed braces", () => {
    const text = "{".repeat(200_000);
    const started = performance.now();
    expect(parseSummary(text).fields).toBeNull();
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe("normaliseSentiment", () => {
  it.each([
    ["positive", "positive"], ["Positive", "positive"], ["NEUTRAL", "neutral"], ["mostly negative", "negative"],
    ["positive and negative", "mixed"], ["Mixed.", "mixed"], ["", null], ["unknown", null], [3, null], [null, null],
  ])("%j -> %j", (input, expected) => {
    expect(normaliseSentiment(input)).toBe(expected);
  });
});
