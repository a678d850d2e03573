import { describe, expect, it } from "vitest";
import { MODEL_FAMILIES } from "@/lib/prompts/families";
import { buildModelInput } from "@/lib/prompts/model-input";
import { DEFAULT_TEMPLATE, renderTemplate, TemplateError } from "@/lib/prompts/template";
import { modelLines } from "./model-lines";

// The slow, obviously-right way: the line the fast path must reproduce byte for byte.
function referenceLine(family: (typeof MODEL_FAMILIES)[number], body: string, settings: Settings, v: Values): string {
  const prompt = renderTemplate(body, { transcript: v.transcript, callId: v.callId });
  return JSON.stringify({ recordId: v.recordId, modelInput: buildModelInput(family, { ...settings, prompt }) });
}
type Settings = { maxTokens: number; temperature: number; system?: string };
type Values = { recordId: string; transcript: string; callId?: string };

// Seeded so a failure reproduces.
function random(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}
const PIECES = [
  'Agent: "Hello"', "\\", "\\n", "\n", "\r\n", "\t", "\u0000", "\u001f", "\u007f", "\u2028", "\u2029",
  "é", "€", "漢字", "😀", "\ud83d", "\ude00", "</transcript>", "<transcript>", "{{transcript}}", "{{ call_id }}",
  "$&", "$1", "@@recap-slot-0-transcript@@", "}", '"}]}', " ", "Customer: I'd like a refund.",
];
function randomText(next: () => number): string {
  let text = "";
  const parts = Math.floor(next() * 12);
  for (let i = 0; i < parts; i++) text += PIECES[Math.floor(next() * PIECES.length)];
  return text;
}

const TEMPLATES = {
  default: DEFAULT_TEMPLATE.body,
  bare: "{{transcript}}",
  twiceWithCallId: 'Call "{{call_id}}"\\ {{transcript}}\n---\n{{ transcript }} (id {{call_id}})',
};
const SETTINGS: Settings[] = [
  { maxTokens: 1024, temperature: 0.2 },
  { maxTokens: 300, temperature: 0, system: 'Be "brief".\nNo\\markdown. @@recap-slot-0-' },
];

describe("modelLines: the fast line equals JSON.stringify of the record", () => {
  for (const family of MODEL_FAMILIES) {
    for (const [name, body] of Object.entries(TEMPLATES)) {
      it(`${family}, ${name} template: equals JSON.stringify of the record for 300 hostile inputs`, () => {
        const next = random(family.length * 31 + name.length);
        for (const settings of SETTINGS) {
          const lines = modelLines({ family, ...settings }, body);
          for (let i = 0; i < 150; i++) {
            const values: Values = {
              recordId: `REC${String(i).padStart(8, "0")}`,
              transcript: randomText(next),
              callId: i % 3 === 0 ? undefined : randomText(next),
            };
            const transcript = { callId: values.callId ?? "", text: values.transcript, line: i + 1 };
            const line = lines.lineTemplate
              ? lines.lineTemplate.buildLine(values.recordId, values.transcript)
              : JSON.stringify({ recordId: values.recordId, modelInput: lines.buildModelInput!(transcript) });
            expect(line).toBe(referenceLine(family, body, settings, { ...values, callId: values.callId ?? "" }));
          }
        }
      });
    }
  }


  it("uses the compiled fast path for the seed template", () => {
    expect(modelLines({ family: "anthropic", maxTokens: 10, temperature: 0 }, DEFAULT_TEMPLATE.body).lineTemplate).toBeDefined();
    expect(modelLines({ family: "anthropic", maxTokens: 10, temperature: 0 }, "{{call_id}}: {{transcript}}").lineTemplate).toBeUndefined();
  });

  it("refuses a template without {{transcript}}", () => {
    expect(() => modelLines({ family: "nova", maxTokens: 10, temperature: 0 }, "Summarize the call.")).toThrow(TemplateError);
  });
});
