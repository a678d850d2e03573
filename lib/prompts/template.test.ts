import { describe, expect, it } from "vitest";
import { assertValidTemplate, DEFAULT_TEMPLATE, renderTemplate, TemplateError, validateTemplate } from "./template";

describe("DEFAULT_TEMPLATE", () => {
  it("is valid and asks for JSON with exactly the summary keys", () => {
    expect(validateTemplate(DEFAULT_TEMPLATE.body)).toEqual({ ok: true });
    expect(DEFAULT_TEMPLATE.expectsJson).toBe(true);
    const keys = [...DEFAULT_TEMPLATE.body.matchAll(/^- "([a-z_]+)":/gm)].map((m) => m[1]);
    expect(keys).toEqual(["summary", "reason_for_call", "resolution", "customer_sentiment", "action_items", "topics"]);
    expect(DEFAULT_TEMPLATE.body).toContain('exactly one of "positive", "neutral", "negative", "mixed"');
    expect(DEFAULT_TEMPLATE.body).toContain("Answer with a single JSON object and nothing else");
    expect(DEFAULT_TEMPLATE.body.endsWith("<transcript>\n{{transcript}}\n</transcript>")).toBe(true);
  });
});

describe("validateTemplate", () => {
  it("requires {{transcript}}", () => {
    expect(validateTemplate("Summarize this call.")).toEqual({
      ok: false,
      message: "The template must contain {{transcript}}, where the call transcript goes.",
    });
  });

  it("rejects an empty template", () => {
    expect(validateTemplate("  \n")).toEqual({ ok: false, message: expect.stringContaining("empty") });
  });

  it("names an unknown placeholder, such as a typo", () => {
    const check = validateTemplate("Call {{call_id}}: {{transcirpt}}");
    expect(check).toEqual({ ok: false, message: expect.stringContaining("Unknown placeholder {{transcirpt}}") });
  });

  it("accepts spaces inside the braces and {{call_id}}", () => {
    expect(validateTemplate("Call {{ call_id }}:\n{{ transcript }}")).toEqual({ ok: true });
  });

  it("rejects lone surrogates", () => {
    expect(validateTemplate("{{transcript}} \ud800").ok).toBe(false);
  });

  it("assertValidTemplate throws a TemplateError with the same message", () => {
    expect(() => assertValidTemplate("no placeholder")).toThrow(TemplateError);
    expect(() => assertValidTemplate("no placeholder")).toThrow("must contain {{transcript}}");
    expect(() => assertValidTemplate("{{transcript}}")).not.toThrow();
    try {
      assertValidTemplate("");
    } catch (error) {
      expect(error).toMatchObject({ name: "TemplateError", code: "VALIDATION", field: "body" });
    }
    expect.assertions(4);
  });
});

describe("renderTemplate", () => {
  it("fills every placeholder", () => {
    const body = "Call {{call_id}}\n<transcript>{{transcript}}</transcript>\nAgain: {{ transcript }}";
    expect(renderTemplate(body, { transcript: "Hi.", callId: "C-1" })).toBe(
      "Call C-1\n<transcript>Hi.</transcript>\nAgain: Hi.",
    );
  });

  it("does not substitute placeholders that appear inside the transcript", () => {
    const transcript = "Agent: say {{transcript}} and {{call_id}}";
    expect(renderTemplate("[{{transcript}}]", { transcript, callId: "X" })).toBe(`[${transcript}]`);
  });

  it("inserts replacement patterns like $& and $1 literally", () => {
    expect(renderTemplate("<{{transcript}}>", { transcript: "costs $& or $1 or $$" })).toBe("<costs $& or $1 or $$>");
  });

  it("renders a missing call id as empty and replaces lone surrogates", () => {
    expect(renderTemplate("{{call_id}}|{{transcript}}", { transcript: "a\ud800b" })).toBe("|a\ufffdb");
  });
});
