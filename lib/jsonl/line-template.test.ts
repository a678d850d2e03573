import { describe, expect, it } from "vitest";
import { compileLineTemplate, escapeJsonString, lineFromModelInput } from "./line-template";
import { utf8Length } from "./byte-length";
import { seeded } from "../../test/fixtures/streams";

const claude = (text: string) => ({
  anthropic_version: "bedrock-2023-05-31",
  max_tokens: 1024,
  messages: [{ role: "user", content: [{ type: "text", text: `Summarize:\n<transcript>\n${text}\n</transcript>` }] }],
});

function randomString(rand: () => number): string {
  const pool = ["a", " ", "\n", "\r", "\t", '"', "\\", "\u0001", "\u001f", "é", "中", "😀", "\ud800", "\udc00", "\u2028", "{EMAIL}"];
  return Array.from({ length: Math.floor(rand() * 20) }, () => pool[Math.floor(rand() * pool.length)]).join("");
}

describe("escapeJsonString", () => {
  it("matches JSON.stringify on 2,000 random strings, lone surrogates included", () => {
    const rand = seeded(7);
    for (let i = 0; i < 2000; i++) {
      const s = randomString(rand);
      expect(escapeJsonString(s), JSON.stringify(s)).toBe(JSON.stringify(s).slice(1, -1));
    }
  });
});

describe("compileLineTemplate", () => {
  const template = compileLineTemplate(claude("{{transcript}}"));

  it("builds the same line as JSON.stringify of the whole record", () => {
    const rand = seeded(11);
    for (let i = 0; i < 500; i++) {
      const text = randomString(rand);
      expect(template.buildLine("RC000000001", text)).toBe(lineFromModelInput("RC000000001", claude(text)));
    }
  });

  it("reports the UTF-8 size of the line", () => {
    for (const text of ['plain "ascii"\nline', "¡Hola! ñ", "emoji 😀", "lone \ud800"]) {
      const { line, bytes } = template.buildLineWithBytes("RC000000002", text);
      expect(bytes).toBe(new TextEncoder().encode(line).length);
      expect(utf8Length(line)).toBe(bytes);
    }
  });

  it("refuses a modelInput without the placeholder, or with it twice", () => {
    expect(() => compileLineTemplate(claude("no placeholder"))).toThrow(/exactly once/);
    expect(() => compileLineTemplate({ a: "{{transcript}}", b: "{{transcript}}" })).toThrow(/exactly once/);
  });
});
