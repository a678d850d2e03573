import { describe, expect, it } from "vitest";
import { MODEL_FAMILIES } from "./families";
import { escapeJsonString, fillLine, lineTemplateFor } from "./line-template";
import { buildModelInput } from "./model-input";
import { DEFAULT_TEMPLATE, renderTemplate, TemplateError } from "./template";

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

describe("lineTemplateFor + fillLine", () => {
  for (const family of MODEL_FAMILIES) {
    for (const [name, body] of Object.entries(TEMPLATES)) {
      it(`${family}, ${name} template: equals JSON.stringify of the record for 300 hostile inputs`, () => {
        const next = random(family.length * 31 + name.length);
        for (const settings of SETTINGS) {
          const template = lineTemplateFor(family, body, settings);
          for (let i = 0; i < 150; i++) {
            const values: Values = {
              recordId: `REC${String(i).padStart(8, "0")}`,
              transcript: randomText(next),
              callId: i % 3 === 0 ? undefined : randomText(next),
            };
            expect(fillLine(template, values)).toBe(referenceLine(family, body, settings, values));
          }
        }
      });
    }
  }

  it("puts the recordId first and the transcript inside the prompt", () => {
    const template = lineTemplateFor("anthropic", "<t>{{transcript}}</t>", { maxTokens: 10, temperature: 0 });
    expect(template.slots).toEqual(["recordId", "transcript"]);
    expect(template.literals[0]).toBe('{"recordId":"');
    expect(template.literals[1]).toBe(
      '","modelInput":{"anthropic_version":"bedrock-2023-05-31","max_tokens":10,"temperature":0,"messages":[{"role":"user","content":[{"type":"text","text":"<t>',
    );
    expect(template.literals[2]).toBe('</t>"}]}]}}');
    const line = fillLine(template, { recordId: "CALL0000001", transcript: 'He said "stop" </t>' });
    expect(JSON.parse(line)).toEqual({
      recordId: "CALL0000001",
      modelInput: {
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 10,
        temperature: 0,
        messages: [{ role: "user", content: [{ type: "text", text: '<t>He said "stop" </t></t>' }] }],
      },
    });
  });

  it("has one slot per placeholder, in order", () => {
    const template = lineTemplateFor("titan", TEMPLATES.twiceWithCallId, { maxTokens: 10, temperature: 0 });
    expect(template.slots).toEqual(["recordId", "callId", "transcript", "transcript", "callId"]);
    expect(template.literals).toHaveLength(6);
  });

  it("refuses a template without {{transcript}}", () => {
    expect(() => lineTemplateFor("nova", "Summarize the call.", { maxTokens: 10, temperature: 0 })).toThrow(TemplateError);
  });

  it("escapeJsonString is the inside of a JSON string", () => {
    expect(escapeJsonString('a"b\\c\nd\u0001')).toBe('a\\"b\\\\c\\nd\\u0001');
    expect(escapeJsonString("€😀")).toBe("€😀");
  });
});
