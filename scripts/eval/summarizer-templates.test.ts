// Issue 9, item 1: the built-in summarizer must summarize the call, never the prompt. Prompts
// are built with Recap's real code (the seed template, lib/prompts per family) around every
// transcript shape Recap sends, and answered by bedrock-local's families and built-in model
// exactly as a batch job answers them.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAMILIES } from "../../bedrock-local/families";
import type { Family } from "../../bedrock-local/families/family";
import { builtInModel } from "../../bedrock-local/text-model";
import { MODEL_FAMILIES } from "../../lib/prompts/families";
import { buildModelInput } from "../../lib/prompts/model-input";
import { DEFAULT_TEMPLATE, renderTemplate } from "../../lib/prompts/template";
import { parseCallAnalytics } from "../../lib/transcripts/parse-transcribe";
import { syntheticCalls } from "../../test/synthetic";

const CALL_ANALYTICS = path.resolve(__dirname, "../../../shared/data/transcribe-call-analytics-example/example-call.json");
const SEED_TEMPLATES = [DEFAULT_TEMPLATE];
const RECAP_KEYS = ["summary", "reason_for_call", "resolution", "customer_sentiment", "action_items", "topics"];

/** One call in every shape Recap can put into {{transcript}}. */
function shapes(call: string): Record<string, string> {
  // Paragraphs without a label continue the turn before them.
  const turns: [role: string, text: string][] = [];
  for (const p of call.split(/\n\s*\n/)) {
    const m = /^(Agent|Customer|Supervisor):\s*([\s\S]*)$/.exec(p.trim());
    if (m) turns.push([m[1] === "Customer" ? "Customer" : "Agent", m[2]!]);
    else if (turns.length > 0) turns[turns.length - 1]![1] += `\n${p.trim()}`;
  }
  const as = (label: (role: string) => string) => turns.map(([role, text]) => `${label(role)}: ${text}`).join("\n\n");
  return {
    "Agent:/Customer:": call,
    "agent:/customer:": as((r) => r.toLowerCase()),
    "spk_0/spk_1": as((r) => (r === "Agent" ? "spk_0" : "spk_1")),
    "ch_0/ch_1": as((r) => (r === "Agent" ? "ch_1" : "ch_0")),
    "no speaker labels": turns.map(([, text]) => text.replace(/\s+/g, " ")).join("\n\n"),
    "one paragraph": turns.map(([, text]) => text.replace(/\s+/g, " ")).join(" "),
  };
}

// Converse takes the Nova messages schema; Recap has no builder of its own for it.
function requestFor(family: Family["name"], prompt: string): unknown {
  if (family === "converse") return buildModelInput("nova", { prompt, maxTokens: 2048, temperature: 0 });
  return buildModelInput(family, { prompt, maxTokens: 2048, temperature: 0 });
}

/** Every run of six words of the template's own text (not of the transcript). */
function shingles(template: string, size = 6): string[] {
  const words = template.replace(/\{\{\s*\w+\s*\}\}/g, " ").toLowerCase().match(/[a-z0-9']+/g) ?? [];
  const out: string[] = [];
  for (let i = 0; i + size <= words.length; i++) out.push(words.slice(i, i + size).join(" "));
  return out;
}
const words = (text: string) => (text.toLowerCase().match(/[a-z0-9']+/g) ?? []).join(" ");

const model = builtInModel(0);
afterAll(() => model.close?.());

let transcripts: Record<string, string> = {};
beforeAll(async () => {
  const calls = await syntheticCalls(12);
  transcripts = {
    ...Object.fromEntries(Object.entries(shapes(calls[2]!.text)).map(([shape, text]) => [`call 2, ${shape}`, text])),
    ...Object.fromEntries(Object.entries(shapes(calls[8]!.text)).map(([shape, text]) => [`call 8, ${shape}`, text])),
    "Transcribe Call Analytics example": parseCallAnalytics(JSON.parse(fs.readFileSync(CALL_ANALYTICS, "utf8")), "example-call.json").text,
    ...Object.fromEntries(calls.slice(9, 12).map((c) => [`synthetic ${c.callId}`, c.text])),
  };
});

async function answer(family: Family["name"], template: string, transcript: string): Promise<Record<string, unknown>> {
  const req = FAMILIES[family].parse(requestFor(family, renderTemplate(template, { transcript })));
  if ("error" in req) throw new Error(req.error);
  const gen = await model.generate(req);
  return JSON.parse(gen.text) as Record<string, unknown>;
}

describe("no line of a seed template ever appears in a summary", () => {
  const families: Family["name"][] = [...MODEL_FAMILIES, "converse"];
  for (const template of SEED_TEMPLATES) {
    it.each(families)(`%s: every transcript shape, ${template.name}`, async (family) => {
      const own = shingles(template.body);
      const lines = template.body.split("\n").map((l) => l.trim()).filter((l) => l.length >= 12 && !l.includes("{{"));
      for (const [shape, transcript] of Object.entries(transcripts)) {
        const a = await answer(family, template.body, transcript);
        expect(Object.keys(a), shape).toEqual(RECAP_KEYS);
        const text = JSON.stringify(a);
        for (const line of lines) expect(text, `${shape}: template line leaked`).not.toContain(line.slice(0, 60));
        // Six words in a row from the template that the call itself does not say.
        const said = words(transcript);
        const leaked = own.filter((s) => !said.includes(s) && words(text).includes(s));
        expect(leaked, shape).toEqual([]);
        expect(["positive", "neutral", "negative", "mixed"], shape).toContain(a.customer_sentiment);
        expect((a.topics as string[]).filter((t) => t === "billing dispute"), shape).toEqual([]);
        expect(String(a.summary).length, shape).toBeGreaterThan(40);
      }
    });
  }
});

describe("opaque and missing labels: the agent is found by how they talk", () => {
  it.each(["agent:/customer:", "spk_0/spk_1", "ch_0/ch_1"])("%s gives the same reason, actions and sentiment as Agent:/Customer:", async (shape) => {
    for (const call of ["call 2", "call 8"]) {
      const named = await answer("anthropic", DEFAULT_TEMPLATE.body, transcripts[`${call}, Agent:/Customer:`]!);
      const opaque = await answer("anthropic", DEFAULT_TEMPLATE.body, transcripts[`${call}, ${shape}`]!);
      expect(opaque, call).toEqual(named);
    }
  });

  it("reads the customer's problem from a call with no labels and from one paragraph", async () => {
    for (const shape of ["no speaker labels", "one paragraph"]) {
      const a = await answer("llama", DEFAULT_TEMPLATE.body, transcripts[`call 8, ${shape}`]!);
      expect(a.reason_for_call, shape).toMatch(/return this product|coffee maker/);
      expect(a.topics, shape).toContain("return");
    }
  });

  it("reads the Transcribe Call Analytics call (AGENT/CUSTOMER, [PII]) as a lost card", async () => {
    const a = await answer("nova", DEFAULT_TEMPLATE.body, transcripts["Transcribe Call Analytics example"]!);
    expect(String(a.reason_for_call).toLowerCase()).toMatch(/card/);
    expect(JSON.stringify(a)).not.toMatch(/summarize it for a supervisor|Use exactly these keys/);
  });
});
